import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { writeFileAtomic } from '../platform/atomic-write';
import type { Clock } from '../platform/clock';
import { parseApiEndpoint } from './api-endpoint';
import { type AccessKeyProfile, resolveCredentials, type SecretStore } from './credentials';
import { RdsClient } from './rds-client';

/** Where AccessKey profiles are kept (IDs and regions only; secrets live in the secret store). */
export interface ProfileStore {
  list(): Promise<AccessKeyProfile[]>;
  save(profiles: AccessKeyProfile[]): Promise<void>;
}

/** The secret store with writing, for adding profiles (the vault implements it). */
export interface WritableSecretStore extends SecretStore {
  /** Saves a secret for one API endpoint (null: the default), forgetting the reference's others; false when refused. */
  writeSecret(reference: string, secret: string, endpoint: string | null): Promise<boolean>;
}

/** A profile store in `<app home>/rds-profiles.json` (0600, written atomically); it never holds a secret. */
export function jsonProfileStore(appHome: string): ProfileStore {
  const path = join(appHome, 'rds-profiles.json');
  return {
    async list() {
      try {
        const parsed = JSON.parse(await readFile(path, 'utf8'));
        return Array.isArray(parsed.profiles) ? (parsed.profiles as AccessKeyProfile[]) : [];
      } catch {
        return [];
      }
    },
    async save(profiles) {
      await writeFileAtomic(path, `${JSON.stringify({ profiles }, null, 2)}\n`);
    },
  };
}

/** The ports of the account service. */
export interface RdsAccountPorts {
  profiles: ProfileStore;
  secrets: WritableSecretStore | null;
  env: NodeJS.ProcessEnv;
  home: string;
  clock?: Clock;
}

/** AccessKey profiles and the clients made from them: app profiles, the environment, the aliyun CLI's profiles. */
export class RdsAccounts {
  constructor(private readonly ports: RdsAccountPorts) {}

  /**
   * Adds or replaces a profile; the secret goes to the secret store, never to the profile file, bound to the API
   * endpoint it is saved for (none: the default endpoint).
   */
  async saveProfile(
    name: string,
    accessKeyId: string,
    accessKeySecret: string,
    regionId: string,
    endpointText?: string,
  ): Promise<Result<AccessKeyProfile, RdsErrorCode>> {
    const endpoint = endpointText ? parseApiEndpoint(endpointText) : null;
    if (endpoint && !endpoint.ok) return endpoint;
    if (!this.ports.secrets) {
      return fail(
        'credentials_missing',
        'The vault is locked or unavailable; unlock it before adding an AccessKey profile.',
      );
    }
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
      return fail('invalid_parameter', 'A profile name uses letters, digits, dot, dash or underscore (at most 64).');
    }
    const profile: AccessKeyProfile = { name, accessKeyId, regionId, secretReference: name };
    if (
      !(await this.ports.secrets.writeSecret(profile.secretReference, accessKeySecret, endpoint?.value.url ?? null))
    ) {
      return fail(
        'credentials_missing',
        'The vault refused the AccessKey secret; unlock the vault and add the profile again.',
      );
    }
    const others = (await this.ports.profiles.list()).filter((item) => item.name !== name);
    await this.ports.profiles.save([...others, profile]);
    return ok(profile);
  }

  /** The saved profiles (without secrets). */
  listProfiles(): Promise<AccessKeyProfile[]> {
    return this.ports.profiles.list();
  }

  /** A client for a profile (or the default sources), with an optional API endpoint override. */
  async client(
    options: { profile?: string; endpoint?: string; regionId?: string } = {},
  ): Promise<Result<RdsClient, RdsErrorCode>> {
    let endpoint = null;
    if (options.endpoint) {
      const parsed = parseApiEndpoint(options.endpoint);
      if (!parsed.ok) return parsed;
      endpoint = parsed.value;
    }
    const credentials = await resolveCredentials({
      ...(options.profile ? { profileName: options.profile } : {}),
      env: this.ports.env,
      home: this.ports.home,
      profiles: await this.ports.profiles.list(),
      ...(this.ports.secrets ? { secretStore: this.ports.secrets } : {}),
      endpoint: endpoint?.url ?? null,
    });
    if (!credentials.ok) return credentials;
    const regionId =
      options.regionId ?? credentials.value.regionId ?? this.ports.env.ALIBABA_CLOUD_REGION_ID ?? 'cn-hangzhou';
    return ok(
      new RdsClient({
        credentials: credentials.value,
        endpoint,
        regionId,
        ...(this.ports.clock ? { clock: this.ports.clock } : {}),
      }),
    );
  }
}
