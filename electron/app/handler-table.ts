import type { z } from 'zod';
import { type ChannelName, type Contract, contract, isChannelName } from '../../shared/contract';
import type { ResponseOf } from '../../shared/contract/channel';
import { fail } from '../../shared/result';

/** Who calls: the desktop window, or one server-mode session (named by a digest of its secret, never the secret). */
export interface Caller {
  session: string;
}

/** The desktop app's only caller (IPC from its own window). */
export const desktopCaller: Caller = { session: 'desktop' };

/** The main-side implementation of one channel: a validated request in (and who sent it, the desktop if not said), a Result out. */
export type Handler<Name extends ChannelName> = (
  request: z.output<Contract[Name]['request']>,
  caller?: Caller,
) => Promise<ResponseOf<Contract[Name]>>;

/** The main-side implementation of the whole contract; served by the Electron IPC adapter and by server mode. */
export type HandlerTable = { [Name in ChannelName]: Handler<Name> };

/** Logs a bug without secrets: only the channel and the error's message and stack. */
export type BugLog = (channel: string, error: unknown) => void;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the request does not match the contract';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Validates a payload against the channel's request schema and runs its handler. Unknown channels and invalid
 * payloads answer `invalid_request`; a thrown error (a bug) answers `internal_error`, never a stack trace.
 */
export async function dispatch(
  table: HandlerTable,
  name: string,
  payload: unknown,
  logBug?: BugLog,
  caller: Caller = desktopCaller,
): Promise<unknown> {
  if (!isChannelName(name)) return fail('invalid_request', `there is no channel named "${name}".`);
  const parsed = contract[name].request.safeParse(payload ?? {});
  if (!parsed.success) return fail('invalid_request', `${firstIssue(parsed.error)} — correct the field and try again.`);
  try {
    const handler = table[name] as (request: unknown, caller: Caller) => Promise<unknown>;
    return await handler(parsed.data, caller);
  } catch (error) {
    logBug?.(name, error);
    return fail('internal_error', `the app hit a bug while handling ${name}; please report it.`);
  }
}
