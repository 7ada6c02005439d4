import { Tag } from 'antd';
import { useT } from '../i18n';

/** An instance status as the console names it: Running, Modifying SSL Settings, or the service's own word. */
export function StatusTag({ status, modifying = false }: { status: string; modifying?: boolean }) {
  const t = useT();
  if (status === 'Running' && !modifying) return <Tag color="green">{t('rds.running')}</Tag>;
  if (modifying || /ssl/i.test(status)) return <Tag color="processing">{t('rds.modifyingSsl')}</Tag>;
  return <Tag color="orange">{status}</Tag>;
}
