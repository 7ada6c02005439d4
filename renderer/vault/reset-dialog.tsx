import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { VaultStatus } from '../../shared/contract/vault';
import { resetConfirmationWord } from '../../shared/vault-types';
import { api } from '../api/bridge';
import { describeFailure } from '../errors';
import { t } from '../i18n';
import { masterPasswordProblem } from './password-rule';

/** Reset a forgotten master password: every saved password is deleted, every server is kept. */
export function ResetDialog({ onClose, onStatus }: { onClose: () => void; onStatus: (status: VaultStatus) => void }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const weak = masterPasswordProblem(password);
  async function reset() {
    const answer = await api['vault:reset']({ password, confirmation, remember: false });
    if (!answer.ok) {
      const failure = describeFailure(answer.error);
      return setError(`${failure.title}: ${failure.detail}`);
    }
    onStatus(answer.value.status);
    onClose();
  }
  return (
    <Modal
      open
      title={t('vault.resetTitle')}
      okText={t('vault.resetOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{
        danger: true,
        disabled: confirmation.trim() !== resetConfirmationWord || !password || Boolean(weak),
      }}
      onOk={reset}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('vault.resetWarning')} description={t('vault.resetDetail')} />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item
          label={t('vault.new')}
          htmlFor="reset-master-password"
          validateStatus={weak ? 'error' : ''}
          help={weak}
        >
          <Input.Password
            id="reset-master-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
          />
        </Form.Item>
        <Form.Item label={t('vault.typeToConfirm', { word: resetConfirmationWord })} htmlFor="reset-confirmation">
          <Input
            id="reset-confirmation"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="off"
          />
        </Form.Item>
      </Form>
      <div aria-live="assertive">
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </div>
    </Modal>
  );
}
