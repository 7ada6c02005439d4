import { Alert, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { BusyButton, busyProps } from '../common/busy-button';
import { useT } from '../i18n';
import { type ChangeEnd, useChangeStart } from './change-jobs';
import { EndpointAllocate } from './endpoint-allocate';
import { ChangeFailure, InstanceChangeProgress } from './flow-progress';
import type { InstanceSectionProps } from './instance-section';

/** The public endpoint: allocate one with a prefix and port, or release it; the SSL certificate protects one endpoint. */
export function PublicEndpointSection({ target, details, onChanged }: InstanceSectionProps) {
  const t = useT();
  const current = details.choices.find((choice) => choice.kind === 'public') ?? null;
  const [releasing, setReleasing] = useState(false);
  const [reminder, setReminder] = useState<string | null>(null);
  const { busy, problem, running, failure, start, ended } = useChangeStart(target);
  async function release() {
    await start('public_endpoint_release', () => api['rds:public-endpoint-release'](target));
    setReleasing(false);
  }
  function released(end: ChangeEnd) {
    setReminder(ended(end)?.publicEndpoint?.sslReminder ?? null);
    void onChanged();
  }
  return (
    <Flex vertical gap={12} data-testid="public-endpoint">
      <Alert type="info" showIcon title={t('connect.sslOneEndpoint')} />
      {current ? (
        <Flex gap={12} align="center">
          <Typography.Text data-testid="public-endpoint-host">
            {t('connect.currentPublic', { host: current.host, port: current.port })}
          </Typography.Text>
          <BusyButton danger busy={busy} disabled={running !== null} onClick={() => setReleasing(true)}>
            {t('connect.release')}
          </BusyButton>
        </Flex>
      ) : (
        <>
          <Typography.Text>{t('connect.noPublicEndpoint')}</Typography.Text>
          <EndpointAllocate
            target={target}
            onDone={(result) => {
              setReminder(result.sslReminder);
              void onChanged();
            }}
          />
        </>
      )}
      <InstanceChangeProgress target={target} kinds={['public_endpoint_release']} onDone={released} />
      {reminder && <Alert type="warning" showIcon title={reminder} />}
      <ChangeFailure failure={failure} />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Modal
        open={releasing && current !== null}
        title={t('connect.releaseTitle')}
        okText={t('connect.apply')}
        okButtonProps={{ danger: true, ...busyProps(busy) }}
        confirmLoading={busy}
        onOk={() => void release()}
        onCancel={() => setReleasing(false)}
      >
        <span data-testid="release-plan">{t('connect.releasePlan', { host: current?.host ?? '' })}</span>
      </Modal>
    </Flex>
  );
}
