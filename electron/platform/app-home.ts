import { join } from 'node:path';

/** The product name; also the folder name of the app's data and the OS keychain service. */
export const appName = 'RDS PG Connect';

/**
 * The app's data folder, shared by the desktop app, server mode and the CLI: RDSPG_HOME when set,
 * otherwise the folder Electron's `app.getPath('userData')` gives for this app's name on each platform.
 */
export function resolveAppHome(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.RDSPG_HOME) return env.RDSPG_HOME;
  // node:os only when HOME is unset: loading it costs a plain `rdspg check`, which starts here, ≈ 0.5 ms.
  const home = env.HOME || process.getBuiltinModule('node:os').homedir();
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appName);
}
