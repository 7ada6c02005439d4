import { Alert, Flex, Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { BusyButton } from '../common/busy-button';
import { useT } from '../i18n';
import { useDatabaseAccounts } from './accounts-section';
import { AddressField } from './address-field';
import { DoctorChecks } from './doctor-checks';
import { DoctorFix } from './doctor-fix';
import type { InstanceDetails, InstanceSectionProps } from './instance-section';
import { useRdsAction } from './use-rds-action';

/** The endpoint to check by default: the protected one, else the public one, else none. */
export function defaultHost(details: InstanceDetails): string | null {
  const publicHost = details.choices.find((choice) => choice.kind === 'public')?.host ?? null;
  return details.ssl.enabled && details.ssl.protectedEndpoint ? details.ssl.protectedEndpoint : publicHost;
}

/** The saved servers that connect to one of the instance's endpoints. */
function useInstanceServers(details: InstanceDetails): ServerSummary[] {
  const [servers, setServers] = useState<ServerSummary[]>([]);
  useEffect(() => {
    const hosts = new Set(details.choices.map((choice) => choice.host));
    let current = true;
    void api['servers:list']({}).then((answer) => {
      if (current && answer.ok) setServers(answer.value.servers.filter((server) => hosts.has(server.host)));
    });
    return () => {
      current = false;
    };
  }, [details]);
  return servers;
}

/**
 * The doctor on demand: the checks in order for an endpoint, an account and this computer's address, each fixable.
 * With a saved server of this instance (the first by default, as `rdspg rds doctor --server NAME`), its own
 * settings are checked: the root certificate, the account with its password, the database.
 */
export function DoctorSection({ target, details, onChanged }: InstanceSectionProps) {
  const t = useT();
  const [address, setAddress] = useState('');
  const [host, setHost] = useState<string | null>(null);
  const [user, setUser] = useState<string | null>(null);
  const servers = useInstanceServers(details);
  const [serverId, setServerId] = useState<string | null | undefined>(undefined);
  const [checks, setChecks] = useState<DoctorCheck[] | null>(null);
  const [seen, setSeen] = useState<string | null>(null);
  const { accounts, load } = useDatabaseAccounts(target);
  const { busy, problem, run } = useRdsAction();
  // The first saved server of the instance unless the user chose another or none; it brings its endpoint and account.
  const server = serverId === undefined ? (servers[0] ?? null) : (servers.find((item) => item.id === serverId) ?? null);
  const chosenHost = server?.host ?? host ?? defaultHost(details);
  const chosenUser = server ? server.username : user;
  async function diagnose() {
    const found = await run(() =>
      api['rds:doctor']({
        ...target,
        ...(server ? { serverId: server.id } : {}),
        ...(chosenHost ? { host: chosenHost } : {}),
        ...(user ? { user } : {}),
        ...(address.trim() ? { address: address.trim() } : {}),
      }),
    );
    if (found) {
      setChecks(found.checks);
      setSeen(found.seenAddress);
    }
  }
  async function fixed() {
    await Promise.all([onChanged(), load()]);
    await diagnose();
  }
  return (
    <Flex vertical gap={12}>
      <Form layout="inline" onSubmitCapture={(event) => event.preventDefault()}>
        <Form.Item label={t('connect.server')}>
          <Select
            aria-label={t('connect.server')}
            style={{ minWidth: 200 }}
            allowClear
            placeholder={t('connect.noServer')}
            value={server?.id ?? null}
            onChange={(value) => setServerId(value ?? null)}
            options={servers.map((server) => ({ value: server.id, label: server.name }))}
          />
        </Form.Item>
        <Form.Item label={t('connect.host')}>
          <Select
            aria-label={t('connect.host')}
            style={{ minWidth: 320 }}
            disabled={server !== null}
            value={chosenHost}
            onChange={setHost}
            options={details.choices.map((choice) => ({ value: choice.host, label: choice.host }))}
          />
        </Form.Item>
        <Form.Item label={t('connect.user')}>
          <Select
            aria-label={t('connect.user')}
            style={{ minWidth: 160 }}
            disabled={server !== null}
            allowClear
            value={chosenUser}
            onChange={(value) => setUser(value ?? null)}
            options={(accounts ?? []).map((account) => ({ value: account.name, label: account.name }))}
          />
        </Form.Item>
        <AddressField value={address} onChange={setAddress} />
        <BusyButton type="primary" busy={busy} onClick={() => void diagnose()}>
          {t('connect.runDoctor')}
        </BusyButton>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} />}
      {checks && (
        <DoctorChecks
          checks={checks}
          renderFix={(check) => (
            <DoctorFix
              check={check}
              target={target}
              details={details}
              host={chosenHost}
              address={address.trim() || seen || ''}
              onFixed={() => void fixed()}
            />
          )}
        />
      )}
    </Flex>
  );
}
