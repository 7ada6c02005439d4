import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FlowStatus } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t as translate, useT } from '../i18n';

/** The phases of an SSL change as the console names them: the change is sent, SSL settings are modified, Running. */
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

/** The progress of a started SSL change: "Modifying SSL Settings" until Running again, the elapsed time; the wait can be stopped. */
export function FlowProgress({ jobId, onDone }: { jobId: string; onDone: (status: FlowStatus) => void }) {
  const t = useT();
  const [status, setStatus] = useState<FlowStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      const answer = await api['rds:flow-status']({ jobId });
      if (stopped) return;
      if (!answer.ok) return setProblem(failureLine(answer.error));
      setStatus(answer.value);
      if (answer.value.state === 'running') setTimeout(() => void poll(), 400);
      else done.current(answer.value);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);
  const phase = phaseOf(status);
  const failed = status?.state === 'failed' || status?.state === 'cancelled';
  const phases = [t('cloud.phaseSending'), t('rds.modifyingSsl'), t('rds.running')];
  return (
    <Flex vertical gap={8} role="status" aria-live="polite" data-testid="ssl-progress">
      <Typography.Text strong data-testid="ssl-progress-phase">
        {phases[phase]}
      </Typography.Text>
      <Flex gap={4} align="center" wrap data-testid="ssl-progress-phases">
        {phases.map((title, index) => (
          <Tag
            key={title}
            color={
              index < phase || phase === 2 ? 'success' : index === phase ? (failed ? 'error' : 'processing') : 'default'
            }
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
      {problem && <Alert type="error" showIcon title={problem} />}
    </Flex>
  );
}
