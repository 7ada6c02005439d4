import { homedir } from 'node:os';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { resolveAppHome } from '../platform/app-home';
import { type ApiEndpoint, parseApiEndpoint } from './api-endpoint';
import { resolveCredentials } from './credentials';
import { RdsClient } from './rds-client';

/** The environment variable that sets the API endpoint URL when no flag does (handy with the sandbox). */
export const apiEndpointVariable = 'RDSPG_RDS_ENDPOINT';

/** What the CLI needs to build a client: the flags it got and its environment. */
export interface ClientFlags {
  apiEndpoint?: string;
  profile?: string;
  region?: string;
  env: NodeJS.ProcessEnv;
}

/** Builds the RDS client for a CLI run: credentials from --profile / the environment / the aliyun CLI. */
export async function clientFromFlags(flags: ClientFlags): Promise<Result<RdsClient, RdsErrorCode>> {
  let endpoint: ApiEndpoint | null = null;
  const endpointText = flags.apiEndpoint ?? flags.env[apiEndpointVariable];
  if (endpointText) {
    const parsed = parseApiEndpoint(endpointText);
    if (!parsed.ok) return parsed;
    endpoint = parsed.value;
  }
  const credentials = await resolveCredentials({
    ...(flags.profile ? { profileName: flags.profile } : {}),
    env: flags.env,
    home: flags.env.HOME || homedir(),
  });
  if (!credentials.ok) return credentials;
  const regionId = flags.region ?? credentials.value.regionId ?? flags.env.ALIBABA_CLOUD_REGION_ID ?? 'cn-hangzhou';
  return ok(new RdsClient({ credentials: credentials.value, endpoint, regionId }));
}

/** The app's data folder as the CLI sees it (RDSPG_HOME or the platform default). */
export function cliAppHome(env: NodeJS.ProcessEnv): string {
  return resolveAppHome(env);
}

/** A usage failure for a DB host given where an API URL belongs, or the reverse. */
export function checkDatabaseHost(host: string): Result<string, RdsErrorCode> {
  if (host.includes('://')) {
    return fail(
      'invalid_parameter',
      `--endpoint here names the database endpoint (a host such as pgm-xxx.pg.rds.aliyuncs.com), not "${host}"; give the API URL with --api-endpoint.`,
    );
  }
  return ok(host);
}
