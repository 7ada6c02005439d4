import { Provider as MotionProvider } from '@rc-component/motion';
import { Alert, ConfigProvider, Spin, theme } from 'antd';
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../shared/contract/vault';
import { api } from './api/bridge';
import { AppFrame, themeClass } from './app-frame';
import { busySpinner } from './common/busy-button';
import { failureLine } from './errors';
import { t, useLocale } from './i18n';
import { antLocale } from './i18n/ant-locale';
import { lazyView, loadLaterStyles } from './later-styles';
import { MainWindow } from './main-window';
import { useSessionEnd } from './server-mode/session-end';
import { takeArrivedStatus, takePrefetchedStatus } from './startup';
import { StyledAppHolder } from './styled-app';
import { useSystemDarkMode, useSystemReducedMotion } from './theme';

// Only a locked vault shows it: an unlocked start goes straight to the Servers tree without loading it.
const MasterPasswordScreen = lazyView(() =>
  import('./vault/master-password-screen').then((module) => module.MasterPasswordScreen),
);
// Rare screens, loaded when shown (with their antd components: Card, Result).
const DamagedVaultScreen = lazyView(() =>
  import('./vault/damaged-vault-screen').then((module) => module.DamagedVaultScreen),
);
const SessionEndScreen = lazyView(() =>
  import('./server-mode/session-end-screen').then((module) => module.SessionEndScreen),
);

/** How often the unlocked UI asks whether the main side locked the vault after the idle time. */
const idlePollMs = 15_000;

/** The whole UI: the theme that follows the OS, then the damaged-vault, master-password screen or the main window. */
export function App() {
  const dark = useSystemDarkMode();
  const reducedMotion = useSystemReducedMotion();
  const locale = useLocale();
  // The status prefetched by main.ts is usually in before the first render: then it renders the right screen at once.
  const [arrived] = useState(takeArrivedStatus);
  const [status, setStatus] = useState<VaultStatus | null>(arrived);
  const [problem, setProblem] = useState<string | null>(null);
  const sessionEnd = useSessionEnd();
  const refresh = useCallback(async () => {
    const answer = await (takePrefetchedStatus() ?? api['vault:status']({}));
    if (answer.ok) setStatus(answer.value);
    else setProblem(failureLine(answer.error));
  }, []);
  useEffect(() => {
    if (!arrived) void refresh();
  }, [arrived, refresh]);
  const loaded = status !== null;
  useEffect(() => {
    // The desktop app's native menu follows the language chosen here (a no-op in server mode).
    if (loaded) void api['app:language']({ locale });
  }, [loaded, locale]);
  const [idleLocked, setIdleLocked] = useState(false);
  const unlocked = status?.unlocked === true;
  useEffect(() => {
    if (!unlocked) return;
    setIdleLocked(false);
    const timer = setInterval(async () => {
      const answer = await api['vault:status']({});
      if (answer.ok && !answer.value.unlocked) {
        setIdleLocked(true);
        setStatus(answer.value);
      }
    }, idlePollMs);
    return () => clearInterval(timer);
  }, [unlocked]);
  // Every screen but the main window (which waits for its tree) uses components beyond the first screen's styles.
  const elsewhere =
    sessionEnd !== null || problem !== null || (status !== null && (!status.unlocked || status.damage !== null));
  useEffect(() => {
    if (elsewhere) void loadLaterStyles();
  }, [elsewhere]);
  useEffect(() => {
    document.body.style.background = dark ? '#141414' : '#ffffff';
    document.body.style.margin = '0';
  }, [dark]);
  let content: React.ReactNode;
  if (sessionEnd) content = <SessionEndScreen reason={sessionEnd} />;
  else if (problem) content = <p role="alert">{problem}</p>;
  else if (!status) content = <Spin aria-label={t('app.loading')} />;
  else if (status.damage) content = <DamagedVaultScreen damage={status.damage} onStatus={setStatus} />;
  else if (!status.unlocked)
    content = (
      <>
        {idleLocked && <Alert type="info" banner title={t('vault.idleLocked')} />}
        <MasterPasswordScreen status={status} onStatus={setStatus} />
      </>
    );
  else content = <MainWindow onStatus={setStatus} />;
  // Motion is switched where antd's animations read it (rc-motion's context, inside the ConfigProvider, whose own
  // provider would otherwise answer first), not through the theme's `motion` token: antd wraps the app in a new
  // element when that token changes, which remounts it and loses a dialog open at that moment.
  return (
    <ConfigProvider
      locale={antLocale(locale)}
      button={{ autoInsertSpace: false, loadingIcon: busySpinner }}
      form={{ colon: false }}
      theme={{
        zeroRuntime: true,
        cssVar: { key: themeClass },
        algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
      }}
    >
      <MotionProvider motion={!reducedMotion}>
        <AppFrame>
          <Suspense fallback={<Spin aria-label={t('app.loading')} />}>{content}</Suspense>
        </AppFrame>
        <StyledAppHolder />
      </MotionProvider>
    </ConfigProvider>
  );
}
