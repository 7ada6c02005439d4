import { explainWithheld } from '../../shared/connect-errors';
import { keywordsOfForm, type ServerForm } from '../../shared/contract/server-form';
import { ok, type Result } from '../../shared/result';
import type { RegistryErrorCode } from '../../shared/server-schema';
import type { GatewayOpener } from '../engine/index';
import { type DoctorTarget, doctorTargetOf } from '../rds/doctor';
import type { ConnectionOutcome } from '../rds/doctor-checks';
import { attemptConnection } from '../rds/doctor-connection';
import { serverKeywords } from '../registry/server-keywords';
import {
  connectionKeywordsFor,
  tunnelGatewayFor,
  type WithSavedSecrets,
  withSavedSecrets,
} from '../saved-servers/saved-servers';
import { knownHostsFiles } from '../ssh-tunnel/tunnel-gateway';
import type { AppPorts } from './ports';

/** The server the doctor checks with: its keywords as the target, and the attempt with its own settings. */
export interface DoctorServer {
  target: Omit<DoctorTarget, 'address'>;
  attempt: () => Promise<ConnectionOutcome>;
}

/**
 * The doctor's attempt with a server's own settings, password and SSH tunnel. A locked vault or a tunnel that cannot
 * be opened is the attempt's failure (a finding the database check reports), not the doctor's.
 */
async function attemptWith(
  ports: AppPorts,
  keywords: Result<WithSavedSecrets, string>,
  gateway: () => Promise<Result<GatewayOpener | undefined, string>>,
): Promise<ConnectionOutcome> {
  if (!keywords.ok) return { ok: false, ...keywords.error };
  const opened = await gateway();
  if (!opened.ok) return { ok: false, ...opened.error };
  // Only the server's own settings supply a password: not a PGPASSWORD in the app's environment.
  const outcome = await attemptConnection(
    keywords.value.keywords,
    { ...ports.env, PGPASSWORD: undefined },
    opened.value,
    keywords.value.rootCertificate,
  );
  return outcome.ok ? outcome : { ok: false, ...explainWithheld(outcome, keywords.value.withheld) };
}

/**
 * The server the doctor checks with: Register > Server…'s form or the flow's (with the saved server's secrets when it
 * is one being edited), or a saved server as saved; none without either.
 */
export async function doctorServer(
  ports: AppPorts,
  request: { form?: ServerForm | undefined; serverId?: string | undefined },
): Promise<Result<DoctorServer | null, RegistryErrorCode>> {
  const known = knownHostsFiles(ports.home, ports.env);
  const env = { ...ports.env, PGPASSWORD: undefined };
  const { form, serverId } = request;
  const saved = serverId ? await ports.registry.get(serverId) : null;
  if (saved && !saved.ok) return saved;
  if (form) {
    // As Test connection: the saved server's secrets fill what the form leaves empty, if it goes where they were saved for.
    const typed = keywordsOfForm(form);
    const keywords = () =>
      saved
        ? withSavedSecrets(ports.vault, saved.value, typed, env, form.tunnel)
        : Promise.resolve(ok({ keywords: typed, withheld: null }));
    const gateway = () => tunnelGatewayFor(ports.vault, saved?.value ?? null, form.tunnel, form.tunnelPassword, known);
    return ok({ target: doctorTargetOf(typed), attempt: async () => attemptWith(ports, await keywords(), gateway) });
  }
  if (!saved) return ok(null);
  const server = saved.value;
  const gateway = () => tunnelGatewayFor(ports.vault, server, server.tunnel, undefined, known);
  const attempt = async () =>
    attemptWith(ports, await connectionKeywordsFor(ports.registry, ports.vault, server.id, env), gateway);
  return ok({ target: doctorTargetOf(serverKeywords(server)), attempt });
}
