import { lookup } from 'node:dns/promises';
import type { DoctorCheck } from '../../shared/contract/rds-connect';
import { checkWhitelistAddress } from '../../shared/rds-whitelist';
import { resolveAppHome } from '../platform/app-home';
import { type DoctorTarget, runDoctor } from '../rds/doctor';
import { ServerRegistry } from '../registry';
import { usageFailure, writeFailure, writeJson, writeLine } from './command';
import type { ConnectRun } from './rds-connect-command';

/** The usage text of `rdspg rds doctor`. */
export const doctorUsage = 'doctor ID [--server NAME] [--ip IP] [--json]';

function formatChecks(checks: DoctorCheck[]): string {
  return checks
    .map(
      (item) =>
        `${item.ok ? 'ok  ' : 'FAIL'}  ${item.name}: ${item.detail}${item.fix ? `\n      fix: ${item.fix}` : ''}`,
    )
    .join('\n');
}

/**
 * `rdspg rds doctor ID [--server NAME] [--ip IP] [--json]`: the checks in order, each `{name, ok, detail, fix}`;
 * exits 0 when all pass and 1 when one fails. --server takes the host and user of a saved server.
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
  if (run.values.server) {
    const server = await new ServerRegistry({ folder: resolveAppHome(run.io.env) }).get(run.values.server);
    if (!server.ok) {
      writeFailure(run.io.stderr, server.error);
      return 1;
    }
    target.host = server.value.host || null;
    target.user = server.value.username || null;
  }
  const checks = await runDoctor(run.client, id, target, async (host) => (await lookup(host)).address);
  if (!checks.ok) {
    writeFailure(run.io.stderr, checks.error);
    return 1;
  }
  if (run.values.json) writeJson(run.io.stdout, { instanceId: id, checks: checks.value });
  else writeLine(run.io.stdout, formatChecks(checks.value));
  return checks.value.every((item) => item.ok) ? 0 : 1;
}
