import { Alert, Typography } from 'antd';
import type { QueryError } from '../../shared/contract/query';
import { useT } from '../i18n';
import { locateError } from './error-position';

/** The server's error for a statement, with the line it points at and a caret under the position. */
export function QueryErrorView({ error, sql }: { error: QueryError; sql: string }) {
  const t = useT();
  const location = locateError(sql, error.position);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={error.sqlState ? `${error.message} [${error.sqlState}]` : error.message}
      description={
        <div>
          {location && (
            <>
              <Typography.Text>{t('query.errorAt', { line: location.line, column: location.column })}</Typography.Text>
              <figure aria-label={t('query.errorPosition')} style={{ margin: '4px 0' }}>
                <pre style={{ margin: 0, fontSize: 12 }}>
                  {location.lineText}
                  {'\n'}
                  <mark>{`${' '.repeat(location.column - 1)}^`}</mark>
                </pre>
              </figure>
            </>
          )}
          {error.detail && <div>{t('query.detail', { text: error.detail })}</div>}
          {error.hint && <div>{t('query.hint', { text: error.hint })}</div>}
        </div>
      }
    />
  );
}
