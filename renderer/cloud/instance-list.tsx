import { Alert, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { RdsAccountView, RdsInstance } from '../../shared/contract/rds';
import { categoryName, storageTypeName } from '../../shared/rds-console-names';
import { regionLabel } from '../../shared/rds-region-names';
import { api } from '../api/bridge';
import { failureLine } from '../errors';
import { useLocale, useT } from '../i18n';
import { type InstanceRow, nestReadOnly } from './instance-tree';
import { StatusTag } from './status-tag';

/** The regions of an account and the PostgreSQL instances of the chosen one (read-only ones under their primary). */
export function InstanceList({
  account,
  regionId,
  onRegion,
  onOpen,
}: {
  account: RdsAccountView;
  regionId: string;
  onRegion: (regionId: string) => void;
  onOpen: (instance: { regionId: string; instanceId: string }) => void;
}) {
  const t = useT();
  const language = useLocale();
  const [regions, setRegions] = useState<{ regionId: string; localName: string }[]>([]);
  const [instances, setInstances] = useState<RdsInstance[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const rows = nestReadOnly(instances ?? []);
  useEffect(() => {
    void api['rds:regions']({ accountId: account.id, language }).then((answer) => {
      if (answer.ok) setRegions(answer.value.regions);
      else setProblem(failureLine(answer.error));
    });
  }, [account.id, language]);
  useEffect(() => {
    setInstances(null);
    void api['rds:instances']({ accountId: account.id, regionId }).then((answer) => {
      if (answer.ok) setInstances(answer.value.instances);
      else setProblem(failureLine(answer.error));
    });
  }, [account.id, regionId]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <Typography.Text id="cloud-region-label">{t('cloud.region')}</Typography.Text>
        <Select
          aria-labelledby="cloud-region-label"
          style={{ minWidth: 240 }}
          value={regionId}
          onChange={onRegion}
          options={regions.map((region) => ({
            value: region.regionId,
            label: regionLabel(region.regionId, language, region.localName),
          }))}
        />
      </Flex>
      {problem && <Alert type="error" showIcon title={problem} />}
      <Table<InstanceRow>
        rowKey="instanceId"
        loading={instances === null}
        dataSource={rows}
        expandable={{
          expandedRowKeys: rows
            .filter((row) => row.children && !collapsed.includes(row.instanceId))
            .map((row) => row.instanceId),
          onExpand: (expanded, row) =>
            setCollapsed((keys) =>
              expanded ? keys.filter((key) => key !== row.instanceId) : [...keys, row.instanceId],
            ),
        }}
        pagination={false}
        locale={{ emptyText: t('cloud.noInstances') }}
        columns={[
          {
            key: 'id',
            title: t('cloud.instanceId'),
            render: (_, instance) => (
              <Flex vertical>
                <Flex gap={4} align="center">
                  <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(instance)}>
                    {instance.instanceId}
                  </Button>
                  {instance.instanceType === 'Readonly' && <Tag>{t('cloud.readOnly')}</Tag>}
                </Flex>
                <Typography.Text type="secondary">{instance.description}</Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'version',
            title: t('cloud.engineVersion'),
            render: (_, instance) => `${instance.engine} ${instance.engineVersion}`,
          },
          {
            key: 'storage',
            title: t('cloud.storageType'),
            render: (_, instance) => (
              <>
                <Tag>{storageTypeName(instance.storageType, language)}</Tag>
                <Tag>{categoryName(instance.category, language)}</Tag>
              </>
            ),
          },
          { key: 'status', title: t('cloud.status'), render: (_, instance) => <StatusTag status={instance.status} /> },
        ]}
      />
    </Flex>
  );
}
