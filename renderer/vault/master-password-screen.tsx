import { Alert, Button, Checkbox, Form, Input, Typography } from 'antd';
import { Suspense, useState } from 'react';
import type { VaultStatus } from '../../shared/contract/vault';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { failureLine } from '../errors';
import { t } from '../i18n';
import { lazyView } from '../later-styles';
import { KeychainNote } from './keychain-note';
import { masterPasswordProblem } from './password-rule';
import { VaultCard } from './vault-card';

const ResetDialog = lazyView(() => import('./reset-dialog').then((module) => module.ResetDialog));

/** First run: set the master password; later: unlock. Both offer "Remember on this device". */
export function MasterPasswordScreen({
  status,
  onStatus,
}: {
  status: VaultStatus;
  onStatus: (status: VaultStatus) => void;
}) {
  const firstRun = !status.initialized;
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [remember, setRemember] = useState(status.remembered);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const weak = firstRun ? masterPasswordProblem(password) : undefined;
  const mismatch = firstRun && confirmation !== '' && confirmation !== password ? t('vault.mismatch') : undefined;
  const ready = password !== '' && (!firstRun || (!weak && confirmation === password));

  async function submit() {
    if (!ready) return;
    setBusy(true);
    const answer = firstRun
      ? await api['vault:setup']({ password, remember })
      : await api['vault:unlock']({ password, remember });
    setBusy(false);
    if (answer.ok) onStatus(answer.value);
    else {
      setError(failureLine(answer.error));
    }
  }

  return (
    <VaultCard
      title={firstRun ? t('vault.setTitle') : t('vault.unlockTitle')}
      width={440}
      overlay={
        resetting && (
          <Suspense fallback={null}>
            <ResetDialog onClose={() => setResetting(false)} onStatus={onStatus} />
          </Suspense>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {firstRun ? t('vault.setIntro') : t('vault.unlockIntro')}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t('vault.masterPassword')}
          htmlFor="master-password"
          validateStatus={weak ? 'error' : ''}
          help={weak}
        >
          <Input.Password
            id="master-password"
            autoFocus
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete={firstRun ? 'new-password' : 'current-password'}
          />
        </Form.Item>
        {firstRun && (
          <Form.Item
            label={t('vault.confirm')}
            htmlFor="master-password-confirmation"
            validateStatus={mismatch ? 'error' : ''}
            help={mismatch}
          >
            <Input.Password
              id="master-password-confirmation"
              value={confirmation}
              onChange={(event) => setConfirmation(event.target.value)}
              autoComplete="new-password"
            />
          </Form.Item>
        )}
        <Form.Item>
          <Checkbox
            checked={remember}
            disabled={!status.keychainAvailable}
            onChange={(event) => setRemember(event.target.checked)}
          >
            {t('vault.remember')}
          </Checkbox>
          {!status.keychainAvailable && <KeychainNote problem={status.keychainProblem} />}
        </Form.Item>
        <div aria-live="assertive">{error && <Alert type="error" showIcon title={error} />}</div>
        <BusyButton type="primary" htmlType="submit" block disabled={!ready} busy={busy} style={{ marginTop: 12 }}>
          {firstRun ? t('vault.set') : t('vault.unlock')}
        </BusyButton>
      </Form>
      {!firstRun && (
        <Button type="link" onClick={() => setResetting(true)} style={{ paddingLeft: 0, marginTop: 8 }}>
          {t('vault.forgot')}
        </Button>
      )}
    </VaultCard>
  );
}
