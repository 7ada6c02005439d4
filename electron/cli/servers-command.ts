import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Failure, ok } from '../../shared/result';
import { serverAddress } from '../../shared/server-address';
import { type SavedServer, type ServerFields, secretKeywords } from '../../shared/server-schema';
import type { TunnelFields } from '../../shared/tunnel-fields';
import { parseConninfo } from '../engine/conninfo';
import { resolveAppHome } from '../platform/app-home';
import { formatSavedAt } from '../platform/last-good-copy';
import {
  formatPgadminServers,
  newServerKeywords,
  parsePgadminServers,
  ServerRegistry,
  serverToConninfo,
  serverToJdbcUrl,
  serverToServiceSection,
  splitKeywords,
} from '../registry';
import {
  deleteServerSecret,
  deleteServerWithSecrets,
  saveServerWithSecrets,
  secretsLeftBehind,
  writeServerSecrets,
} from '../saved-servers/saved-servers';
import type { Vault } from '../vault/vault';
import { type CliCommand, type CliIo, usageFailure, writeFailure, writeJson, writeLine } from './command';
import { groupCommand, groupUsage } from './server-groups';
import { cliVault, promptPassword, readStdinLine, unlockForCommand } from './vault-session';

const usage =
  'rdspg servers list [--json] | show NAME [--json] | add NAME [CONNINFO] [--group G] [--role R] [--save-password] [--password-stdin] ' +
  '| edit NAME [CONNINFO] [--name N] [--group G] [--role R] [--save-password] [--forget-password] [--password-stdin] [--unset KEYWORD] ' +
  `| remove NAME | import FILE | export [NAME] [--format pgadmin|conninfo|service|jdbc] [--out FILE] | restore | ${groupUsage.replace('rdspg servers ', '')}`;

const options = {
  json: { type: 'boolean' },
  group: { type: 'string' },
  name: { type: 'string' },
  bgcolor: { type: 'string' },
  fgcolor: { type: 'string' },
  comments: { type: 'string' },
  role: { type: 'string' },
  'save-password': { type: 'boolean' },
  'forget-password': { type: 'boolean' },
  'password-stdin': { type: 'boolean' },
  unset: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

interface Run {
  io: CliIo;
  registry: ServerRegistry;
  vault: Vault;
  json: boolean;
  values: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];
}

function failWith(run: Run, failure: Failure): number {
  if (run.json) writeJson(run.io.stdout, { ok: false, error: failure });
  writeFailure(run.io.stderr, failure);
  return failure.code === 'usage' ? 2 : 1;
}

/** Servers as list/show print them: every field, and only whether each secret is saved; a damaged vault fails. */
/** The SSH tunnel line of `rdspg servers show`. */
function describeTunnel(tunnel: TunnelFields): string {
  const login = tunnel.authentication === 'identity-file' ? `identity file ${tunnel.identityFile}` : 'password';
  const keepAlive = tunnel.keepAlive ? `, keep alive ${tunnel.keepAlive} s` : '';
  return `  SSH tunnel ${tunnel.username}@${tunnel.host}:${tunnel.port} (${login}${keepAlive})`;
}

async function describeServers(vault: Vault, servers: SavedServer[]) {
  const secrets = await vault.savedSecrets('server');
  if (!secrets.ok) return secrets;
  const saved = new Set(secrets.value.map((address) => `${address.ownerId}\n${address.field}`));
  const has = (server: SavedServer, field: string) => saved.has(`${server.id}\n${field}`);
  return ok(
    servers.map((server) => ({
      ...server,
      passwordSaved: has(server, 'password'),
      sslpasswordSaved: has(server, 'sslpassword'),
    })),
  );
}

async function list(run: Run): Promise<number> {
  const loaded = await run.registry.list();
  if (!loaded.ok) return failWith(run, loaded.error);
  const described = await describeServers(run.vault, loaded.value.servers);
  if (!described.ok) return failWith(run, described.error);
  const servers = described.value;
  if (run.json) {
    writeJson(run.io.stdout, { groups: loaded.value.groups, servers });
    return 0;
  }
  if (!servers.length) writeLine(run.io.stdout, 'No saved servers; add one with "rdspg servers add NAME CONNINFO".');
  for (const group of loaded.value.groups) {
    const members = servers.filter((server) => server.group === group);
    writeLine(run.io.stdout, `${group}${members.length ? '' : ' (empty)'}`);
    for (const server of members) {
      const mode = server.parameters.find((row) => row.keyword === 'sslmode')?.value ?? 'prefer';
      const saved = server.passwordSaved ? '  password saved' : '';
      writeLine(run.io.stdout, `  ${server.name}  ${serverAddress(server)}  sslmode=${mode}${saved}`);
    }
  }
  return 0;
}

async function show(run: Run, name: string): Promise<number> {
  const found = await run.registry.get(name);
  if (!found.ok) return failWith(run, found.error);
  const described = await describeServers(run.vault, [found.value]);
  if (!described.ok) return failWith(run, described.error);
  const server = described.value[0]!;
  const conninfo = serverToConninfo(found.value);
  if (run.json) {
    writeJson(run.io.stdout, { server, conninfo });
    return 0;
  }
  const lines = [
    `${server.name}  (group ${server.group}, id ${server.id})`,
    `  host ${server.host}  port ${server.port}  maintenance database ${server.maintenanceDatabase}  username ${server.username}`,
    ...(server.service ? [`  service ${server.service}`] : []),
    ...(server.role ? [`  role ${server.role}`] : []),
    ...(found.value.tunnel ? [describeTunnel(found.value.tunnel)] : []),
    `  password: ${server.passwordSaved ? 'saved in the vault' : 'not saved'}${server.sslpasswordSaved ? '; sslpassword: saved in the vault' : ''}`,
    ...server.parameters.map((row) => `  ${row.keyword} = ${row.value}`),
    ...(server.comments ? [`  comments: ${server.comments}`] : []),
    ...(server.background || server.foreground
      ? [`  colours: ${server.background || '-'} / ${server.foreground || '-'}`]
      : []),
    `  conninfo: ${conninfo}`,
  ];
  for (const line of lines) writeLine(run.io.stdout, line);
  return 0;
}

/** The General-tab options given on the command line. */
function generalFields(run: Run): Partial<ServerFields> {
  const fields: Partial<ServerFields> = {};
  if (run.values.group !== undefined) fields.group = run.values.group;
  if (run.values.name !== undefined) fields.name = run.values.name;
  if (run.values.bgcolor !== undefined) fields.background = run.values.bgcolor;
  if (run.values.fgcolor !== undefined) fields.foreground = run.values.fgcolor;
  if (run.values.comments !== undefined) fields.comments = run.values.comments;
  if (run.values.role !== undefined) fields.role = run.values.role;
  return fields;
}

/** Collects the secrets to save: from the conninfo, --password-stdin, or a prompt; refused without --save-password. */
async function secretsToSave(
  run: Run,
  fromConninfo: Partial<Record<string, string>>,
): Promise<Record<string, string> | Failure> {
  const secrets: Record<string, string> = {};
  for (const field of secretKeywords) if (fromConninfo[field] !== undefined) secrets[field] = fromConninfo[field]!;
  if (run.values['password-stdin']) {
    const line = await readStdinLine(run.io);
    if (line === null) return usageFailure(usage, '--password-stdin found no password on stdin');
    secrets.password = line;
  }
  if (Object.keys(secrets).length && !run.values['save-password']) {
    return usageFailure(
      usage,
      'a password is kept only with --save-password (it goes to the vault, never the registry)',
    );
  }
  if (run.values['save-password'] && secrets.password === undefined) {
    const typed = await promptPassword(run.io, 'Database password: ');
    if (typed === null)
      return { code: 'password_needed', message: 'No password given; use --password-stdin or type it at the prompt.' };
    secrets.password = typed;
  }
  return secrets;
}

function parsedConninfo(text: string | undefined) {
  return text === undefined ? { ok: true as const, value: {} } : parseConninfo(text);
}

async function add(run: Run, name: string, conninfo: string | undefined): Promise<number> {
  const parsed = parsedConninfo(conninfo);
  if (!parsed.ok) return failWith(run, parsed.error);
  const { fields, secrets: given } = newServerKeywords(parsed.value);
  const secrets = await secretsToSave(run, given);
  if ('code' in secrets) return failWith(run, secrets as Failure);
  if (Object.keys(secrets).length) {
    const unlocked = await unlockForCommand(run.vault, run.io);
    if (!unlocked.ok) return failWith(run, unlocked.error);
  }
  const created = await saveServerWithSecrets(
    run.registry,
    run.vault,
    { ...fields, ...generalFields(run), name, savePassword: Boolean(run.values['save-password']) },
    secrets,
    run.io.env,
  );
  if (!created.ok) return failWith(run, created.error);
  return report(run, created.value, `Saved server "${created.value.name}" in group ${created.value.group}.`);
}

async function report(run: Run, server: SavedServer, headline: string): Promise<number> {
  if (!run.json) {
    writeLine(run.io.stdout, headline);
    return 0;
  }
  const described = await describeServers(run.vault, [server]);
  if (!described.ok) return failWith(run, described.error);
  writeJson(run.io.stdout, { server: described.value[0] });
  return 0;
}

async function edit(run: Run, name: string, conninfo: string | undefined): Promise<number> {
  const current = await run.registry.get(name);
  if (!current.ok) return failWith(run, current.error);
  const parsed = parsedConninfo(conninfo);
  if (!parsed.ok) return failWith(run, parsed.error);
  const unset = new Set(run.values.unset ?? []);
  const base = { parameters: current.value.parameters.filter((row) => !unset.has(row.keyword)) };
  const { fields, secrets: given } = splitKeywords(parsed.value, base);
  const forget = Boolean(run.values['forget-password']);
  const keep = run.values['save-password'] || (!forget && current.value.savePassword);
  const secrets =
    run.values['save-password'] || run.values['password-stdin'] || Object.keys(given).length
      ? await secretsToSave(run, given)
      : {};
  if ('code' in secrets) return failWith(run, secrets as Failure);
  const changes = { ...fields, ...generalFields(run), savePassword: Boolean(keep) };
  // Another endpoint or jump host, or a weaker sslmode: the secrets saved for the old settings are forgotten.
  const left = await secretsLeftBehind(
    run.vault,
    current.value,
    { ...current.value, ...changes },
    Object.keys(secrets),
    run.io.env,
  );
  if (!left.ok) return failWith(run, left.error);
  const forgetting = forget ? await run.vault.savedSecrets('server', current.value.id) : ok([]);
  if (!forgetting.ok) return failWith(run, forgetting.error);
  if (Object.keys(secrets).length || forgetting.value.length || left.value.length) {
    const unlocked = await unlockForCommand(run.vault, run.io);
    if (!unlocked.ok) return failWith(run, unlocked.error);
  }
  const updated = await run.registry.update(current.value.id, changes);
  if (!updated.ok) return failWith(run, updated.error);
  for (const field of new Set([...left.value, ...(forget ? ['password'] : [])])) {
    const removed = await deleteServerSecret(run.vault, current.value.id, field);
    if (!removed.ok) return failWith(run, removed.error);
  }
  const saved = await writeServerSecrets(run.vault, updated.value, secrets, run.io.env);
  if (!saved.ok) return failWith(run, saved.error);
  const forgotten = left.value.length
    ? ` Forgot its saved ${left.value.join(' and ')}: it was saved for the old endpoint or a stricter sslmode.`
    : '';
  return report(run, updated.value, `Updated server "${updated.value.name}".${forgotten}`);
}

async function remove(run: Run, name: string): Promise<number> {
  const removed = await deleteServerWithSecrets(run.registry, run.vault, name, () =>
    unlockForCommand(run.vault, run.io),
  );
  if (!removed.ok) return failWith(run, removed.error);
  if (run.json) writeJson(run.io.stdout, { removed: { id: removed.value.id, name: removed.value.name } });
  else writeLine(run.io.stdout, `Removed server "${removed.value.name}" and its saved secrets.`);
  return 0;
}

async function importFile(run: Run, file: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return failWith(run, { code: 'invalid_import', message: `Cannot read ${file}; check the path.` });
  const parsed = parsePgadminServers(text);
  if (!parsed.ok) return failWith(run, parsed.error);
  const { servers, skipped, warnings } = parsed.value;
  const notes = [
    ...skipped.map((item) => `skipped ${item.name || `entry ${item.entry}`}: ${item.reason}`),
    ...warnings.map((warning) => `warning: ${warning}`),
  ];
  if (!run.json || servers.length === 0) for (const note of notes) writeLine(run.io.stderr, note);
  // As pgAdmin's load-servers: a file from which nothing could be imported is a failure.
  if (servers.length === 0)
    return failWith(run, {
      code: 'invalid_import',
      message: `Nothing could be imported from ${file} (${skipped.length} entries skipped); fix the entries above and import again.`,
    });
  const added = await run.registry.createMany(servers);
  if (!added.ok) return failWith(run, added.error);
  const imported = added.value.map((server) => ({ id: server.id, name: server.name, group: server.group }));
  if (run.json) writeJson(run.io.stdout, { imported, skipped, warnings });
  else
    writeLine(
      run.io.stdout,
      `Imported ${imported.length} servers${skipped.length ? `; skipped ${skipped.length}` : ''}.`,
    );
  return 0;
}

async function exportServers(run: Run, name: string | undefined): Promise<number> {
  const format = run.values.format ?? 'pgadmin';
  if (!['pgadmin', 'conninfo', 'service', 'jdbc'].includes(format)) {
    return failWith(run, usageFailure(usage, '--format takes pgadmin, conninfo, service or jdbc'));
  }
  let servers: SavedServer[];
  if (name) {
    const found = await run.registry.get(name);
    if (!found.ok) return failWith(run, found.error);
    servers = [found.value];
  } else {
    const loaded = await run.registry.list();
    if (!loaded.ok) return failWith(run, loaded.error);
    servers = loaded.value.servers;
  }
  const notes: string[] = [];
  const text =
    format === 'pgadmin'
      ? formatPgadminServers(servers)
      : format === 'conninfo'
        ? servers.map((server) => `${serverToConninfo(server)}\n`).join('')
        : format === 'service'
          ? servers.map((server) => serverToServiceSection(server)).join('\n')
          : servers
              .map((server) => {
                const jdbc = serverToJdbcUrl(server);
                for (const note of jdbc.notes) if (!notes.includes(note)) notes.push(note);
                return `${jdbc.url}\n`;
              })
              .join('');
  if (run.values.out) await writeFile(run.values.out, text, { mode: 0o600 });
  if (run.json) writeJson(run.io.stdout, { format, text, notes, ...(run.values.out ? { out: run.values.out } : {}) });
  else if (!run.values.out) run.io.stdout.write(text);
  if (!run.json) for (const note of notes) writeLine(run.io.stderr, `note: ${note}`);
  return 0;
}

async function restore(run: Run): Promise<number> {
  const restored = await run.registry.restore();
  if (!restored.ok) return failWith(run, restored.error);
  if (run.json) writeJson(run.io.stdout, { restoredFrom: restored.value });
  else
    writeLine(
      run.io.stdout,
      `Restored servers.json from its last good copy ${restored.value.path} (saved at ${formatSavedAt(restored.value.savedAt)}).`,
    );
  return 0;
}

/** `rdspg servers …`: the saved servers (pgAdmin's dialog fields), import/export, secrets only in the vault. */
export const serversCommand: CliCommand = {
  summary:
    'list, add, show, edit, remove, import and export saved servers (pgAdmin servers.json, conninfo, JDBC); restore the last good servers.json',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    const folder = resolveAppHome(io.env);
    const run: Run = {
      io,
      registry: new ServerRegistry({ folder }),
      vault: cliVault(io),
      json: Boolean(values.json),
      values,
    };
    const [action, first, second, ...extra] = positionals;
    if (action === 'group') return groupCommand(run.registry, io, run.json, positionals.slice(1));
    const needs = (count: number, what: string) =>
      positionals.length - 1 < count ? `missing ${what}` : extra.length ? 'too many arguments' : null;
    const problem =
      action === 'list' || action === 'restore'
        ? first !== undefined
          ? 'too many arguments'
          : null
        : action === 'add' || action === 'edit'
          ? needs(1, 'NAME')
          : action === 'show' || action === 'remove'
            ? (needs(1, 'NAME') ?? (second !== undefined ? 'too many arguments' : null))
            : action === 'import'
              ? (needs(1, 'FILE') ?? (second !== undefined ? 'too many arguments' : null))
              : action === 'export'
                ? second !== undefined
                  ? 'too many arguments'
                  : null
                : action
                  ? `unknown servers action "${action}"`
                  : 'missing the servers action';
    if (problem) return failWith(run, usageFailure(usage, problem));
    if (action === 'list') return list(run);
    if (action === 'restore') return restore(run);
    if (action === 'show') return show(run, first!);
    if (action === 'add') return add(run, first!, second);
    if (action === 'edit') return edit(run, first!, second);
    if (action === 'remove') return remove(run, first!);
    if (action === 'import') return importFile(run, first!);
    return exportServers(run, first);
  },
};
