import { ok } from '../../../shared/result';
import { serverToConninfo, serverToJdbcUrl } from '../../registry/server-export';
import type { HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';

type GroupHandlers = Pick<
  HandlerTable,
  'servers:group-create' | 'servers:group-rename' | 'servers:group-delete' | 'servers:export'
>;

/** Server groups (create, rename, delete moving servers to "Servers") and "Copy as" conninfo or JDBC URL. */
export function createGroupHandlers({ registry }: AppPorts): GroupHandlers {
  return {
    'servers:group-create': async ({ name }) => {
      const created = await registry.createGroup(name);
      return created.ok ? ok({ group: created.value }) : created;
    },
    'servers:group-rename': async ({ from, to }) => {
      const renamed = await registry.renameGroup(from, to);
      return renamed.ok ? ok({ group: renamed.value }) : renamed;
    },
    'servers:group-delete': ({ name }) => registry.removeGroup(name),
    'servers:export': async ({ id, format }) => {
      const found = await registry.get(id);
      if (!found.ok) return found;
      if (format === 'conninfo') return ok({ text: serverToConninfo(found.value), notes: [] });
      const { url, notes } = serverToJdbcUrl(found.value);
      return ok({ text: url, notes });
    },
  };
}
