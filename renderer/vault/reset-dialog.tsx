import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { VaultStatus } from '../../shared/contract/vault';
import { resetConfirmationWord } from '../../shared/vault-types';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { NewPasswordFields, newPasswordProblem } from './new-password-fields';

/** Reset a forgotten master password: every saved password is deleted, every server is kept. */
export function ResetDialog({ onClose, onStatus }: { onClose: () => void; onStatus: (status: VaultStatus) => void }) {
  const [password, setPassword] = useState('');
  const [passwordConfirmation, setPasswordConfirmation] = useState('');
  const [typedWord, setTypedWord] = useState('');
  const [error, setError] = useState<string | null>(null);
  const problem = newPasswordProblem(password, passwordConfirmation);
  async function reset() {
    const answer = await api['vault:reset']({ password, confirmation: typedWord, remember: false });
    if (!answer.ok) {
      return setError(failureLine(answer.error));
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
        disabled: typedWord.trim() !== resetConfirmationWord || !password || Boolean(problem),
      }}
      onOk={reset}
      onCancel={onClose}
    >
      <Alert type="warning" showIcon title={t('vault.resetWarning')} description={t('vault.resetDetail')} />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <NewPasswordFields
          id="reset-master-password"
          password={password}
          confirmation={passwordConfirmation}
          onPassword={setPassword}
          onConfirmation={setPasswordConfirmation}
        />
        <Form.Item label={t('vault.typeToConfirm', { word: resetConfirmationWord })} htmlFor="reset-confirmation">
          <Input
            id="reset-confirmation"
            value={typedWord}
            onChange={(event) => setTypedWord(event.target.value)}
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
