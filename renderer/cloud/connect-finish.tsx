import { Alert, Flex } from 'antd';
import { useState } from 'react';
import type { ConnectionFacts } from '../../shared/contract/connection';
import type { ServerForm } from '../../shared/contract/server-form';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { useT } from '../i18n';
import type { InstanceTarget } from './cloud-view';
import type { ChosenAccount } from './connect-account';
import { rememberFailure } from './failed-address';
import { useRdsAction } from './use-rds-action';

/**
 * The last steps of "Connect to this instance": the CA into the app's certificate store, the server entry for the
 * chosen endpoint and account (Verify-Full), Test connection, then save it and connect.
 */
export function ConnectFinish({
  target,
  host,
  account,
  onTested,
  onConnected,
}: {
  target: InstanceTarget;
  host: string;
  account: ChosenAccount;
  /** The registered server's settings once Test connection passed: the doctor then checks with them. */
  onTested: (form: ServerForm) => void;
  onConnected: (serverId: string) => void;
}) {
  const t = useT();
  const [rootCertificatePath, setRoot] = useState<string | null>(null);
  const [form, setForm] = useState<ServerForm | null>(null);
  const [facts, setFacts] = useState<ConnectionFacts | null>(null);
  const { busy, problem, run, setProblem } = useRdsAction();
  async function download() {
    const files = await run(() => api['rds:ca-download'](target));
    if (files) setRoot(files.rootCertificatePath);
  }
  async function test() {
    if (!rootCertificatePath) return;
    const made = await run(() =>
      api['rds:register-form']({ ...target, endpoint: host, rootCertificatePath, username: account.name }),
    );
    if (!made) return;
    const next: ServerForm = { ...made.form, password: account.password, savePassword: true };
    setForm(next);
    const tested = await api['connection:test']({ form: next });
    if (tested.ok) {
      setFacts(tested.value);
      return onTested(next);
    }
    rememberFailure(tested.error.message);
    setProblem(tested.error.message);
  }
  async function saveAndConnect() {
    if (!form) return;
    const saved = await run(() => api['servers:create']({ form }));
    if (!saved) return;
    const opened = await run(() => api['connection:connect']({ id: saved.id }));
    if (opened) onConnected(saved.id);
  }
  return (
    <Flex vertical gap={8}>
      <BusyButton busy={busy} disabled={rootCertificatePath !== null} onClick={() => void download()}>
        {t('connect.downloadCa')}
      </BusyButton>
      {rootCertificatePath && <Alert type="success" title={t('connect.caStored', { path: rootCertificatePath })} />}
      <BusyButton type="primary" busy={busy} disabled={!rootCertificatePath} onClick={() => void test()}>
        {t('connect.testVerifyFull')}
      </BusyButton>
      {facts && (
        <Alert
          type="success"
          showIcon
          data-testid="connect-test-outcome"
          title={t('connect.connected', { name: form?.name ?? host, protocol: facts.protocol ?? '' })}
        />
      )}
      {facts && (
        <BusyButton type="primary" busy={busy} onClick={() => void saveAndConnect()}>
          {t('connect.saveAndConnect')}
        </BusyButton>
      )}
      {problem && <Alert type="error" showIcon title={problem} data-testid="connect-problem" />}
    </Flex>
  );
}
