import { parseArgs } from 'node:util';
import { type ConnectErrorCode, explainWithheld, type SavedSecretErrorCode } from '../../shared/connect-errors';
import type { CheckReport } from '../../shared/contract/connection';
import type { ConnectionKeywords } from '../../shared/libpq-keywords';
import { type Failure, ok, type Result } from '../../shared/result';
import {
  checkConnection,
  type GatewayOpener,
  looksLikeConninfo,
  parseConninfo,
  type RootCertificateFile,
} from '../engine';
import { type CliIo, writeFailure, writeJson, writeLine } from './command';

/** The words of `rdspg check`. */
export const checkUsage = 'rdspg check [CONNINFO] [--server NAME [--accept-host-key SHA256:…]] [--json]';

/**
 * A saved server as `check --server` connects with it: keywords (typed ones merged in), SSH gateway, Role, and why a
 * saved password was kept back (saved for another endpoint or a stricter sslmode), if it was.
 */
export interface SavedServerCheck {
  keywords: ConnectionKeywords;
  gateway: GatewayOpener | undefined;
  role: string | undefined;
  withheld: Failure<SavedSecretErrorCode> | null;
  rootCertificate?: RootCertificateFile;
}

/** Finds a saved server for `check --server NAME` (the registry and vault load only then); null where unavailable. */
export type SavedServerLookup = (
  io: CliIo,
  nameOrId: string,
  typed: Result<ConnectionKeywords, ConnectErrorCode>,
  acceptHostKey: string | undefined,
) => Promise<Result<SavedServerCheck, string>>;

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

/** What `rdspg check` reads of its command line (parseArgs' shape for its options). */
interface CheckArguments {
  values: { json?: boolean; server?: string; 'accept-host-key'?: string };
  positionals: string[];
}

/**
 * The command line of a check: parseArgs' reading, but the usual one (a conninfo and --json, nothing else that starts
 * with `-`) is read without it, whose first use loads and compiles Node's parser (≈ 0.8 ms of a plain check). Anything
 * else goes to parseArgs, so every usage error keeps its words; a unit test compares both on many command lines.
 */
export function readCheckArguments(args: string[]): CheckArguments {
  const positionals = args.filter((arg) => arg !== '--json');
  if (positionals.every((arg) => !arg.startsWith('-')))
    return { values: positionals.length < args.length ? { json: true } : {}, positionals };
  return parseArgs({
    args,
    options: { json: { type: 'boolean' }, server: { type: 'string' }, 'accept-host-key': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
}

function usageError(io: CliIo, detail: string): number {
  writeFailure(io.stderr, { code: 'usage', message: `${detail}. Usage: ${checkUsage}` });
  return 2;
}

/**
 * `rdspg check [CONNINFO] [--server NAME] [--json]`: connects as psql would, or with a saved server's settings
 * (through `savedServer`), and prints the report or the coded failure. Returns the exit status.
 */
export async function runCheck(args: string[], io: CliIo, savedServer: SavedServerLookup | null): Promise<number> {
  const { values, positionals } = readCheckArguments(args);
  if (positionals.length > 1) return usageError(io, 'too many arguments');
  if (values['accept-host-key'] && !values.server) return usageError(io, '--accept-host-key goes with --server');
  if (values.server && !savedServer) return usageError(io, '--server is not available in this build of check');
  const text = positionals[0] ?? '';
  const given = text === '' ? ok({}) : looksLikeConninfo(text) ? parseConninfo(text) : ok({ dbname: text });
  const target: Result<SavedServerCheck, string> =
    values.server && savedServer
      ? await savedServer(io, values.server, given, values['accept-host-key'])
      : given.ok
        ? ok({ keywords: given.value, gateway: undefined, role: undefined, withheld: null })
        : given;
  const print = (result: Result<CheckReport, string>): void => {
    if (values.json) writeJson(io.stdout, result.ok ? result.value : { ok: false, error: result.error });
    else if (result.ok) printReport((line) => writeLine(io.stdout, line), result.value);
    else writeFailure(io.stderr, result.error);
  };
  // The report is printed before the connection's goodbye, as psql does (checkConnection's beforeGoodbye).
  const checked: Result<CheckReport, string> = target.ok
    ? await checkConnection(
        {
          keywords: target.value.keywords,
          gateway: target.value.gateway,
          role: target.value.role,
          env: io.env,
          rootCertificate: target.value.rootCertificate,
          // The report's stream is made while the server signs in: making process.stdout costs a check ≈ 0.5 ms
          // (a file; more on a terminal), which would otherwise come between the answer and the report.
          duringSignIn: () => void io.stdout,
        },
        (report) => print(ok(report)),
      )
    : target;
  if (checked.ok) return 0;
  // A saved password kept back explains "no password supplied".
  print({ ok: false, error: target.ok ? explainWithheld(checked.error, target.value.withheld) : checked.error });
  return 1;
}
