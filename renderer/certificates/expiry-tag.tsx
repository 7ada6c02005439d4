import { Tag } from 'antd';
import type { CertificateDetails } from '../../shared/contract/certificates';
import { useT } from '../i18n';

/** A certificate's expiry: green while valid, orange within 30 days, red once expired. */
export function ExpiryTag({ certificate }: { certificate: CertificateDetails }) {
  const t = useT();
  const date = certificate.notAfter.slice(0, 10);
  if (certificate.expiryState === 'expired') return <Tag color="red">{t('certificates.expired', { date })}</Tag>;
  if (certificate.expiryState === 'expires_soon')
    return <Tag color="orange">{t('certificates.expiresSoon', { date, days: certificate.daysLeft })}</Tag>;
  return <Tag color="green">{t('certificates.validUntil', { date, days: certificate.daysLeft })}</Tag>;
}
