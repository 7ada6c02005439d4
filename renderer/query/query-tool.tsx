import { Alert, Button, InputNumber, Space, Typography } from 'antd';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { defaultRowLimit, maxRowLimit, type QueryOutcome } from '../../shared/contract/query';
import type { ServerSummary } from '../../shared/contract/servers';
import { api } from '../api/bridge';
import { describeFailure, type ShownFailure } from '../errors';
import { useT } from '../i18n';
import { utf16Offset } from './error-position';
import { QueryErrorView } from './query-error-view';
import { queryToolTitle } from './query-title';
import { ResultGrid } from './result-grid';
import { elapsedText, ResultSummary, RunningNote } from './run-summary';
import { SqlEditor, type SqlEditorHandle } from './sql-editor';

const cancelledState = '57014';

/**
 * The query tool of a connected server, on `database` (the session's database when absent): a SQL editor, Run
 * (Ctrl/Cmd+Enter, F5) and Cancel; while a query runs the old result is gone and the time so far shows.
 */
export function QueryTool({ server, database }: { server: ServerSummary; database?: string }) {
  const t = useT();
  const editor = useRef<SqlEditorHandle>(null);
  const [sql, setSql] = useState('select version();');
  // The editor's text at once (a shortcut can come before React renders the last keystroke).
  const sqlNow = useRef(sql);
  const [rowLimit, setRowLimit] = useState(defaultRowLimit);
  const [runningSince, setRunningSince] = useState<number | null>(null);
  const running = useRef(false);
  const cancelAsked = useRef(false);
  const [ran, setRan] = useState<{ outcome: QueryOutcome; sql: string; cancelled: boolean } | null>(null);
  const [problem, setProblem] = useState<ShownFailure | null>(null);

  async function run() {
    const text = sqlNow.current;
    if (running.current || text.trim() === '') return;
    running.current = true;
    cancelAsked.current = false;
    setRunningSince(performance.now());
    setRan(null);
    setProblem(null);
    const answer = await api['query:run']({ serverId: server.id, sql: text, rowLimit, database });
    running.current = false;
    setRunningSince(null);
    if (!answer.ok) return setProblem(describeFailure(answer.error));
    const outcome = answer.value;
    const cancelled = cancelAsked.current && outcome.outcome === 'error' && outcome.error.sqlState === cancelledState;
    setRan({ outcome, sql: text, cancelled });
    if (outcome.outcome === 'error' && !cancelled && outcome.error.position !== null) {
      const start = utf16Offset(text, outcome.error.position);
      editor.current?.select(start, Math.min(start + 1, text.length));
    }
  }
  async function cancel() {
    cancelAsked.current = true;
    const answer = await api['query:cancel']({ serverId: server.id, database });
    if (!answer.ok) setProblem(describeFailure(answer.error));
  }
  // Closing the tool while a query runs cancels it: nothing keeps running on the server unseen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, on close
  useEffect(
    () => () => {
      if (running.current) void api['query:cancel']({ serverId: server.id, database });
    },
    [],
  );
  function shortcut(event: KeyboardEvent) {
    const wanted = event.key === 'F5' || (event.key === 'Enter' && (event.ctrlKey || event.metaKey));
    if (!wanted || event.isDefaultPrevented()) return;
    event.preventDefault();
    void run();
  }
  const outcome = ran?.outcome;
  return (
    <section
      aria-label={queryToolTitle(server.name, database)}
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
      onKeyDown={shortcut}
    >
      <SqlEditor
        ref={editor}
        label={t('query.editor')}
        value={sql}
        onChange={(text) => {
          sqlNow.current = text;
          setSql(text);
        }}
        onRun={() => void run()}
      />
      <Space wrap>
        {/* No spinner on Run: the note below shows the time so far, and Cancel query is the button to press. */}
        <Button type="primary" onClick={() => void run()} disabled={runningSince !== null || sql.trim() === ''}>
          {t('query.run')}
        </Button>
        <Button onClick={() => void cancel()} disabled={runningSince === null} danger>
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
        {runningSince !== null && <RunningNote startedAt={runningSince} />}
        {problem && <Alert type="error" showIcon title={problem.title} description={problem.detail} />}
        {outcome?.outcome === 'rows' && <ResultSummary outcome={outcome} />}
        {outcome?.outcome === 'error' &&
          (ran?.cancelled ? (
            <Alert type="warning" showIcon title={t('query.cancelled', { elapsed: elapsedText(outcome.durationMs) })} />
          ) : (
            <>
              <QueryErrorView error={outcome.error} sql={ran?.sql ?? ''} />
              <Typography.Text type="secondary">
                {t('query.failedAfter', { elapsed: elapsedText(outcome.durationMs) })}
              </Typography.Text>
            </>
          ))}
      </div>
      {outcome?.outcome === 'rows' && outcome.columns.length > 0 && <ResultGrid result={outcome} />}
    </section>
  );
}
