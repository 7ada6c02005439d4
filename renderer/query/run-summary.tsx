import { Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { QueryOutcome } from '../../shared/contract/query';
import { getLocale, t } from '../i18n';

const count = (value: number) => value.toLocaleString(getLocale());

/** A row count as words: "1 row", "0 rows", "2,500 rows" (and 1 行, 2,500 行). */
export function rowsText(rows: number): string {
  return rows === 1 ? t('query.rowsOne') : t('query.rowsMany', { count: count(rows) });
}

/** A duration as the query tool shows it: milliseconds below a second, then seconds with two decimals. */
export function elapsedText(ms: number): string {
  const locale = getLocale();
  if (ms < 1000) return t('query.milliseconds', { ms: ms.toLocaleString(locale, { maximumFractionDigits: 1 }) });
  return t('query.seconds', {
    seconds: (ms / 1000).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  });
}

/** The line under the toolbar while a query runs: a spinner and the time so far. */
export function RunningNote({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 200);
    return () => clearInterval(timer);
  }, []);
  return (
    <Space role="status">
      <Spin size="small" />
      <Typography.Text>{t('query.running', { elapsed: elapsedText(Math.max(now - startedAt, 0)) })}</Typography.Text>
    </Space>
  );
}

/** What a finished run says: the rows returned, or the command tag of a statement without rows, and the time. */
export function ResultSummary({ outcome }: { outcome: Extract<QueryOutcome, { outcome: 'rows' }> }) {
  const elapsed = elapsedText(outcome.durationMs);
  return (
    <Typography.Text role="status">
      {outcome.columns.length > 0
        ? t('query.rowsReturned', { rows: rowsText(outcome.rowCount), elapsed })
        : t('query.commandDone', { command: outcome.command || t('query.emptyCommand'), elapsed })}
      {outcome.truncated && (
        <Typography.Text type="warning">
          {' '}
          {t('query.truncated', { limit: count(outcome.rowLimit), total: count(outcome.rowCount) })}
        </Typography.Text>
      )}
    </Typography.Text>
  );
}
