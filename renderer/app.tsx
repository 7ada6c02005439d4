import { App as AntApp, ConfigProvider, Spin, theme } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../shared/contract/vault';
import { api } from './api/bridge';
import { t, useLocale } from './i18n';
import { antLocale } from './i18n/ant-locale';
import { MainWindow } from './main-window';
import { takePrefetchedStatus } from './startup';
import { useSystemDarkMode } from './theme';

// Only a locked vault shows it: an unlocked start goes straight to the Servers tree without loading it.
const MasterPasswordScreen = lazy(() =>
  import('./vault/master-password-screen').then((module) => ({ default: module.MasterPasswordScreen })),
);

/** The whole UI: the theme that follows the OS, then the master-password screen or the main window. */
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
  else if (!status.unlocked)
    content = (
      <Suspense fallback={<Spin aria-label={t('app.loading')} />}>
        <MasterPasswordScreen status={status} onStatus={setStatus} />
      </Suspense>
    );
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
