import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { describeFailure } from '../errors';
import { t } from '../i18n';
import { masterPasswordProblem } from './password-rule';

/** Change the master password: the vault key is re-wrapped, saved passwords stay. */
export function ChangeDialog({ onClose }: { onClose: (changed: boolean) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const weak = masterPasswordProblem(next);
  async function change() {
    const answer = await api['vault:change']({ current, next });
    if (answer.ok) return onClose(true);
    const failure = describeFailure(answer.error);
    setError(`${failure.title}: ${failure.detail}`);
  }
  return (
    <Modal
      open
      title={t('vault.changeTitle')}
      okText={t('vault.change')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !current || !next || Boolean(weak) }}
      onOk={change}
      onCancel={() => onClose(false)}
    >
      <Form layout="vertical">
        <Form.Item label={t('vault.current')} htmlFor="current-master-password">
          <Input.Password
            id="current-master-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            autoComplete="current-password"
          />
        </Form.Item>
        <Form.Item
          label={t('vault.new')}
          htmlFor="new-master-password"
          validateStatus={weak ? 'error' : ''}
          help={weak}
        >
          <Input.Password
            id="new-master-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            autoComplete="new-password"
          />
        </Form.Item>
      </Form>
      <div aria-live="assertive">{error && <Alert type="error" showIcon title={error} />}</div>
    </Modal>
  );
}
