import { Alert, Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { isMessageKey, useT } from '../i18n';

/** The doctor's checks in order: name, result, detail, and (when given) a one-click fix for a failed check. */
export function DoctorChecks({
  checks,
  renderFix,
}: {
  checks: DoctorCheck[];
  renderFix?: (check: DoctorCheck) => ReactNode;
}) {
  const t = useT();
  const name = (check: DoctorCheck) => {
    const key = `connect.check.${check.name}`;
    return isMessageKey(key) ? t(key) : check.name;
  };
  return (
    <>
      {checks.every((check) => check.ok) && <Alert type="success" showIcon title={t('connect.allPassed')} />}
      <Table
        data-testid="doctor-checks"
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={checks}
        columns={[
          { key: 'name', title: t('connect.check'), render: (_: unknown, check: DoctorCheck) => name(check) },
          {
            key: 'ok',
            title: t('connect.result'),
            render: (_: unknown, check: DoctorCheck) => (
              <Tag color={check.ok ? 'success' : 'error'}>{check.ok ? t('connect.ok') : t('connect.failed')}</Tag>
            ),
          },
          { key: 'detail', title: t('connect.detail'), dataIndex: 'detail' },
          ...(renderFix
            ? [
                {
                  key: 'fix',
                  title: t('connect.fix'),
                  render: (_: unknown, check: DoctorCheck) => (check.ok ? null : renderFix(check)),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
