import { lookup } from 'node:dns/promises';
import { explainWithheld } from '../../shared/connect-errors';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { checkWhitelistAddress } from '../../shared/rds-whitelist';
import { type DoctorPorts, type DoctorTarget, doctorTargetOf, runDoctor } from '../rds/doctor';
import { attemptConnection, probeConnection } from '../rds/doctor-connection';
import { usageFailure, writeFailure, writeJson, writeLine } from './command';
import type { ConnectRun } from './rds-connect-command';
import { savedServerKeywords } from './saved-server-keywords';

/** The usage text of `rdspg rds doctor`. */
export const doctorUsage = 'doctor ID [--server NAME] [--ip IP] [--json]';

/** The checks as text: one line each, with the fix under a failed one. */
export function formatChecks(checks: DoctorCheck[]): string {
  return checks
    .map(
      (item) =>
        `${item.ok ? 'ok  ' : 'FAIL'}  ${item.name}: ${item.detail}${item.fix ? `\n      fix: ${item.fix}` : ''}`,
    )
    .join('\n');
}

/**
 * `rdspg rds doctor ID [--server NAME] [--ip IP] [--json]`: the checks in order, each `{name, ok, detail, fix}`;
 * exits 0 when all pass and 1 when one fails. --server takes the host, hostaddr, port, user, database, root
 * certificate and saved password of a saved server and tries it; a probe without a password learns the address
 * the server sees this computer as.
 */
export async function doctorCommand(
  run: ConnectRun & { values: { server?: string } },
  id: string | undefined,
): Promise<number> {
  if (!id) {
    writeFailure(run.io.stderr, usageFailure(doctorUsage, 'missing the instance ID'));
    return 2;
  }
  const target: DoctorTarget = { host: null, user: null, address: null };
  if (run.values.ip) {
    const address = checkWhitelistAddress(run.values.ip);
    if (!address.ok) {
      writeFailure(run.io.stderr, address.error);
      return 1;
    }
    target.address = address.value;
  }
  const ports: DoctorPorts = { probe: probeConnection };
  if (run.values.server) {
    const saved = await savedServerKeywords(run.io, run.values.server);
    if (!saved.ok) {
      writeFailure(run.io.stderr, saved.error);
      return 1;
    }
    const { keywords, gateway, withheld, rootCertificate } = saved.value;
    Object.assign(target, doctorTargetOf(keywords));
    ports.attempt = async () => {
      const outcome = await attemptConnection(keywords, run.io.env, gateway, rootCertificate);
      return outcome.ok ? outcome : { ok: false, ...explainWithheld(outcome, withheld) };
    };
  }
  const resolve = async (host: string) => (await lookup(host)).address;
  const checks = await runDoctor(run.client, id, target, resolve, new Date(), ports);
  if (!checks.ok) {
    writeFailure(run.io.stderr, checks.error);
    return 1;
  }
  if (run.values.json) writeJson(run.io.stdout, { instanceId: id, checks: checks.value });
  else writeLine(run.io.stdout, formatChecks(checks.value));
  return checks.value.every((item) => item.ok) ? 0 : 1;
}
