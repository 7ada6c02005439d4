import { Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { EndpointChoice } from '../../shared/rds-ssl-flow';
import { useCloudT } from './use-cloud-t';

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
  const t = useCloudT();
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
      <Form.Item label={t('cloud.customCertificatePem')} htmlFor="cloud-custom-certificate">
        <Input.TextArea
          id="cloud-custom-certificate"
          rows={4}
          value={certificatePem}
          onChange={(event) => setCertificate(event.target.value)}
        />
      </Form.Item>
      <Form.Item label={t('cloud.customKeyPem')} htmlFor="cloud-custom-key">
        <Input.TextArea
          id="cloud-custom-key"
          rows={4}
          value={keyPem}
          onChange={(event) => setKey(event.target.value)}
        />
      </Form.Item>
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
