import { parseArgs } from 'node:util';
import { explainWithheld } from '../../shared/connect-errors';
import type { CheckReport } from '../../shared/contract/connection';
import { ok } from '../../shared/result';
import { checkConnection, looksLikeConninfo, parseConninfo } from '../engine';
import { resolveAppHome } from '../platform/app-home';
import { type CliCommand, type CliIo, writeFailure, writeJson, writeLine } from './command';

const usage = 'rdspg check [CONNINFO] [--server NAME [--accept-host-key SHA256:…]] [--json]';

/** The Role of a saved server (pgAdmin's `SET ROLE` after connecting), or undefined. */
async function savedServerRole(io: CliIo, nameOrId: string): Promise<string | undefined> {
  const { ServerRegistry } = await import('../registry/server-registry');
  const server = await new ServerRegistry({ folder: resolveAppHome(io.env) }).get(nameOrId);
  return server.ok && server.value.role ? server.value.role : undefined;
}

function daysLeft(notAfter: string): number {
  return Math.floor((Date.parse(notAfter) - Date.now()) / 86_400_000);
}

function printReport(write: (line: string) => void, report: CheckReport): void {
  write(
    `Connected to ${report.host}:${report.port} as ${report.user}, database ${report.database} (PostgreSQL ${report.serverVersion}) in ${report.elapsedMs} ms`,
  );
  write(report.ssl ? `SSL: in use, ${report.protocol}, ${report.cipher}` : 'SSL: not in use');
  const certificate = report.serverCertificate;
  if (!certificate) return;
  write(`Server certificate: ${certificate.subject}`);
  write(`  issuer:  ${certificate.issuer}`);
  if (certificate.subjectAltNames.length) write(`  names:   ${certificate.subjectAltNames.join(', ')}`);
  write(`  expires: ${certificate.notAfter} (${daysLeft(certificate.notAfter)} days left)`);
  write(`  SHA-256: ${certificate.fingerprintSha256}`);
  write(`Chain (${report.chain.length}):`);
  for (const [index, link] of report.chain.entries())
    write(`  ${index + 1}. ${link.subject}  (issued by ${link.issuer})`);
}

/** `rdspg check [CONNINFO] [--server NAME] [--json]`: connects as psql would, or with a saved server's settings. */
export const checkCommand: CliCommand = {
  summary: 'connect as psql would and report the SSL facts of the connection',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, server: { type: 'string' }, 'accept-host-key': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) {
      writeFailure(io.stderr, { code: 'usage', message: `too many arguments. Usage: ${usage}` });
      return 2;
    }
    const text = positionals[0] ?? '';
    if (values['accept-host-key'] && !values.server) {
      writeFailure(io.stderr, { code: 'usage', message: `--accept-host-key goes with --server. Usage: ${usage}` });
      return 2;
    }
    const given = text === '' ? ok({}) : looksLikeConninfo(text) ? parseConninfo(text) : ok({ dbname: text });
    // The saved-server code (registry, vault, schemas, SSH tunnel) loads only for --server: a plain check stays small.
    const target = values.server
      ? await (await import('./saved-server-keywords')).checkKeywords(
          io,
          values.server,
          given,
          values['accept-host-key'],
        )
      : given.ok
        ? ok({ keywords: given.value, gateway: undefined, withheld: null })
        : given;
    const role = values.server ? await savedServerRole(io, values.server) : undefined;
    const checked = target.ok
      ? await checkConnection({ keywords: target.value.keywords, env: io.env, role, gateway: target.value.gateway })
      : target;
    // A saved password kept back (it was saved for another endpoint or a stricter sslmode) explains "no password".
    const result =
      checked.ok || !target.ok
        ? checked
        : { ok: false as const, error: explainWithheld(checked.error, target.value.withheld) };
    if (values.json) {
      writeJson(io.stdout, result.ok ? result.value : { ok: false, error: result.error });
    } else if (result.ok) {
      printReport((line) => writeLine(io.stdout, line), result.value);
    } else {
      writeFailure(io.stderr, result.error);
    }
    return result.ok ? 0 : 1;
  },
};
