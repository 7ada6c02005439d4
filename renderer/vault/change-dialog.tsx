import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields';

/** Change the master password: the vault key is re-wrapped, saved passwords stay. */
export function ChangeDialog({ onClose }: { onClose: (changed: boolean) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const problem = newPasswordProblem(next, confirmation);
  async function change() {
    const answer = await api['vault:change']({ current, next });
    if (answer.ok) return onClose(true);
    setError(failureLine(answer.error));
  }
  return (
    <Modal
      open
      title={t('vault.changeTitle')}
      okText={t('vault.change')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !current || !next || Boolean(problem) }}
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
        <NewPasswordFields
          id="new-master-password"
          password={next}
          confirmation={confirmation}
          onPassword={setNext}
          onConfirmation={setConfirmation}
        />
      </Form>
      <div aria-live="assertive">{error && <Alert type="error" showIcon title={error} />}</div>
    </Modal>
  );
}
