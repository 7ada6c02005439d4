import { Alert, Flex } from 'antd';
import { type SslChange, sslChangeKinds } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { useT } from '../i18n';
import { useChangeStart } from './change-jobs';
import type { InstanceTarget } from './cloud-view';
import { ChangeFailure, InstanceChangeProgress } from './flow-progress';

/**
 * Protects an endpoint with a cloud certificate (or renews it): says what changes and that the instance restarts,
 * then starts the SSL change and follows it until the instance is Running again.
 */
export function SslProtect({
  target,
  change,
  restartWarning,
  onDone,
}: {
  target: InstanceTarget;
  change: SslChange;
  restartWarning: string;
  onDone: (succeeded: boolean) => void;
}) {
  const t = useT();
  const { busy, problem, running, failure, start, ended } = useChangeStart(target);
  const host = 'endpoint' in change ? change.endpoint : '';
  return (
    <Flex vertical gap={8} data-testid="ssl-protect">
      <span>{change.kind === 'renew' ? t('connect.renewTitle') : t('connect.protectPlan', { host })}</span>
      <Alert type="warning" showIcon title={restartWarning} />
      <Alert type="info" title={t('connect.sslOneEndpoint')} />
      <InstanceChangeProgress
        target={target}
        kinds={sslChangeKinds}
        onDone={(end) => onDone(ended(end)?.state === 'succeeded')}
      />
      {!running && (
        <BusyButton
          type="primary"
          busy={busy}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => void start(change.kind, () => api['rds:flow-start']({ ...target, change }))}
        >
          {t('connect.apply')}
        </BusyButton>
      )}
      <ChangeFailure failure={failure} />
      {problem && <Alert type="error" showIcon title={problem} />}
    </Flex>
  );
}
