import { appName } from '../platform/app-home';
import { ServerRegistry } from '../registry';
import { absentKeychain, keytarKeychain, Vault } from '../vault';
import { createCertsAdapter } from './certs-adapter';
import { type AppHandlers, createHandlers } from './create-handlers';
import { createEngineAdapter } from './engine-adapter';
import type { AppPorts, ChooseFile } from './ports';
import { createRdsPort } from './rds-ports';

/** What a composition root (the Electron shell or `rdspg serve`) decides. */
export interface ComposeOptions {
  mode: 'electron' | 'server';
  home: string;
  env: Record<string, string | undefined>;
  version: string;
  chooseFile?: ChooseFile | null;
  setLanguage?: AppPorts['setLanguage'];
}

/** The real ports: the vault and registry of the data folder, the connection engine, the certificate toolkit. */
export function createAppPorts(options: ComposeOptions): AppPorts {
  const keychain =
    options.env.RDSPG_KEYCHAIN === 'off' ? absentKeychain('RDSPG_KEYCHAIN=off') : keytarKeychain({ env: options.env });
  const vault = new Vault({ folder: options.home, keychain, service: appName });
  return {
    mode: options.mode,
    version: options.version,
    home: options.home,
    env: options.env,
    vault,
    registry: new ServerRegistry({ folder: options.home }),
    engine: createEngineAdapter(),
    certs: createCertsAdapter(options.home),
    chooseFile: options.chooseFile ?? null,
    setLanguage: options.setLanguage,
    rds: createRdsPort({ home: options.home, env: options.env, vault }),
  };
}

/** Builds the ports and the handler table, and unlocks the vault from the OS keychain when it is remembered. */
export async function composeApp(options: ComposeOptions): Promise<AppHandlers & { ports: AppPorts }> {
  const ports = createAppPorts(options);
  await ports.vault.unlockFromKeychain();
  return { ...createHandlers(ports), ports };
}
