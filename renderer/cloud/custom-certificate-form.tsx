import { Button, Form, Select } from 'antd';
import { useState } from 'react';
import type { EndpointChoice } from '../../shared/rds-ssl-flow';
import { useT } from '../i18n';
import { PemField } from './pem-field';

/** Custom Certificate: the protected endpoint, the server certificate and its unencrypted key, in PEM. */
export function CustomCertificateForm({
  choices,
  disabled,
  onApply,
}: {
  choices: EndpointChoice[];
  disabled: boolean;
  onApply: (endpoint: string, certificatePem: string, keyPem: string) => void;
}) {
  const t = useT();
  const protectable = choices.filter((choice) => choice.protectable);
  const [endpoint, setEndpoint] = useState(
    protectable.find((choice) => choice.recommended)?.host ?? protectable[0]?.host,
  );
  const [certificatePem, setCertificate] = useState('');
  const [keyPem, setKey] = useState('');
  return (
    <Form layout="vertical">
      <Form.Item label={t('rds.protectedEndpoint')} htmlFor="cloud-custom-endpoint">
        <Select
          id="cloud-custom-endpoint"
          value={endpoint}
          onChange={setEndpoint}
          options={protectable.map((choice) => ({ value: choice.host, label: `${choice.host}:${choice.port}` }))}
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
        onClick={() => endpoint && onApply(endpoint, certificatePem, keyPem)}
      >
        {t('cloud.applyCustom')}
      </Button>
    </Form>
  );
}
