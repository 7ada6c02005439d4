import { Alert, Button, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditRow } from '../../shared/contract/rds';
import { auditToCsv } from '../../shared/rds-audit';
import { caTypeName } from '../../shared/rds-console-names';
import { regionLabel } from '../../shared/rds-region-names';
import { api } from '../api/bridge';
import { saveDownload } from '../certificates/download';
import { BusyButton } from '../common/busy-button';
import { failureLine } from '../errors';
import { useLocale, useT } from '../i18n';
import { errorHeadline } from '../i18n/labels';
import { expiryColor, rowMatches, type SslFilter } from './audit-filters';

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The fleet audit: every PostgreSQL instance across regions with its SSL posture; filters, CSV export; a row opens its instance. */
export function AuditTable({
  accountId,
  onOpen,
}: {
  accountId: string;
  onOpen: (instance: { regionId: string; instanceId: string }) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [regions, setRegions] = useState(0);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [ssl, setSsl] = useState<SslFilter>('all');
  const [text, setText] = useState('');
  async function run() {
    setRunning(true);
    setProblem(null);
    const answer = await api['rds:audit']({ accountId });
    setRunning(false);
    if (!answer.ok) return setProblem(failureLine(answer.error));
    setRows(answer.value.rows.filter((row) => row.instanceId));
    setRegions(answer.value.regions);
  }
  const shown = (rows ?? []).filter((row) => rowMatches(row, ssl, text));
  const yesNo = (value: boolean | null) =>
    value === null ? t('cloud.unknown') : t(value ? 'common.yes' : 'common.no');
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <BusyButton type="primary" busy={running} onClick={() => void run()}>
          {t('cloud.runAudit')}
        </BusyButton>
        <Button
          disabled={!rows}
          onClick={() => saveDownload('rds-ssl-audit.csv', 'text/csv', toBase64(auditToCsv(shown)))}
        >
          {t('cloud.exportCsv')}
        </Button>
        <Select<SslFilter>
          aria-label={t('cloud.ssl')}
          style={{ width: 200 }}
          value={ssl}
          onChange={setSsl}
          options={[
            { value: 'all', label: t('cloud.sslAll') },
            { value: 'on', label: t('cloud.sslIs', { state: t('cloud.on') }) },
            { value: 'off', label: t('cloud.sslIs', { state: t('cloud.off') }) },
            { value: 'unavailable', label: t('cloud.sslIs', { state: t('cloud.sslNotAvailable') }) },
            { value: 'soon', label: t('cloud.expiringSoon') },
          ]}
        />
        <Input
          aria-label={t('cloud.filter')}
          placeholder={t('cloud.filter')}
          style={{ width: 320 }}
          value={text}
          onChange={(event) => setText(event.target.value)}
          allowClear
        />
        {rows && (
          <Typography.Text type="secondary">
            {t('cloud.auditSummary', { instances: rows.length, regions })}
          </Typography.Text>
        )}
      </Flex>
      {problem && <Alert type="error" showIcon title={problem} />}
      {rows && (
        <Table<AuditRow>
          rowKey="instanceId"
          dataSource={shown}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'region', title: t('cloud.region'), render: (_, row) => regionLabel(row.regionId, locale) },
            {
              key: 'instance',
              title: t('cloud.instanceId'),
              render: (_, row) => (
                <>
                  <Button
                    type="link"
                    style={{ padding: 0 }}
                    aria-label={t('cloud.openInstance', { instance: row.instanceId })}
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(row);
                    }}
                  >
                    {row.instanceId}
                  </Button>
                  {row.description ? ` (${row.description})` : ''}
                  {row.instanceType === 'Readonly' && (
                    <Tag title={t('cloud.readOnlyOf', { primary: row.primaryInstanceId ?? '' })}>
                      {t('cloud.readOnly')}
                    </Tag>
                  )}
                </>
              ),
            },
            { key: 'version', title: t('cloud.engineVersion'), dataIndex: 'engineVersion' },
            {
              key: 'ssl',
              title: t('cloud.ssl'),
              render: (_, row) =>
                row.error ? (
                  <Tag color="red" title={row.error.message}>
                    {errorHeadline(row.error.code) ?? row.error.code}
                  </Tag>
                ) : row.sslUnavailableReason ? (
                  <Tag title={row.sslUnavailableReason} data-testid="audit-ssl-unavailable">
                    {t('cloud.sslNotAvailable')}
                  </Tag>
                ) : (
                  <Tag color={row.sslEnabled ? 'green' : 'default'}>{t(row.sslEnabled ? 'cloud.on' : 'cloud.off')}</Tag>
                ),
            },
            {
              key: 'endpoint',
              title: t('rds.protectedEndpoint'),
              render: (_, row) => row.protectedEndpoint ?? t('common.none'),
            },
            {
              key: 'type',
              title: t('cloud.caType'),
              render: (_, row) => (row.caType ? caTypeName(row.caType, locale) : t('common.none')),
            },
            {
              key: 'expiry',
              title: t('cloud.expiry'),
              render: (_, row) =>
                row.expiresAt ? (
                  <Tag color={expiryColor(row.daysLeft)}>
                    {(row.daysLeft ?? 0) < 0
                      ? t('cloud.expiredOn', { date: row.expiresAt.slice(0, 10) })
                      : t('cloud.daysLeft', { date: row.expiresAt.slice(0, 10), days: row.daysLeft ?? 0 })}
                  </Tag>
                ) : (
                  t('common.none')
                ),
            },
            { key: 'update', title: t('cloud.requireUpdate'), render: (_, row) => yesNo(row.requireUpdate) },
            {
              key: 'scheduled',
              title: t('cloud.scheduledRenewal'),
              render: (_, row) =>
                row.renewalScheduledAt
                  ? t('cloud.scheduledRenewalAt', {
                      time: row.renewalScheduledAt.replace('T', ' ').replace(/Z$/, ''),
                      impact: row.renewalRestart ? t('cloud.scheduledRenewalRestart') : t('common.none'),
                    })
                  : t('common.none'),
            },
          ]}
        />
      )}
    </Flex>
  );
}
