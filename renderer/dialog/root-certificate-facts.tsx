import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';

type Facts = { subject: string; notAfter: string; isCA: boolean; expiryState: string }[];

/** What a picked Root certificate is: its subject and expiry, and a warning when it is not a CA or has expired. */
export function RootCertificateFacts({ path }: { path: string }) {
  const [facts, setFacts] = useState<{ certificates: Facts; warnings: string[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void api['certs:inspect-root']({ path }).then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setFacts(answer.value);
        setProblem(null);
      } else {
        setFacts(null);
        setProblem(failureLine(answer.error));
      }
    });
    return () => {
      current = false;
    };
  }, [path]);
  return (
    <div aria-live="polite" data-testid="root-certificate-facts" style={{ marginTop: 6 }}>
      {problem && <Alert type="error" showIcon title={problem} />}
      {facts?.certificates.map((certificate) => (
        <Typography.Text
          key={`${certificate.subject}-${certificate.notAfter}`}
          style={{ display: 'block', fontSize: 12 }}
        >
          {t('root.facts', { subject: certificate.subject, date: certificate.notAfter.slice(0, 10) })}
          {certificate.isCA ? t('root.isCa') : t('root.notCa')}
        </Typography.Text>
      ))}
      {facts && facts.warnings.length > 0 && (
        <Alert type="warning" showIcon title={facts.warnings.join(' ')} style={{ marginTop: 4 }} />
      )}
    </div>
  );
}
