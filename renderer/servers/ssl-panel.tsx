import { Descriptions, Tag } from 'antd';
import type { ConnectionFacts } from '../../shared/contract/connection';

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
            label: 'SSL in use',
            children: facts.ssl ? <Tag color="green">SSL in use</Tag> : <Tag color="red">No SSL</Tag>,
          },
          { key: 'protocol', label: 'TLS version', children: facts.protocol ?? '—' },
          { key: 'cipher', label: 'Cipher', children: facts.cipher ?? '—' },
          { key: 'subject', label: 'Server certificate', children: certificate?.subject ?? '—' },
          { key: 'expiry', label: 'Expires', children: certificate ? day(certificate.notAfter) : '—' },
          { key: 'version', label: 'Server version', children: facts.serverVersion },
          {
            key: 'chain',
            label: 'Certificate chain',
            children: facts.chain.length ? (
              <ol style={{ margin: 0, paddingLeft: 18 }}>
                {facts.chain.map((item) => (
                  <li key={item.fingerprintSha256}>
                    {item.subject}{' '}
                    <span style={{ opacity: 0.7 }}>
                      (issued by {item.issuer}, until {day(item.notAfter)})
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
