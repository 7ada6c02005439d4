import { t } from '../i18n';

/** The query tool's title: the server, and the database when one was chosen. */
export function queryToolTitle(name: string, database: string | undefined): string {
  return database ? t('query.titleDatabase', { name, database }) : t('query.title', { name });
}
