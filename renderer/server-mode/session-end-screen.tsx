import { Result } from 'antd';
import type { SessionEnd } from '../api/server-session';
import { t } from '../i18n';

/** The page that replaces the UI once the session is over: what happened and how to sign in again. */
export function SessionEndScreen({ reason }: { reason: SessionEnd }) {
  const signedOut = reason === 'signed-out';
  return (
    <Result
      role="alert"
      status={signedOut ? 'info' : 'warning'}
      title={t(signedOut ? 'session.signedOutTitle' : 'session.endedTitle')}
      subTitle={t(signedOut ? 'session.signedOut' : 'session.ended')}
    />
  );
}
