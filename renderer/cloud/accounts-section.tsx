import { Alert, Button, Flex, Input, Modal, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { DatabaseAccount } from '../../shared/contract/rds-connect';
import { accountStatusName } from '../../shared/rds-console-names';
import { api } from '../api/bridge';
import { busyProps } from '../common/busy-button';
import { useLocale, useT } from '../i18n';
import { AccountCreate } from './account-create';
import type { InstanceTarget } from './cloud-view';
import { useRdsAction } from './use-rds-action';

/** The hook that lists an instance's database accounts, and reloads them. */
export function useDatabaseAccounts(target: InstanceTarget) {
  const [accounts, setAccounts] = useState<DatabaseAccount[] | null>(null);
  const { problem, run } = useRdsAction();
  const load = useCallback(async () => {
    const answer = await run(() => api['rds:database-accounts'](target));
    if (answer) setAccounts(answer.accounts);
  }, [target, run]);
  useEffect(() => void load(), [load]);
  return { accounts, problem, load };
}

/** The instance's database accounts: list, create (standard or privileged), reset a password. */
export function AccountsSection({ target }: { target: InstanceTarget }) {
  const t = useT();
  const locale = useLocale();
  const { accounts, problem, load } = useDatabaseAccounts(target);
  const [resetting, setResetting] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const action = useRdsAction();
  async function reset() {
    if (!resetting) return;
    const done = await action.run(() => api['rds:database-account-reset']({ ...target, name: resetting, password }));
    setResetting(null);
    setPassword('');
    if (done)
      setNotice(t(done.passwordSaved ? 'connect.passwordSaved' : 'connect.passwordNotSaved', { name: done.name }));
  }
  const kind = (type: string) =>
    type === 'Super' ? t('connect.privileged') : type === 'Normal' ? t('connect.standard') : type;
  return (
    <Flex vertical gap={12}>
      {accounts?.length === 0 && <Alert type="info" showIcon title={t('connect.noAccounts')} />}
      <Table
        data-testid="database-accounts"
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={accounts ?? []}
        columns={[
          { key: 'name', title: t('connect.accountName'), dataIndex: 'name' },
          {
            key: 'type',
            title: t('connect.accountType'),
            render: (_: unknown, row: DatabaseAccount) => kind(row.type),
          },
          {
            key: 'status',
            title: t('connect.accountStatus'),
            render: (_: unknown, row: DatabaseAccount) => accountStatusName(row.status, locale),
          },
          { key: 'description', title: t('connect.description'), dataIndex: 'description' },
          {
            key: 'reset',
            title: '',
            render: (_: unknown, row: DatabaseAccount) => (
              <Button size="small" onClick={() => setResetting(row.name)}>
                {t('connect.resetPassword')}
              </Button>
            ),
          },
        ]}
      />
      {(problem || action.problem) && <Alert type="error" showIcon title={problem ?? action.problem} />}
      {notice && <Alert type="success" showIcon title={notice} />}
      <AccountCreate
        target={target}
        onDone={({ name, passwordSaved }) => {
          setNotice(t(passwordSaved ? 'connect.passwordSaved' : 'connect.passwordNotSaved', { name }));
          void load();
        }}
      />
      <Modal
        open={resetting !== null}
        title={t('connect.resetTitle', { name: resetting ?? '' })}
        okText={t('connect.apply')}
        okButtonProps={{ disabled: !password, ...busyProps(action.busy) }}
        confirmLoading={action.busy}
        onOk={() => void reset()}
        onCancel={() => setResetting(null)}
      >
        <Flex vertical gap={8}>
          <span>{t('connect.resetPlan', { name: resetting ?? '' })}</span>
          <Input.Password
            aria-label={t('connect.password')}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
          />
        </Flex>
      </Modal>
    </Flex>
  );
}
