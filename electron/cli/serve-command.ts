import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeApp } from '../app/compose';
import { uploadFolder } from '../app/handlers/file-handlers';
import { cleanUploads } from '../app/upload-store';
import { resolveAppHome } from '../platform/app-home';
import { isLoopbackHost } from '../platform/loopback';
import { startAppServer } from '../server/app-server';
import { type CliCommand, type CliIo, writeFailure, writeJson, writeLine } from './command';
import { readServeOptions, serveUsage } from './serve-options';

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

/** `rdspg serve`: the desktop UI and its handlers for a browser, on loopback or over HTTPS (pgAdmin's server mode). */
export const serveCommand: CliCommand = {
  summary: 'serve the desktop UI to a browser on this machine (server mode)',
  usage: serveUsage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        port: { type: 'string', default: '0' },
        host: { type: 'string', default: '127.0.0.1' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    const options = await readServeOptions(values, io.env);
    if ('failure' in options) {
      writeFailure(io.stderr, options.failure);
      return options.status;
    }
    const staticRoot = rendererFolder(io.env);
    if (!existsSync(join(staticRoot, 'index.html'))) {
      writeFailure(io.stderr, {
        code: 'ui_not_built',
        message: `no built UI in ${staticRoot}; run "npm run build" first.`,
      });
      return 1;
    }
    if (!isLoopbackHost(options.host))
      writeLine(
        io.stderr,
        `warning: serving on ${options.host}, not loopback: anyone who can reach it and has the URL can use your saved servers.`,
      );
    const app = await composeApp({
      mode: 'server',
      home: resolveAppHome(io.env),
      env: io.env,
      version: io.env.RDSPG_VERSION ?? '0.1.0',
    });
    await cleanUploads(uploadFolder(app.ports.home), app.ports.registry);
    let running: Awaited<ReturnType<typeof startAppServer>>;
    try {
      running = await startAppServer({
        table: app.table,
        staticRoot,
        ...options,
        onSignOut: async () => {
          await app.sessions.closeAll();
          app.ports.vault.lock();
        },
        onSignInUrl: (url) =>
          values.json
            ? writeJson(io.stdout, { next: url })
            : writeLine(io.stdout, `A browser signed in; that URL no longer works. To sign in again, open:\n  ${url}`),
        logBug: (channel, error) =>
          writeLine(io.stderr, `[serve] bug in ${channel}: ${(error as Error)?.message ?? error}`),
      });
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      writeFailure(io.stderr, {
        code: 'listen_failed',
        message: `cannot listen on ${options.host}:${options.port} (${code}); choose another --port.`,
      });
      return 1;
    }
    if (values.json) writeJson(io.stdout, { url: running.url, origin: running.origin });
    else
      writeLine(
        io.stdout,
        `RDS PG Connect is serving on ${running.origin}\nOpen this URL (it signs you in once; keep it private):\n  ${running.url}\nPress Ctrl+C to stop.`,
      );
    await waitForSignal();
    await app.sessions.closeAll();
    await app.ports.rds.close();
    await running.close();
    return 0;
  },
};
