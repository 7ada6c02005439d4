import { Alert, Flex, Select, Steps } from 'antd';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import type { ServerForm } from '../../shared/contract/server-form';
import { api } from '../api/bridge';
import { useT } from '../i18n';
import { type ChosenAccount, ConnectAccount } from './connect-account';
import { ConnectFinish } from './connect-finish';
import { DoctorChecks } from './doctor-checks';
import { defaultHost } from './doctor-section';
import { EndpointAllocate } from './endpoint-allocate';
import { lastFailureAddress } from './failed-address';
import type { InstanceSectionProps } from './instance-section';
import { SslProtect } from './ssl-protect';
import { useRdsAction } from './use-rds-action';
import { WhitelistChange } from './whitelist-change';

/**
 * "Connect to this instance": the doctor's steps in order — the endpoint, SSL on it, the whitelist, an account
 * (never postgres), the CA, register and Test connection with Verify-Full — ending connected.
 */
export function ConnectFlow({
  target,
  details,
  onChanged,
  onConnected,
}: InstanceSectionProps & { onConnected: (serverId: string) => void }) {
  const t = useT();
  const [host, setHost] = useState<string | null>(defaultHost(details));
  const [address, setAddress] = useState('');
  const [account, setAccount] = useState<ChosenAccount | null>(null);
  const [server, setServer] = useState<ServerForm | null>(null);
  const [checks, setChecks] = useState<DoctorCheck[]>([]);
  const [seen, setSeen] = useState<string | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const { problem, run } = useRdsAction();
  const diagnose = useCallback(async () => {
    const found = await run(() =>
      api['rds:doctor']({
        ...target,
        ...(host ? { host } : {}),
        ...(account ? { user: account.name } : {}),
        ...(address ? { address } : {}),
        ...(server ? { form: server } : {}),
      }),
    );
    if (found) {
      setChecks(found.checks);
      setSeen(found.seenAddress);
    }
    setViewing(null);
  }, [target, host, account, address, server, run]);
  useEffect(() => void diagnose(), [diagnose]);
  const passed = (name: string) => checks.some((check) => check.name === name && check.ok);
  async function changed(nextHost?: string) {
    await onChanged();
    if (nextHost) setHost(nextHost);
    else await diagnose();
  }
  const steps: { key: string; done: boolean; body: ReactNode }[] = [
    {
      key: 'endpoint',
      done: host !== null && passed('endpoint'),
      body: details.choices.some((choice) => choice.kind === 'public') ? (
        <Select
          aria-label={t('connect.chooseEndpoint')}
          style={{ minWidth: 360 }}
          value={host}
          onChange={setHost}
          options={details.choices.map((choice) => ({ value: choice.host, label: choice.host }))}
        />
      ) : (
        <EndpointAllocate target={target} onDone={(result) => void changed(result.endpoint)} />
      ),
    },
    {
      key: 'ssl',
      done: passed('ssl') && passed('certificate'),
      body: host && (
        <SslProtect
          target={target}
          change={{ kind: details.ssl.enabled ? 'change_endpoint' : 'enable', endpoint: host }}
          restartWarning={details.restartWarning}
          onDone={() => void changed()}
        />
      ),
    },
    {
      key: 'whitelist',
      done: passed('whitelist'),
      body: (
        <WhitelistChange
          target={target}
          suggested={seen ?? lastFailureAddress()}
          initial={address}
          onDone={setAddress}
        />
      ),
    },
    {
      key: 'account',
      done: passed('account') && Boolean(account?.password),
      body: <ConnectAccount target={target} chosen={account} onChosen={setAccount} />,
    },
    {
      key: 'register',
      done: false,
      body: host && account && (
        <ConnectFinish target={target} host={host} account={account} onTested={setServer} onConnected={onConnected} />
      ),
    },
  ];
  const current = Math.max(
    0,
    steps.findIndex((step) => !step.done),
  );
  const shown = steps[viewing ?? current];
  return (
    <Flex vertical gap={16} data-testid="connect-flow">
      <Steps
        current={current}
        size="small"
        onChange={setViewing}
        items={steps.map((step) => ({
          title: t(`connect.step.${step.key}` as 'connect.step.ssl'),
          status: step.done ? 'finish' : undefined,
        }))}
      />
      <div data-testid={`connect-step-${shown?.key}`}>{shown?.body}</div>
      {problem && <Alert type="error" showIcon title={problem} />}
      <DoctorChecks checks={checks} />
    </Flex>
  );
}
