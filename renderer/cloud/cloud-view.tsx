import { Alert, Tabs } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RdsAccountView } from '../../shared/contract/rds';
import type { ServerForm } from '../../shared/contract/server-form';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { useT } from '../i18n';
import { AccountBar } from './account-bar';
import { AuditTable } from './audit-table';
import { InstanceList } from './instance-list';
import { InstancePage } from './instance-page';

/** Where the panel is: an account, and optionally one instance's page. */
export interface InstanceTarget {
  accountId: string;
  regionId: string;
  instanceId: string;
}

/** The Alibaba Cloud panel: accounts, regions and PostgreSQL instances, the SSL page, the fleet audit. */
export function CloudView({
  onRegister,
  onConnected,
}: {
  onRegister: (form: ServerForm) => void;
  onConnected: (serverId: string) => void;
}) {
  const t = useT();
  const [accounts, setAccounts] = useState<RdsAccountView[]>([]);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [target, setTarget] = useState<InstanceTarget | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = useCallback(async (pick?: string) => {
    const answer = await api['rds:accounts']({});
    if (!answer.ok) return setProblem(failureLine(answer.error));
    setAccounts(answer.value.accounts);
    setAccountId((current) => pick ?? current ?? answer.value.accounts[0]?.id ?? null);
  }, []);
  useEffect(() => void refresh(), [refresh]);
  const account = accounts.find((item) => item.id === accountId) ?? null;
  return (
    <>
      <AccountBar
        accounts={accounts}
        account={account}
        onPick={(id) => {
          setAccountId(id);
          setTarget(null);
          setRegionId(null);
        }}
        onAdded={(id) => {
          setTarget(null);
          setRegionId(null);
          void refresh(id);
        }}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      {!account && <Alert type="info" showIcon title={t('cloud.noAccount')} style={{ marginTop: 16 }} />}
      {account && target && (
        <InstancePage
          target={target}
          onBack={() => setTarget(null)}
          onRegister={onRegister}
          onConnected={onConnected}
        />
      )}
      {account && !target && (
        <Tabs
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'instances',
              label: t('cloud.instances'),
              children: (
                <InstanceList
                  account={account}
                  regionId={regionId ?? account.regionId}
                  onRegion={setRegionId}
                  onOpen={({ regionId: region, instanceId }) =>
                    setTarget({ accountId: account.id, regionId: region, instanceId })
                  }
                />
              ),
            },
            {
              key: 'audit',
              label: t('cloud.audit'),
              children: (
                <AuditTable
                  accountId={account.id}
                  onOpen={({ regionId: region, instanceId }) =>
                    setTarget({ accountId: account.id, regionId: region, instanceId })
                  }
                />
              ),
            },
          ]}
        />
      )}
    </>
  );
}
