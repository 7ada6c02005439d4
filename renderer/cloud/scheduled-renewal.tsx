import { Tag } from 'antd';
import type { RdsScheduledTask } from '../../shared/contract/rds';
import { useT } from '../i18n';

/** The pending automatic renewal of the cloud certificate (DescribeActiveOperationTasks): when, and the restart. */
export function ScheduledRenewal({ renewal }: { renewal: RdsScheduledTask | null }) {
  const t = useT();
  if (!renewal) return <span data-testid="scheduled-renewal">{t('cloud.scheduledRenewalNone')}</span>;
  const time = (renewal.switchTime ?? '').replace('T', ' ').replace(/Z$/, '');
  const impact = renewal.restart ? t('cloud.scheduledRenewalRestart') : renewal.impactText;
  return (
    <Tag color={renewal.restart ? 'orange' : 'blue'} data-testid="scheduled-renewal">
      {t('cloud.scheduledRenewalAt', { time, impact })}
    </Tag>
  );
}
