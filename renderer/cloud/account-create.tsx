import { Alert, Button, Flex, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { busyProps } from '../common/busy-button';
import { useT } from '../i18n';
import type { InstanceTarget } from './cloud-view';
import { useRdsAction } from './use-rds-action';

/** Creates a standard or privileged database account; its password goes straight into the vault. */
export function AccountCreate({
  target,
  onDone,
}: {
  target: InstanceTarget;
  onDone: (account: { name: string; password: string; passwordSaved: boolean }) => void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [type, setType] = useState<'Normal' | 'Super'>('Normal');
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, run } = useRdsAction();
  async function create() {
    const created = await run(() =>
      api['rds:database-account-create']({ ...target, name: name.trim(), type, password }),
    );
    setConfirming(false);
    if (created) onDone({ name: created.name, password, passwordSaved: created.passwordSaved });
  }
  const kind = type === 'Super' ? t('connect.privileged') : t('connect.standard');
  return (
    <Flex vertical gap={8}>
      <Form layout="inline" onSubmitCapture={(event) => event.preventDefault()}>
        <Form.Item label={t('connect.accountName')}>
          <Input
            aria-label={t('connect.accountName')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item label={t('connect.password')}>
          <Input.Password
            aria-label={t('connect.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
          />
        </Form.Item>
        <Form.Item>
          <Radio.Group value={type} onChange={(event) => setType(event.target.value)}>
            <Radio value="Normal">{t('connect.standard')}</Radio>
            <Radio value="Super">{t('connect.privileged')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Button type="primary" disabled={!name.trim() || !password} onClick={() => setConfirming(true)}>
          {t('connect.createAccount')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Modal
        open={confirming}
        title={t('connect.createTitle')}
        okText={t('connect.apply')}
        confirmLoading={busy}
        okButtonProps={busyProps(busy)}
        onOk={() => void create()}
        onCancel={() => setConfirming(false)}
      >
        <span data-testid="create-plan">
          {t('connect.createPlan', { type: kind, name: name.trim(), instance: target.instanceId })}
        </span>
      </Modal>
    </Flex>
  );
}
