import { Alert, Flex, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { PublicEndpointView } from '../../shared/contract/rds-connect';
import { api } from '../api/bridge';
import { BusyButton, busyProps } from '../common/busy-button';
import { useT } from '../i18n';
import { type ChangeEnd, useChangeStart } from './change-jobs';
import type { InstanceTarget } from './cloud-view';
import { ChangeFailure, InstanceChangeProgress } from './flow-progress';

/**
 * The form that allocates a public endpoint: a prefix and port the user picks, the change shown before it is made,
 * then its progress until the instance is Running with the new endpoint.
 */
export function EndpointAllocate({
  target,
  onDone,
}: {
  target: InstanceTarget;
  onDone: (result: PublicEndpointView) => void;
}) {
  const t = useT();
  const [prefix, setPrefix] = useState(`${target.instanceId}-pub`);
  const [port, setPort] = useState(5432);
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, running, failure, start, ended } = useChangeStart(target);
  async function allocate() {
    await start('public_endpoint_allocate', () => api['rds:public-endpoint-allocate']({ ...target, prefix, port }));
    setConfirming(false);
  }
  function allocated(end: ChangeEnd) {
    const status = ended(end);
    if (status?.publicEndpoint) onDone(status.publicEndpoint);
  }
  return (
    <Flex vertical gap={8}>
      <Form layout="inline" onSubmitCapture={(event) => event.preventDefault()}>
        <Form.Item label={t('connect.prefix')}>
          <Input
            aria-label={t('connect.prefix')}
            value={prefix}
            onChange={(event) => setPrefix(event.target.value)}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label={t('connect.port')}>
          <InputNumber
            aria-label={t('connect.port')}
            min={1000}
            max={5999}
            value={port}
            onChange={(value) => setPort(value ?? 5432)}
          />
        </Form.Item>
        <BusyButton type="primary" busy={busy} disabled={running !== null} onClick={() => setConfirming(true)}>
          {t('connect.allocate')}
        </BusyButton>
      </Form>
      <InstanceChangeProgress target={target} kinds={['public_endpoint_allocate']} onDone={allocated} />
      <ChangeFailure failure={failure} />
      {problem && <Alert type="error" showIcon title={problem} />}
      <Modal
        open={confirming}
        title={t('connect.allocateTitle')}
        okText={t('connect.apply')}
        confirmLoading={busy}
        okButtonProps={busyProps(busy)}
        onOk={() => void allocate()}
        onCancel={() => setConfirming(false)}
      >
        <Flex vertical gap={8} data-testid="allocate-plan">
          <span>{t('connect.allocatePlan', { host: `${prefix}.pg.rds.aliyuncs.com`, port })}</span>
          <Alert type="info" title={t('connect.sslOneEndpoint')} />
        </Flex>
      </Modal>
    </Flex>
  );
}
