import { createCertsAdapter } from '../../../electron/app/certs-adapter';
import { createEngineAdapter } from '../../../electron/app/engine-adapter';
import type { AppPorts } from '../../../electron/app/ports';
import { createRdsPort } from '../../../electron/app/rds-ports';
import { ServerRegistry } from '../../../electron/registry';
import { absentKeychain, Vault } from '../../../electron/vault';

/** The real ports on a temporary data folder; a cheaper scrypt cost than shipped, so that tests stay fast. */
export function testPorts(home: string): AppPorts {
  const env = { HOME: home, PATH: process.env.PATH };
  const vault = new Vault({ folder: home, keychain: absentKeychain('tests'), kdfCost: { N: 2 ** 12, r: 8, p: 1 } });
  return {
    mode: 'server',
    version: 'test',
    home,
    env,
    vault,
    registry: new ServerRegistry({ folder: home }),
    engine: createEngineAdapter(),
    certs: createCertsAdapter(home),
    chooseFile: null,
    rds: createRdsPort({ home, env, vault }),
  };
}
