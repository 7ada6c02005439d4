import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { serverSession } from '../api/bridge';
import type { SessionEnd } from '../api/server-session';
import { t } from '../i18n';

/** Why the server-mode session is over, or null while it lasts (always null in Electron). */
export function useSessionEnd(): SessionEnd | null {
  const [ended, setEnded] = useState<SessionEnd | null>(null);
  useEffect(() => serverSession?.onEnd(setEnded), []);
  return ended;
}

/** The menu bar's Sign out button, in server mode only. */
export function SignOutButton() {
  if (!serverSession) return null;
  const session = serverSession;
  return (
    <Button role="menuitem" onClick={() => void session.signOut()}>
      {t('menu.signOut')}
    </Button>
  );
}
