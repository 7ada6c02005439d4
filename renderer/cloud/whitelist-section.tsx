import { Alert, Flex, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { WhitelistGroup } from '../../shared/contract/rds-connect';
import { api } from '../api/bridge';
import { useT } from '../i18n';
import type { InstanceTarget } from './cloud-view';
import { useRdsAction } from './use-rds-action';
import { WhitelistChange } from './whitelist-change';

/** The instance's whitelist groups, and adding or removing this computer's address in the app's own group. */
export function WhitelistSection({ target, suggested }: { target: InstanceTarget; suggested?: string | null }) {
  const t = useT();
  const [groups, setGroups] = useState<WhitelistGroup[]>([]);
  const { problem, run } = useRdsAction();
  const load = useCallback(async () => {
    const answer = await run(() => api['rds:whitelist'](target));
    if (answer) setGroups(answer.groups);
  }, [target, run]);
  useEffect(() => void load(), [load]);
  return (
    <Flex vertical gap={12}>
      <Table
        data-testid="whitelist-groups"
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={groups}
        columns={[
          { key: 'name', title: t('connect.group'), dataIndex: 'name' },
          {
            key: 'ips',
            title: t('connect.addresses'),
            render: (_: unknown, group: WhitelistGroup) => group.ips.join(', ') || t('connect.empty'),
          },
        ]}
      />
      {problem && <Alert type="error" showIcon title={problem} />}
      <WhitelistChange target={target} suggested={suggested ?? null} onDone={() => void load()} />
    </Flex>
  );
}
