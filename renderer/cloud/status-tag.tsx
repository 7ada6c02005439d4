import { Tag } from 'antd';
import type { ChangeKind } from '../../shared/contract/rds';
import { instanceStatusName } from '../../shared/rds-console-names';
import { type Locale, t, useLocale } from '../i18n';

/** What the instance shows while a change of this kind runs, in the console's words. */
export function changingStatusName(change: ChangeKind, locale: Locale): string {
  if (change === 'public_endpoint_allocate') return instanceStatusName('NET_CREATING', locale);
  if (change === 'public_endpoint_release') return instanceStatusName('NET_DELETING', locale);
  if (change === 'ssl_enforce') return t('cloud.phaseHba');
  return instanceStatusName('SSL_MODIFYING', locale);
}

/** An instance status as the console names it: Running, the change this app runs on it, or the service's own word. */
export function StatusTag({ status, changing = null }: { status: string; changing?: ChangeKind | null }) {
  const locale = useLocale();
  if (changing) return <Tag color="processing">{changingStatusName(changing, locale)}</Tag>;
  if (status === 'Running') return <Tag color="green">{instanceStatusName(status, locale)}</Tag>;
  if (/ssl/i.test(status)) return <Tag color="processing">{instanceStatusName('SSL_MODIFYING', locale)}</Tag>;
  return <Tag color="orange">{instanceStatusName(status, locale)}</Tag>;
}
