import { Alert, Button, Input, InputNumber, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { defaultRowLimit, maxRowLimit, type QueryOutcome } from '../../shared/contract/query';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { describeFailure } from '../errors';
import { useT } from '../i18n';
import { utf16Offset } from './error-position';
import { QueryErrorView } from './query-error-view';
import { queryToolTitle } from './query-title';
import { ResultGrid } from './result-grid';

/** The query tool of a connected server: a SQL editor, Run (Ctrl+Enter) and Cancel, the results or the error. */
export function QueryTool({ server, database }: { server: ServerSummary; database?: string }) {
  const t = useT();
  const editor = useRef<TextAreaRef>(null);
  const [sql, setSql] = useState('select version();');
  const [rowLimit, setRowLimit] = useState(defaultRowLimit);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<{ outcome: QueryOutcome; sql: string } | null>(null);
  const [problem, setProblem] = useState<{ title: string; detail: string } | null>(null);

  async function run() {
    if (running || sql.trim() === '') return;
    setRunning(true);
    setProblem(null);
    const text = sql;
    const answer = await api['query:run']({ serverId: server.id, sql: text, rowLimit, database });
    setRunning(false);
    if (!answer.ok) return setProblem(describeFailure(answer.error));
    setRan({ outcome: answer.value, sql: text });
    if (answer.value.outcome === 'error' && answer.value.error.position !== null) {
      const area = editor.current?.resizableTextArea?.textArea;
      const start = utf16Offset(text, answer.value.error.position);
      area?.focus();
      area?.setSelectionRange(start, Math.min(start + 1, text.length));
    }
  }
  async function cancel() {
    const answer = await api['query:cancel']({ serverId: server.id, database });
    if (!answer.ok) setProblem(describeFailure(answer.error));
  }
  const outcome = ran?.outcome;
  return (
    <section
      aria-label={queryToolTitle(t, server, database)}
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <Input.TextArea
        ref={editor}
        aria-label={t('query.editor')}
        value={sql}
        spellCheck={false}
        autoSize={{ minRows: 6, maxRows: 16 }}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
        onChange={(event) => setSql(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void run();
          }
        }}
      />
      <Space wrap>
        <Button type="primary" onClick={() => void run()} loading={running} disabled={sql.trim() === ''}>
          {t('query.run')}
        </Button>
        <Button onClick={() => void cancel()} disabled={!running} danger>
          {t('query.cancel')}
        </Button>
        <label htmlFor="query-row-limit">{t('query.rowLimit')}</label>
        <InputNumber
          id="query-row-limit"
          min={1}
          max={maxRowLimit}
          value={rowLimit}
          onChange={(value) => setRowLimit(value ?? defaultRowLimit)}
        />
        <Typography.Text type="secondary">{t('query.shortcut')}</Typography.Text>
      </Space>
      <div aria-live="polite">
        {problem && <Alert type="error" showIcon title={problem.title} description={problem.detail} />}
        {outcome?.outcome === 'error' && ran && <QueryErrorView error={outcome.error} sql={ran.sql} />}
        {outcome?.outcome === 'rows' && (
          <Typography.Text>
            {t('query.summary', { command: outcome.command, rows: outcome.rows.length, ms: outcome.durationMs })}
            {outcome.truncated && (
              <Typography.Text type="warning">
                {' '}
                {t('query.truncated', { limit: outcome.rowLimit, total: outcome.rowCount })}
              </Typography.Text>
            )}
          </Typography.Text>
        )}
        {outcome?.outcome === 'error' && (
          <Typography.Text type="secondary">{t('query.failedAfter', { ms: outcome.durationMs })}</Typography.Text>
        )}
      </div>
      {outcome?.outcome === 'rows' && outcome.columns.length > 0 && <ResultGrid result={outcome} />}
    </section>
  );
}
