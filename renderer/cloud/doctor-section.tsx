import { Alert, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { api } from '../api/bridge';
import { useT } from '../i18n';
import { useDatabaseAccounts } from './accounts-section';
import type { InstanceTarget } from './cloud-view';
import { DoctorChecks } from './doctor-checks';
import { DoctorFix } from './doctor-fix';
import type { InstanceDetails } from './ssl-settings';
import { useRdsAction } from './use-rds-action';

/** The endpoint to check by default: the protected one, else the public one, else none. */
export function defaultHost(details: InstanceDetails): string | null {
  const publicHost = details.choices.find((choice) => choice.kind === 'public')?.host ?? null;
  return details.ssl.enabled && details.ssl.protectedEndpoint ? details.ssl.protectedEndpoint : publicHost;
}

/** The doctor on demand: the checks in order for an endpoint, an account and this computer's address, each fixable. */
export function DoctorSection({
  target,
  details,
  onChanged,
}: {
  target: InstanceTarget;
  details: InstanceDetails;
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const [address, setAddress] = useState('');
  const [host, setHost] = useState<string | null>(null);
  const [user, setUser] = useState<string | null>(null);
  const [checks, setChecks] = useState<DoctorCheck[] | null>(null);
  const [seen, setSeen] = useState<string | null>(null);
  const { accounts, load } = useDatabaseAccounts(target);
  const { busy, problem, run } = useRdsAction();
  const chosenHost = host ?? defaultHost(details);
  async function diagnose() {
    const found = await run(() =>
      api['rds:doctor']({
        ...target,
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
        <Form.Item label={t('connect.host')}>
          <Select
            aria-label={t('connect.host')}
            style={{ minWidth: 320 }}
            value={chosenHost}
            onChange={setHost}
            options={details.choices.map((choice) => ({ value: choice.host, label: choice.host }))}
          />
        </Form.Item>
        <Form.Item label={t('connect.user')}>
          <Select
            aria-label={t('connect.user')}
            style={{ minWidth: 160 }}
            allowClear
            value={user}
            onChange={(value) => setUser(value ?? null)}
            options={(accounts ?? []).map((account) => ({ value: account.name, label: account.name }))}
          />
        </Form.Item>
        <Form.Item label={t('connect.address')}>
          <Input
            aria-label={t('connect.address')}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            placeholder="203.0.113.7"
          />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void diagnose()}>
          {t('connect.runDoctor')}
        </Button>
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
