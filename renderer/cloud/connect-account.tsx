import { Divider, Flex, Form, Input, Select, Typography } from 'antd';
import { useT } from '../i18n';
import { AccountCreate } from './account-create';
import { useDatabaseAccounts } from './accounts-section';
import type { InstanceTarget } from './cloud-view';

/** The account to connect as: one of the instance's accounts with its password, or a new one (never postgres). */
export interface ChosenAccount {
  name: string;
  password: string;
}

/** The account step of "Connect to this instance": pick an existing account and type its password, or create one. */
export function ConnectAccount({
  target,
  chosen,
  onChosen,
}: {
  target: InstanceTarget;
  chosen: ChosenAccount | null;
  onChosen: (account: ChosenAccount | null) => void;
}) {
  const t = useT();
  const { accounts, load } = useDatabaseAccounts(target);
  return (
    <Flex vertical gap={8}>
      {accounts?.length === 0 && <Typography.Text>{t('connect.noAccounts')}</Typography.Text>}
      {(accounts?.length ?? 0) > 0 && (
        <Form layout="inline" onSubmitCapture={(event) => event.preventDefault()}>
          <Form.Item label={t('connect.pickAccount')}>
            <Select
              aria-label={t('connect.pickAccount')}
              style={{ minWidth: 180 }}
              value={chosen?.name ?? null}
              onChange={(name) => onChosen({ name, password: '' })}
              options={(accounts ?? []).map((account) => ({ value: account.name, label: account.name }))}
            />
          </Form.Item>
          <Form.Item label={t('connect.password')}>
            <Input.Password
              aria-label={t('connect.password')}
              value={chosen?.password ?? ''}
              disabled={!chosen}
              onChange={(event) => chosen && onChosen({ ...chosen, password: event.target.value })}
              autoComplete="current-password"
            />
          </Form.Item>
        </Form>
      )}
      <Divider plain>{t('connect.orCreate')}</Divider>
      <AccountCreate
        target={target}
        onDone={(account) => {
          onChosen(account);
          void load();
        }}
      />
    </Flex>
  );
}
