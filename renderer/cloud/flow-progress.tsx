import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { ChangeKind, FlowStatus } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { t as translate, useLocale, useT } from '../i18n';
import { type ChangeEnd, useInstanceChange } from './change-jobs';
import type { InstanceTarget } from './cloud-view';
import { changingStatusName } from './status-tag';

/** The phases of a change as the console names them: the change is sent, the instance is changing, Running. */
function phaseOf(status: FlowStatus | null): number {
  if (!status?.steps.includes('sent')) return 0;
  return status.state === 'succeeded' ? 2 : 1;
}

/** Elapsed time in words of the UI language: "42 s", "3 min 5 s". */
function elapsedText(elapsedMs: number): string {
  const total = Math.max(0, Math.round(elapsedMs / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return minutes > 0
    ? translate('cloud.elapsedMinutes', { minutes, seconds })
    : translate('cloud.elapsedSeconds', { seconds });
}

/** The progress of a started change: its phase in words until Running again, the elapsed time; the wait can be stopped. */
export function FlowProgress({
  jobId,
  change,
  status,
}: {
  jobId: string;
  change: ChangeKind;
  status: FlowStatus | null;
}) {
  const t = useT();
  const locale = useLocale();
  const phase = phaseOf(status);
  const phases = [t('cloud.phaseSending'), changingStatusName(change, locale), t('rds.running')];
  return (
    <Flex vertical gap={8} role="status" aria-live="polite" data-testid="ssl-progress">
      <Typography.Text strong data-testid="ssl-progress-phase">
        {phases[phase]}
      </Typography.Text>
      <Flex gap={4} align="center" wrap data-testid="ssl-progress-phases">
        {phases.map((title, index) => (
          <Tag key={title} color={index < phase ? 'success' : index === phase ? 'processing' : 'default'}>
            {title}
          </Tag>
        ))}
      </Flex>
      <Typography.Text type="secondary" data-testid="ssl-progress-elapsed">
        {t('cloud.elapsed', { time: elapsedText(status?.elapsedMs ?? 0) })}
      </Typography.Text>
      <Button onClick={() => void api['rds:flow-cancel']({ jobId })} style={{ alignSelf: 'flex-start' }}>
        {t('cloud.stopWaiting')}
      </Button>
    </Flex>
  );
}

/**
 * The change of an instance when it is one of `kinds`: its progress while it runs, followed on after the section
 * was left and opened again; then `onDone` once, in every section that watched it run (or in the first one opened
 * after it ended, when none did).
 */
export function InstanceChangeProgress({
  target,
  kinds,
  onDone,
}: {
  target: InstanceTarget;
  kinds: readonly ChangeKind[];
  onDone: (end: ChangeEnd) => void;
}) {
  const { last, markSeen } = useInstanceChange(target);
  const mine = last && kinds.includes(last.change) ? last : null;
  const watched = useRef<string | null>(null);
  const handled = useRef<string | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (!mine) return;
    if (!mine.end) {
      watched.current = mine.jobId;
      return;
    }
    if (handled.current === mine.jobId || (watched.current !== mine.jobId && mine.seen)) return;
    handled.current = mine.jobId;
    markSeen(mine.jobId);
    done.current(mine.end);
  }, [mine, markSeen]);
  if (!mine || mine.end) return null;
  return <FlowProgress jobId={mine.jobId} change={mine.change} status={mine.status} />;
}

/** A change's failure, with its code and next step. */
export function ChangeFailure({ failure }: { failure: string | null }) {
  return failure ? <Alert type="error" showIcon title={failure} data-testid="change-failure" /> : null;
}
