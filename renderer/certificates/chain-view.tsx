import { Alert, Descriptions, Tag, Typography } from 'antd';
import type { CertificateDetails } from '../../shared/contract/certificates';
import { useT } from '../i18n';
import { ExpiryTag } from './expiry-tag';

/** What a certificate file holds: each certificate with its facts, whether they chain to a root, and warnings. */
export function ChainView(props: {
  format: string;
  formsChain: boolean;
  certificates: CertificateDetails[];
  warnings: string[];
}) {
  const t = useT();
  return (
    <section aria-label={t('certificates.chain')} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Typography.Text>
        {t('certificates.fileSummary', { format: props.format.toUpperCase(), count: props.certificates.length })}{' '}
        {props.formsChain ? (
          <Tag color="green">{t('certificates.formsChain')}</Tag>
        ) : (
          <Tag>{t('certificates.noChain')}</Tag>
        )}
      </Typography.Text>
      {props.warnings.map((warning) => (
        <Alert key={warning} type="warning" showIcon title={warning} />
      ))}
      {props.certificates.map((certificate, index) => (
        <Descriptions
          // biome-ignore lint/suspicious/noArrayIndexKey: the file's fixed order; one certificate may appear twice
          key={`${certificate.fingerprintSha256}-${index}`}
          size="small"
          bordered
          column={1}
          title={`${index + 1}. ${certificate.subject}`}
          items={[
            { key: 'issuer', label: t('certificates.issuer'), children: certificate.issuer },
            { key: 'expiry', label: t('certificates.expires'), children: <ExpiryTag certificate={certificate} /> },
            {
              key: 'kind',
              label: t('certificates.kind'),
              children: certificate.isCA
                ? certificate.selfSigned
                  ? t('certificates.rootCa')
                  : t('certificates.intermediateCa')
                : t('certificates.endEntity'),
            },
            {
              key: 'key',
              label: t('certificates.key'),
              children: `${certificate.keyType}${certificate.keySize ? ` ${certificate.keySize}` : ''}, ${certificate.signatureAlgorithm}`,
            },
            {
              key: 'names',
              label: t('certificates.altNames'),
              children: certificate.subjectAltNames.join(', ') || '—',
            },
            { key: 'serial', label: t('certificates.serial'), children: certificate.serialNumber },
            {
              key: 'fingerprint',
              label: t('certificates.fingerprint'),
              children: <Typography.Text code>{certificate.fingerprintSha256}</Typography.Text>,
            },
            ...(certificate.member
              ? [{ key: 'member', label: t('certificates.member'), children: certificate.member }]
              : []),
          ]}
        />
      ))}
    </section>
  );
}
