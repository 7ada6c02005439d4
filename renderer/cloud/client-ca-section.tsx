import { Button, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { type ClientAcl, clientAclValues, type RdsSslState, type SslChange } from '../../shared/contract/rds';
import { majorVersionOf } from '../../shared/rds-ssl-flow';
import { useT } from '../i18n';
import { PemField } from './pem-field';

/** The client CA certificate with ACL, Replication ACL and an optional CRL (verify-full needs PostgreSQL 12+). */
export function ClientCaSection({
  ssl,
  engineVersion,
  disabled,
  onChange,
}: {
  ssl: RdsSslState;
  engineVersion: string;
  disabled: boolean;
  onChange: (change: SslChange) => void;
}) {
  const t = useT();
  const [certificatePem, setCertificate] = useState('');
  const [crlPem, setCrl] = useState('');
  const [acl, setAcl] = useState<ClientAcl>('verify-ca');
  const [replicationAcl, setReplicationAcl] = useState<ClientAcl>('verify-ca');
  const options = clientAclValues
    .filter((value) => value !== 'verify-full' || majorVersionOf(engineVersion) >= 12)
    .map((value) => ({ value, label: value }));
  if (ssl.clientCaEnabled) {
    return (
      <Flex gap={8} align="center">
        <Typography.Text>
          {t('cloud.clientCaOn', { acl: ssl.acl ?? '', replicationAcl: ssl.replicationAcl ?? '' })}
        </Typography.Text>
        <Button danger disabled={disabled} onClick={() => onChange({ kind: 'client_ca_off' })}>
          {t('cloud.disableClientCa')}
        </Button>
      </Flex>
    );
  }
  return (
    <Form layout="vertical">
      <Typography.Paragraph type="secondary">{t('cloud.clientCaOff')}</Typography.Paragraph>
      <PemField id="cloud-client-ca" label={t('cloud.clientCaPem')} value={certificatePem} onChange={setCertificate} />
      <Flex gap={16}>
        <Form.Item label={t('cloud.acl')} htmlFor="cloud-acl">
          <Select id="cloud-acl" style={{ width: 160 }} value={acl} onChange={setAcl} options={options} />
        </Form.Item>
        <Form.Item label={t('cloud.replicationAcl')} htmlFor="cloud-replication-acl">
          <Select
            id="cloud-replication-acl"
            style={{ width: 160 }}
            value={replicationAcl}
            onChange={setReplicationAcl}
            options={options}
          />
        </Form.Item>
      </Flex>
      <PemField id="cloud-crl" label={t('cloud.crlPem')} value={crlPem} onChange={setCrl} rows={3} />
      <Button
        disabled={disabled || !certificatePem.trim()}
        onClick={() =>
          onChange({ kind: 'client_ca', certificatePem, acl, replicationAcl, ...(crlPem.trim() ? { crlPem } : {}) })
        }
      >
        {t('cloud.enableClientCa')}
      </Button>
    </Form>
  );
}
