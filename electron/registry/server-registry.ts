import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../shared/result';
import { defaultGroup } from '../../shared/server-groups';
import {
  blankServerFields,
  describeIssues,
  groupNameSchema,
  type RegistryData,
  type RegistryErrorCode,
  type SavedServer,
  type ServerFields,
  serverFieldsSchema,
} from '../../shared/server-schema';
import { RegistryFile } from './registry-file';

type RegistryResult<Value> = Promise<Result<Value, RegistryErrorCode>>;
type Change<Value> = Result<{ data: RegistryData; value: Value }, RegistryErrorCode>;

/** Finds a server by id, or else by name (case-insensitive). */
export function findServer(data: RegistryData, nameOrId: string): SavedServer | undefined {
  return (
    data.servers.find((server) => server.id === nameOrId) ??
    data.servers.find((server) => server.name.toLowerCase() === nameOrId.toLowerCase())
  );
}

function checkFields(fields: unknown): Result<ServerFields, RegistryErrorCode> {
  const parsed = serverFieldsSchema.safeParse(fields);
  return parsed.success ? ok(parsed.data) : fail('invalid_server', describeIssues(parsed.error.issues));
}

function nameTaken(data: RegistryData, name: string, exceptId?: string): boolean {
  return data.servers.some((server) => server.id !== exceptId && server.name.toLowerCase() === name.toLowerCase());
}

function groupTaken(groups: string[], name: string, exceptName?: string): boolean {
  return groups.some((group) => group !== exceptName && group.toLowerCase() === name.toLowerCase());
}

function duplicateGroup(name: string) {
  return fail('duplicate_group', `A group named "${name}" already exists; choose another name.`);
}

function groupNotFound(name: string) {
  return fail('group_not_found', `No group "${name}"; list them with "rdspg servers list".`);
}

function withGroup(groups: string[], group: string): string[] {
  return groups.includes(group) ? groups : [...groups, group];
}

/** The saved servers and their groups: create, read, update, delete, with the shared zod schema. */
export class ServerRegistry {
  readonly file: RegistryFile;

  constructor(options: { folder: string }) {
    this.file = new RegistryFile(options.folder);
  }

  /** Puts back the last good copy of servers.json; refuses when it is missing or damaged too. */
  async restore(): RegistryResult<{ path: string; savedAt: number }> {
    return this.file.restore();
  }

  /** Every group and server. */
  async list(): RegistryResult<RegistryData> {
    return this.file.load();
  }

  /** One server by id or name. */
  async get(nameOrId: string): RegistryResult<SavedServer> {
    const loaded = await this.file.load();
    if (!loaded.ok) return loaded;
    const server = findServer(loaded.value, nameOrId);
    return server
      ? ok(server)
      : fail('server_not_found', `No saved server "${nameOrId}"; list them with "rdspg servers list".`);
  }

  /** Saves a new server; missing fields take pgAdmin's defaults; its group is created when needed. */
  async create(fields: Partial<ServerFields> & { name: string }): RegistryResult<SavedServer> {
    const checked = checkFields({ ...blankServerFields(), ...fields });
    if (!checked.ok) return checked;
    return this.file.update((data): Change<SavedServer> => {
      if (nameTaken(data, checked.value.name)) {
        return fail('duplicate_name', `A server named "${checked.value.name}" already exists; choose another name.`);
      }
      const server: SavedServer = { id: randomUUID(), ...checked.value };
      return ok({
        data: { ...data, groups: withGroup(data.groups, server.group), servers: [...data.servers, server] },
        value: server,
      });
    });
  }

  /** Changes a server's fields (the given ones; the rest stay). */
  async update(nameOrId: string, fields: Partial<ServerFields>): RegistryResult<SavedServer> {
    return this.file.update((data): Change<SavedServer> => {
      const current = findServer(data, nameOrId);
      if (!current)
        return fail('server_not_found', `No saved server "${nameOrId}"; list them with "rdspg servers list".`);
      const { id, ...old } = current;
      const checked = checkFields({ ...old, ...fields });
      if (!checked.ok) return checked;
      if (nameTaken(data, checked.value.name, id)) {
        return fail('duplicate_name', `A server named "${checked.value.name}" already exists; choose another name.`);
      }
      const server: SavedServer = { id, ...checked.value };
      const servers = data.servers.map((item) => (item.id === id ? server : item));
      return ok({ data: { ...data, groups: withGroup(data.groups, server.group), servers }, value: server });
    });
  }

  /** Deletes a server from the registry only; deleteServerWithSecrets (saved-servers/) deletes its secrets with it. */
  async remove(nameOrId: string): RegistryResult<SavedServer> {
    return this.file.update((data): Change<SavedServer> => {
      const server = findServer(data, nameOrId);
      if (!server)
        return fail('server_not_found', `No saved server "${nameOrId}"; list them with "rdspg servers list".`);
      return ok({ data: { ...data, servers: data.servers.filter((item) => item.id !== server.id) }, value: server });
    });
  }

  /** Adds an empty group; a name already taken (in any letter case) is refused with `duplicate_group`. */
  async createGroup(name: string): RegistryResult<string> {
    const checked = groupNameSchema.safeParse(name);
    if (!checked.success) return fail('invalid_server', describeIssues(checked.error.issues));
    return this.file.update((data): Change<string> => {
      if (groupTaken(data.groups, checked.data)) return duplicateGroup(checked.data);
      return ok({ data: { ...data, groups: [...data.groups, checked.data] }, value: checked.data });
    });
  }

  /** Renames a group and moves its servers with it. */
  async renameGroup(from: string, to: string): RegistryResult<string> {
    const checked = groupNameSchema.safeParse(to);
    if (!checked.success) return fail('invalid_server', describeIssues(checked.error.issues));
    const name = checked.data;
    return this.file.update((data): Change<string> => {
      if (!data.groups.includes(from)) return groupNotFound(from);
      if (groupTaken(data.groups, name, from)) return duplicateGroup(name);
      const groups = data.groups.map((group) => (group === from ? name : group));
      const servers = data.servers.map((server) => (server.group === from ? { ...server, group: name } : server));
      return ok({ data: { ...data, groups, servers }, value: name });
    });
  }

  /** Deletes a group; its servers move to the default group "Servers", which itself cannot be deleted. */
  async removeGroup(name: string): RegistryResult<{ group: string; moved: number }> {
    return this.file.update((data): Change<{ group: string; moved: number }> => {
      if (name === defaultGroup)
        return fail(
          'default_group',
          `"${defaultGroup}" is the default group and cannot be deleted; rename it instead.`,
        );
      if (!data.groups.includes(name)) return groupNotFound(name);
      const moved = data.servers.filter((server) => server.group === name).length;
      const servers = data.servers.map((server) =>
        server.group === name ? { ...server, group: defaultGroup } : server,
      );
      const groups = data.groups.filter((group) => group !== name);
      const kept = moved > 0 ? withGroup(groups, defaultGroup) : groups;
      return ok({ data: { ...data, groups: kept, servers }, value: { group: name, moved } });
    });
  }

  /** Adds many servers in one write (import); names already taken get a numbered suffix. */
  async createMany(list: ServerFields[]): RegistryResult<SavedServer[]> {
    return this.file.update((data): Change<SavedServer[]> => {
      let groups = data.groups;
      const servers = [...data.servers];
      const added: SavedServer[] = [];
      for (const fields of list) {
        const current = { ...data, servers };
        let name = fields.name;
        for (let suffix = 2; nameTaken(current, name); suffix++) name = `${fields.name} (${suffix})`;
        const server: SavedServer = { id: randomUUID(), ...fields, name };
        servers.push(server);
        added.push(server);
        groups = withGroup(groups, server.group);
      }
      return ok({ data: { ...data, groups, servers }, value: added });
    });
  }
}
