import { Button, Checkbox, Form, Select } from 'antd';
import { useState } from 'react';
import type { EndpointChoice } from '../../shared/contract/rds';
import { useT } from '../i18n';
import { PemField } from './pem-field';

/**
 * Custom Certificate: the endpoint sent as ConnectionString, every endpoint the certificate is to protect (all the
 * protectable ones are offered: a custom certificate may cover several through its names), the server certificate
 * and its unencrypted key, in PEM.
 */
export function CustomCertificateForm({
  choices,
  disabled,
  onApply,
}: {
  choices: EndpointChoice[];
  disabled: boolean;
  onApply: (endpoint: string, certificatePem: string, keyPem: string, endpoints: string[]) => void;
}) {
  const t = useT();
  const protectable = choices.filter((choice) => choice.protectable);
  const [endpoint, setEndpoint] = useState(
    protectable.find((choice) => choice.recommended)?.host ?? protectable[0]?.host,
  );
  const [covered, setCovered] = useState<string[]>(endpoint ? [endpoint] : []);
  const [certificatePem, setCertificate] = useState('');
  const [keyPem, setKey] = useState('');
  return (
    <Form layout="vertical">
      <Form.Item label={t('rds.protectedEndpoint')} htmlFor="cloud-custom-endpoint">
        <Select
          id="cloud-custom-endpoint"
          value={endpoint}
          onChange={(host) => {
            setEndpoint(host);
            setCovered((hosts) => (hosts.includes(host) ? hosts : [...hosts, host]));
          }}
          options={protectable.map((choice) => ({ value: choice.host, label: `${choice.host}:${choice.port}` }))}
        />
      </Form.Item>
      <Form.Item label={t('cloud.coveredEndpoints')}>
        <Checkbox.Group
          data-testid="custom-covered-endpoints"
          value={covered}
          onChange={(hosts) => setCovered(endpoint && !hosts.includes(endpoint) ? [...hosts, endpoint] : hosts)}
          options={protectable.map((choice) => ({ value: choice.host, label: choice.host }))}
        />
      </Form.Item>
      <PemField
        id="cloud-custom-certificate"
        label={t('cloud.customCertificatePem')}
        value={certificatePem}
        onChange={setCertificate}
      />
      <PemField id="cloud-custom-key" label={t('cloud.customKeyPem')} value={keyPem} onChange={setKey} />
      <Button
        type="primary"
        disabled={disabled || !endpoint || !certificatePem.trim() || !keyPem.trim()}
        onClick={() => endpoint && onApply(endpoint, certificatePem, keyPem, covered)}
      >
        {t('cloud.applyCustom')}
      </Button>
    </Form>
  );
}
