import type { ServerSummary } from '../../shared/contract/servers';
import type { useT } from '../i18n';

/** The title of a query tool: the server, and the database when one was chosen in the tree. */
export function queryToolTitle(t: ReturnType<typeof useT>, server: ServerSummary, database?: string): string {
  return database ? t('query.titleDatabase', { name: server.name, database }) : t('query.title', { name: server.name });
}
