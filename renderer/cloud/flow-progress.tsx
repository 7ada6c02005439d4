import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ChangeKind, FlowStatus } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t as translate, useLocale, useT } from '../i18n';
import { useInstanceChange } from './change-jobs';
import type { InstanceTarget } from './cloud-view';
import { changingStatusName } from './status-tag';

/** How a change ended: its last status (null when it is no longer tracked) and the failure to show, if any. */
export type ChangeEnd = { status: FlowStatus | null; failure: string | null };

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
  onDone,
}: {
  jobId: string;
  change: ChangeKind;
  onDone: (end: ChangeEnd) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [status, setStatus] = useState<FlowStatus | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const answer = await api['rds:flow-status']({ jobId });
      if (stopped) return;
      if (!answer.ok) return done.current({ status: null, failure: failureLine(answer.error) });
      setStatus(answer.value);
      const { state, error } = answer.value;
      if (state === 'running') setTimeout(() => void poll(), 400);
      else done.current({ status: answer.value, failure: state === 'succeeded' || !error ? null : failureLine(error) });
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);
  const phase = phaseOf(status);
  const phases = [t('cloud.phaseSending'), changingStatusName(change, locale), t('rds.running')];
  return (
    <Flex vertical gap={8} role="status" aria-live="polite" data-testid="ssl-progress">
      <Typography.Text strong data-testid="ssl-progress-phase">
        {phases[phase]}
      </Typography.Text>
      <Flex gap={4} align="center" wrap data-testid="ssl-progress-phases">
        {phases.map((title, index) => (
          <Tag
            key={title}
            color={index < phase || phase === 2 ? 'success' : index === phase ? 'processing' : 'default'}
          >
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
 * The change running on an instance when it is one of `kinds`: its progress, followed on after the section was left
 * and opened again, until it ends (then `onDone`).
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
  const { current, end } = useInstanceChange(target);
  if (!current || !kinds.includes(current.change)) return null;
  return (
    <FlowProgress
      key={current.jobId}
      jobId={current.jobId}
      change={current.change}
      onDone={(ended) => {
        end(current.jobId);
        onDone(ended);
      }}
    />
  );
}

/** A change's failure, with its code and next step. */
export function ChangeFailure({ failure }: { failure: string | null }) {
  return failure ? <Alert type="error" showIcon title={failure} data-testid="change-failure" /> : null;
}
