import { Tag } from 'antd';
import { instanceStatusName } from '../../shared/rds-console-names';
import { useLocale } from '../i18n';

/** An instance status as the console names it: Running, Modifying SSL Settings, or the service's own word. */
export function StatusTag({ status, modifying = false }: { status: string; modifying?: boolean }) {
  const locale = useLocale();
  if (status === 'Running' && !modifying) return <Tag color="green">{instanceStatusName(status, locale)}</Tag>;
  if (modifying || /ssl/i.test(status))
    return <Tag color="processing">{instanceStatusName('SSL_MODIFYING', locale)}</Tag>;
  return <Tag color="orange">{instanceStatusName(status, locale)}</Tag>;
}
