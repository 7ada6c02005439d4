import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { FlowStatus } from '../../shared/contract/rds';
import { api } from '../api/bridge';
import { useT } from '../i18n';

function percentOf(status: FlowStatus | null): number {
  if (!status) return 5;
  if (status.state === 'succeeded') return 100;
  if (!status.steps.includes('sent')) return 10;
  return Math.min(95, 25 + status.polls * 10);
}

/** The progress of a started SSL change: "Modifying SSL Settings" until Running again; the wait can be stopped. */
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
      if (!answer.ok) return setProblem(answer.error.message);
      setStatus(answer.value);
      if (answer.value.state === 'running') setTimeout(() => void poll(), 400);
      else done.current(answer.value);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [jobId]);
  const seconds = Math.round((status?.elapsedMs ?? 0) / 1000);
  return (
    <Flex vertical gap={8} role="status" aria-live="polite" data-testid="ssl-progress">
      <Typography.Text strong>{t('rds.modifyingSsl')}</Typography.Text>
      <Progress percent={percentOf(status)} status="active" />
      <Typography.Text type="secondary">
        {t('cloud.progress', {
          status: status?.instanceStatus ?? t('rds.modifyingSsl'),
          polls: status?.polls ?? 0,
          seconds,
        })}
      </Typography.Text>
      <Button onClick={() => void api['rds:flow-cancel']({ jobId })} style={{ alignSelf: 'flex-start' }}>
        {t('cloud.stopWaiting')}
      </Button>
      {problem && <Alert type="error" showIcon title={problem} />}
    </Flex>
  );
}
