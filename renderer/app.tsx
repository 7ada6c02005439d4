import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../shared/contract/vault';
import { api } from './api/bridge';
import { t, useLocale } from './i18n';
import { antLocale } from './i18n/ant-locale';
import { MainWindow } from './main-window';
import { takePrefetchedStatus } from './startup';
import { useSystemDarkMode } from './theme';
import { DamagedVaultScreen } from './vault/damaged-vault-screen';
import { MasterPasswordScreen } from './vault/master-password-screen';

/** The whole UI: the theme that follows the OS, then the damaged-vault, master-password screen or the main window. */
export function App() {
  const dark = useSystemDarkMode();
  const locale = useLocale();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    const answer = await (takePrefetchedStatus() ?? api['vault:status']({}));
    if (answer.ok) setStatus(answer.value);
    else setProblem(answer.error.message);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    document.body.style.background = dark ? '#141414' : '#ffffff';
    document.body.style.margin = '0';
  }, [dark]);
  let content: React.ReactNode;
  if (problem) content = <p role="alert">{problem}</p>;
  else if (!status) content = <Spin aria-label={t('app.loading')} />;
  else if (status.damage) content = <DamagedVaultScreen damage={status.damage} onStatus={setStatus} />;
  else if (!status.unlocked) content = <MasterPasswordScreen status={status} onStatus={setStatus} />;
  else content = <MainWindow onStatus={setStatus} />;
  return (
    <ConfigProvider
      locale={antLocale(locale)}
      theme={{ zeroRuntime: true, algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm }}
    >
      <AntApp>{content}</AntApp>
    </ConfigProvider>
  );
}
