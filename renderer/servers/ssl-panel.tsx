import { Descriptions, Tag } from 'antd';
import type { ConnectionFacts } from '../../shared/contract/connection';
import { t } from '../i18n';

/** The date part of an ISO time. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The SSL facts of a checked or open connection: in use, TLS version, cipher, server certificate and expiry. */
export function SslFacts({ facts, title }: { facts: ConnectionFacts; title: string }) {
  const certificate = facts.serverCertificate;
  return (
    <section aria-label={title}>
      <Descriptions
        size="small"
        bordered
        column={1}
        title={title}
        items={[
          {
            key: 'ssl',
            label: t('ssl.inUse'),
            children: facts.ssl ? <Tag color="green">{t('ssl.inUse')}</Tag> : <Tag color="red">{t('ssl.none')}</Tag>,
          },
          { key: 'protocol', label: t('ssl.tlsVersion'), children: facts.protocol ?? '—' },
          { key: 'cipher', label: t('ssl.cipher'), children: facts.cipher ?? '—' },
          { key: 'subject', label: t('ssl.serverCertificate'), children: certificate?.subject ?? '—' },
          { key: 'expiry', label: t('ssl.expires'), children: certificate ? day(certificate.notAfter) : '—' },
          { key: 'version', label: t('ssl.serverVersion'), children: facts.serverVersion },
          {
            key: 'chain',
            label: t('ssl.chain'),
            children: facts.chain.length ? (
              <ol style={{ margin: 0, paddingLeft: 18 }}>
                {facts.chain.map((item) => (
                  <li key={item.fingerprintSha256}>
                    {item.subject}{' '}
                    <span style={{ opacity: 0.7 }}>
                      {t('ssl.issuedBy', { issuer: item.issuer, date: day(item.notAfter) })}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </section>
  );
}
