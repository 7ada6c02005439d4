import { parseArgs } from 'node:util';
import { isLoopbackAddress, type StartedSandbox, startSandbox } from '../sandbox/index';
import { type CliCommand, type CliIo, usageFailure, writeFailure, writeJson, writeLine } from './command';

const usage =
  'rdspg sandbox [--port N] [--postgres] [--json] [--modify-start-delay MS] [--modify-delay MS] [--latency MS] [--throttle-every N] [--fail-every N] [--client-address IP] [--fresh]';

function whole(text: string | undefined, name: string): number | undefined | Error {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : new Error(`${name} takes a whole number`);
}

/** Waits for SIGINT or SIGTERM (or the test's stop signal), then stops the sandbox. */
function serveUntilStopped(started: StartedSandbox, stop?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      process.removeListener('SIGINT', finish);
      process.removeListener('SIGTERM', finish);
      started.stop().then(resolve, resolve);
    };
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
    stop?.addEventListener('abort', finish, { once: true });
  });
}

/** Runs the sandbox command; `stop` lets in-process callers end it (the CLI ends on SIGINT/SIGTERM). */
export async function runSandbox(args: string[], io: CliIo, stop?: AbortSignal): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      postgres: { type: 'boolean' },
      json: { type: 'boolean' },
      'modify-start-delay': { type: 'string' },
      'modify-delay': { type: 'string' },
      latency: { type: 'string' },
      'throttle-every': { type: 'string' },
      'fail-every': { type: 'string' },
      'client-address': { type: 'string' },
      fresh: { type: 'boolean' },
    },
  });
  const numbers = {
    port: whole(values.port, '--port'),
    modifyStartDelayMs: whole(values['modify-start-delay'], '--modify-start-delay'),
    modifyDelayMs: whole(values['modify-delay'], '--modify-delay'),
    latencyMs: whole(values.latency, '--latency'),
    throttleEveryNth: whole(values['throttle-every'], '--throttle-every'),
    serverErrorEveryNth: whole(values['fail-every'], '--fail-every'),
  };
  for (const value of Object.values(numbers)) {
    if (value instanceof Error) {
      writeFailure(io.stderr, usageFailure(usage, value.message));
      return 2;
    }
  }
  const clientAddress = values['client-address'];
  if (clientAddress !== undefined && !isLoopbackAddress(clientAddress)) {
    const message = `--client-address takes an IPv4 address in 127.0.0.0/8 (for example 127.0.0.2), not "${clientAddress}": PostgreSQL must see it as the client's address`;
    writeFailure(io.stderr, usageFailure(usage, message));
    return 2;
  }
  const number = (value: number | undefined | Error) => (typeof value === 'number' ? value : undefined);
  let started: StartedSandbox;
  try {
    started = await startSandbox({
      ...(number(numbers.port) !== undefined ? { port: number(numbers.port) } : {}),
      modifyStartDelayMs: number(numbers.modifyStartDelayMs),
      modifyDelayMs: number(numbers.modifyDelayMs),
      postgres: Boolean(values.postgres),
      ...(clientAddress ? { clientAddress } : {}),
      fresh: Boolean(values.fresh),
      faults: {
        latencyMs: number(numbers.latencyMs),
        throttleEveryNth: number(numbers.throttleEveryNth),
        serverErrorEveryNth: number(numbers.serverErrorEveryNth),
      },
    });
  } catch (error) {
    const detail = String((error as Error).message ?? error);
    const code = /EADDRINUSE/.test(detail) ? 'port_in_use' : 'sandbox_failed';
    const next = code === 'port_in_use' ? 'choose another --port or omit it' : 'see the detail above';
    writeFailure(io.stderr, { code, message: `the sandbox could not start (${detail}); ${next}.` });
    return 1;
  }
  writeJson(io.stdout, started.info);
  if (!values.json) {
    writeLine(io.stderr, `RDS sandbox listening on ${started.info.endpoint}; stop it with Ctrl-C. Try:`);
    writeLine(
      io.stderr,
      `  export ALIBABA_CLOUD_ACCESS_KEY_ID=${started.info.accessKeyId} ALIBABA_CLOUD_ACCESS_KEY_SECRET=…`,
    );
    writeLine(io.stderr, `  rdspg rds instances --endpoint ${started.info.endpoint}`);
  }
  await serveUntilStopped(started, stop);
  return 0;
}

/** `rdspg sandbox`: a local RDS service that speaks the real API, for the demo, the tests and offline use. */
export const sandboxCommand: CliCommand = {
  summary: 'run a local RDS service (OpenAPI + CA download) for trying the app without an account',
  usage,
  run: (args, io) => runSandbox(args, io),
};
