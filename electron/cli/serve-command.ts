import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeApp } from '../app/compose';
import { resolveAppHome } from '../platform/app-home';
import { startAppServer } from '../server/app-server';
import { isLoopbackHost } from '../server/security';
import { type CliCommand, type CliIo, usageFailure, writeFailure, writeJson, writeLine } from './command';

const usage = 'rdspg serve [--port N] [--host 127.0.0.1] [--json]';

/** Where the built UI is: RDSPG_RENDERER_DIR, or the dist/renderer above this module (bundled or not). */
export function rendererFolder(env: CliIo['env']): string {
  if (env.RDSPG_RENDERER_DIR) return resolve(env.RDSPG_RENDERER_DIR);
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = basename(folder) === 'dist' ? join(folder, 'renderer') : join(folder, 'dist', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const parent = dirname(folder);
    if (parent === folder) return resolve('dist/renderer');
    folder = parent;
  }
}

function waitForSignal(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `rdspg serve`: the desktop UI and its handlers over HTTP on loopback, for a browser (pgAdmin's server mode). */
export const serveCommand: CliCommand = {
  summary: 'serve the desktop UI to a browser on this machine (server mode)',
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        json: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      writeFailure(io.stderr, usageFailure(usage, `--port must be 0 to 65535, not "${values.port}"`));
      return 2;
    }
    const staticRoot = rendererFolder(io.env);
    if (!existsSync(join(staticRoot, 'index.html'))) {
      writeFailure(io.stderr, {
        code: 'ui_not_built',
        message: `no built UI in ${staticRoot}; run "npm run build" first.`,
      });
      return 1;
    }
    if (!isLoopbackHost(values.host))
      writeLine(
        io.stderr,
        `warning: serving on ${values.host}, not loopback: anyone who can reach it and has the URL can use your saved servers.`,
      );
    const app = await composeApp({
      mode: 'server',
      home: resolveAppHome(io.env),
      env: io.env,
      version: io.env.RDSPG_VERSION ?? '0.1.0',
    });
    let running: Awaited<ReturnType<typeof startAppServer>>;
    try {
      running = await startAppServer({
        table: app.table,
        staticRoot,
        host: values.host,
        port,
        logBug: (channel, error) =>
          writeLine(io.stderr, `[serve] bug in ${channel}: ${(error as Error)?.message ?? error}`),
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      writeFailure(io.stderr, {
        code: 'listen_failed',
        message: `cannot listen on ${values.host}:${port} (${code}); choose another --port.`,
      });
      return 1;
    }
    if (values.json) writeJson(io.stdout, { url: running.url, origin: running.origin });
    else
      writeLine(
        io.stdout,
        `RDS PG Connect is serving on ${running.origin}\nOpen this URL (it signs you in; keep it private):\n  ${running.url}\nPress Ctrl+C to stop.`,
      );
    await waitForSignal();
    await app.sessions.closeAll();
    await app.ports.rds.close();
    await running.close();
    return 0;
  },
};
