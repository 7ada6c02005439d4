import { Alert, Flex, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import type { ServerForm } from '../../shared/contract/server-form';
import { api } from '../api/bridge';
import { DoctorChecks } from '../cloud/doctor-checks';
import { failedAddressOf, lastFailureAddress, rememberFailure } from '../cloud/failed-address';
import { BusyButton } from '../common/busy-button';
import { failureLine } from '../errors';
import { useT } from '../i18n';

type Match = { accountId: string; regionId: string; instanceId: string };

/**
 * Under a failed Test connection: when the host is an endpoint of an instance of a configured cloud account, offers
 * "Diagnose", which runs the doctor with the dialog's settings (as `rdspg rds doctor --server`: its root certificate,
 * account and database are tried) and the address the server reported, and shows its checks.
 */
export function DiagnoseFailure({
  form,
  serverId,
  failure,
}: {
  form: ServerForm;
  /** The saved server being edited, if any: its saved password is tried where the form has none. */
  serverId: string | null;
  failure: string;
}) {
  const host = form.host;
  const t = useT();
  const [match, setMatch] = useState<Match | null>(null);
  const [checks, setChecks] = useState<DoctorCheck[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    rememberFailure(failure);
    setMatch(null);
    setChecks(null);
    if (!host) return;
    let current = true;
    void api['rds:find-instance']({ host }).then((answer) => {
      if (current && answer.ok) setMatch(answer.value.match);
    });
    return () => {
      current = false;
    };
  }, [host, failure]);
  if (!match) return null;
  async function diagnose() {
    if (!match) return;
    setBusy(true);
    const address = failedAddressOf(failure) ?? lastFailureAddress();
    const answer = await api['rds:doctor']({
      ...match,
      host,
      ...(form.username ? { user: form.username } : {}),
      ...(address ? { address } : {}),
      form,
      ...(serverId ? { serverId } : {}),
    });
    setBusy(false);
    if (answer.ok) setChecks(answer.value.checks);
    else setProblem(failureLine(answer.error));
  }
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }} data-testid="diagnose">
      <BusyButton onClick={() => void diagnose()} busy={busy} style={{ alignSelf: 'flex-start' }}>
        {t('connect.diagnose')}
      </BusyButton>
      {busy && <Spin size="small" />}
      {checks && (
        <>
          <strong>{t('connect.diagnoseTitle', { instance: match.instanceId })}</strong>
          <DoctorChecks checks={checks} />
        </>
      )}
      {problem && <Alert type="error" showIcon title={problem} />}
    </Flex>
  );
}
