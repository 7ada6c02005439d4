import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Credential, { CLIProfileCredentialsProvider } from '@alicloud/credentials';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';

/**
 * The secret store port (the vault plugs in here): it hands out an AccessKey secret by its reference, only for the
 * API endpoint (a normalized URL, null for the default) it was saved with.
 */
export interface SecretStore {
  readSecret(reference: string, endpoint: string | null): Promise<string | undefined>;
}

/** An AccessKey profile of the app: the ID and default region in clear, the secret only as a vault reference. */
export interface AccessKeyProfile {
  name: string;
  accessKeyId: string;
  regionId: string;
  secretReference: string;
}

/** Credentials ready for the SDK: either a static AccessKey (with an optional STS token) or an SDK credential. */
export type ResolvedCredentials =
  | {
      kind: 'access_key';
      source: string;
      accessKeyId: string;
      accessKeySecret: string;
      securityToken?: string;
      regionId: string | null;
    }
  | { kind: 'provider'; source: string; credential: Credential; regionId: string | null };

/** Where to look for credentials, in the order Alibaba Cloud's own tools use. */
export interface CredentialSearch {
  profileName?: string;
  env: NodeJS.ProcessEnv;
  /** The home folder holding .aliyun/config.json. */
  home: string;
  profiles?: AccessKeyProfile[];
  secretStore?: SecretStore;
  /** The API endpoint the call goes to (a normalized URL), null or absent for the default. */
  endpoint?: string | null;
}

interface AliyunCliProfile {
  name?: string;
  mode?: string;
  access_key_id?: string;
  access_key_secret?: string;
  sts_token?: string;
  region_id?: string;
}

/** Reads the aliyun CLI's configuration (~/.aliyun/config.json); undefined when there is none. */
export async function readAliyunCliConfig(
  home: string,
): Promise<{ current?: string; profiles: AliyunCliProfile[] } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(join(home, '.aliyun', 'config.json'), 'utf8'));
    return { current: parsed.current, profiles: Array.isArray(parsed.profiles) ? parsed.profiles : [] };
  } catch {
    return undefined;
  }
}

async function fromAppProfile(
  profile: AccessKeyProfile,
  store: SecretStore | undefined,
  endpoint: string | null,
): Promise<Result<ResolvedCredentials, RdsErrorCode>> {
  const secret = store ? await store.readSecret(profile.secretReference, endpoint) : undefined;
  if (!secret) {
    const where = endpoint ? `the API endpoint ${endpoint}` : 'the default API endpoint';
    return fail(
      'credentials_missing',
      `The secret of profile "${profile.name}" is not available for ${where} (the vault is locked, or the secret was saved for another endpoint); unlock the vault, or enter the AccessKey secret again for this endpoint.`,
    );
  }
  return ok({
    kind: 'access_key',
    source: `profile ${profile.name}`,
    accessKeyId: profile.accessKeyId,
    accessKeySecret: secret,
    regionId: profile.regionId,
  });
}

function fromCliProfile(profile: AliyunCliProfile): Result<ResolvedCredentials, RdsErrorCode> {
  const source = `aliyun CLI profile ${profile.name}`;
  const regionId = profile.region_id || null;
  if ((profile.mode === 'AK' || profile.mode === 'StsToken') && profile.access_key_id && profile.access_key_secret) {
    return ok({
      kind: 'access_key',
      source,
      accessKeyId: profile.access_key_id,
      accessKeySecret: profile.access_key_secret,
      ...(profile.mode === 'StsToken' && profile.sts_token ? { securityToken: profile.sts_token } : {}),
      regionId,
    });
  }
  const provider = CLIProfileCredentialsProvider.builder()
    .withProfileName(profile.name ?? '')
    .build();
  return ok({ kind: 'provider', source, credential: new Credential(null, provider), regionId });
}

/**
 * Finds credentials: with a profile name, the app's profiles and then the aliyun CLI's; without one,
 * ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET (+ SECURITY_TOKEN), then the aliyun CLI's current profile.
 */
export async function resolveCredentials(search: CredentialSearch): Promise<Result<ResolvedCredentials, RdsErrorCode>> {
  const cli = await readAliyunCliConfig(search.home);
  if (search.profileName) {
    const appProfile = search.profiles?.find((profile) => profile.name === search.profileName);
    if (appProfile) return fromAppProfile(appProfile, search.secretStore, search.endpoint ?? null);
    const cliProfile = cli?.profiles.find((profile) => profile.name === search.profileName);
    if (cliProfile) return fromCliProfile(cliProfile);
    const names = [
      ...(search.profiles ?? []).map((profile) => profile.name),
      ...(cli?.profiles ?? []).map((p) => p.name),
    ];
    return fail(
      'profile_not_found',
      `There is no profile "${search.profileName}"${names.length ? ` (known: ${names.join(', ')})` : ''}; add it in the app or with "aliyun configure --profile ${search.profileName}".`,
    );
  }
  const { ALIBABA_CLOUD_ACCESS_KEY_ID: id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret } = search.env;
  if (id && secret) {
    const token = search.env.ALIBABA_CLOUD_SECURITY_TOKEN;
    return ok({
      kind: 'access_key',
      source: 'environment',
      accessKeyId: id,
      accessKeySecret: secret,
      ...(token ? { securityToken: token } : {}),
      regionId: search.env.ALIBABA_CLOUD_REGION_ID || null,
    });
  }
  const current = cli?.profiles.find((profile) => profile.name === (cli.current || 'default'));
  if (current) return fromCliProfile(current);
  return fail(
    'credentials_missing',
    'No AccessKey found: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run "aliyun configure", or pass --profile NAME.',
  );
}
