import { Alert, Button, Space, Typography } from 'antd';
import { Suspense, useState } from 'react';
import type { VaultStatus } from '../../shared/contract/vault';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { describeFailure, failureLine } from '../errors';
import { t, useLocale } from '../i18n';
import { lazyView } from '../later-styles';
import { VaultCard } from './vault-card';

const ResetDialog = lazyView(() => import('./reset-dialog').then((module) => module.ResetDialog));

/** A damaged vault file: what happened, its last good copy with its date, Restore and Reset. */
export function DamagedVaultScreen({
  damage,
  onStatus,
}: {
  damage: NonNullable<VaultStatus['damage']>;
  onStatus: (status: VaultStatus) => void;
}) {
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const failure = describeFailure(damage);

  async function restore() {
    setBusy(true);
    const answer = await api['vault:restore']({});
    setBusy(false);
    if (answer.ok) onStatus(answer.value.status);
    else {
      setError(failureLine(answer.error));
    }
  }

  return (
    <VaultCard
      title={t('vault.damagedTitle')}
      width={520}
      overlay={
        resetting && (
          <Suspense fallback={null}>
            <ResetDialog onClose={() => setResetting(false)} onStatus={onStatus} />
          </Suspense>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('vault.damagedIntro')}</Typography.Paragraph>
      <Alert type="error" showIcon title={failure.title} description={failure.detail} />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {damage.backupSavedAt !== null && damage.backupPath !== null
          ? t('vault.backupFound', {
              date: new Date(damage.backupSavedAt).toLocaleString(locale),
              path: damage.backupPath,
            })
          : t('vault.noBackup')}
      </Typography.Paragraph>
      <div aria-live="assertive">{error && <Alert type="error" showIcon title={error} />}</div>
      <Space style={{ marginTop: 12 }}>
        {damage.backupSavedAt !== null && (
          <BusyButton type="primary" busy={busy} onClick={restore}>
            {t('vault.restore')}
          </BusyButton>
        )}
        <Button danger onClick={() => setResetting(true)}>
          {t('vault.resetDamaged')}
        </Button>
      </Space>
    </VaultCard>
  );
}
