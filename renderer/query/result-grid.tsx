import { Table, Typography } from 'antd';
import type { QueryOutcome } from '../../shared/contract/query';
import { useT } from '../i18n';

type Rows = Extract<QueryOutcome, { outcome: 'rows' }>;

/** The results grid: one column per result column (name and type), virtual rows for large results. */
export function ResultGrid({ result }: { result: Rows }) {
  const t = useT();
  const columns = result.columns.map((column, index) => ({
    key: String(index),
    dataIndex: String(index),
    width: 180,
    ellipsis: true,
    title: (
      <span>
        {column.name}
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 11, fontWeight: 'normal' }}>
          {column.type}
        </Typography.Text>
      </span>
    ),
    render: (value: string | null) =>
      value === null ? <Typography.Text type="secondary">{t('query.null')}</Typography.Text> : value,
  }));
  const data = result.rows.map((row, rowIndex) => ({
    key: rowIndex,
    ...Object.fromEntries(row.map((value, index) => [String(index), value])),
  }));
  return (
    <section aria-label={t('query.results')}>
      <Table
        size="small"
        bordered
        virtual
        pagination={false}
        columns={columns}
        dataSource={data}
        scroll={{ x: Math.max(columns.length * 180, 600), y: 420 }}
        locale={{ emptyText: t('query.noRows') }}
      />
    </section>
  );
}
