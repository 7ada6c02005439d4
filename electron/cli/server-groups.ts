import { defaultGroup } from '../../shared/server-groups';
import type { ServerRegistry } from '../registry';
import { type CliIo, usageFailure, writeFailure, writeJson, writeLine } from './command';

/** The usage of `rdspg servers group …`. */
export const groupUsage = 'rdspg servers group add NAME | rename NAME NEW | remove NAME [--json]';

/** `rdspg servers group add|rename|remove`: the same registry operations as Register > Server Group… and the tree. */
export async function groupCommand(
  registry: ServerRegistry,
  io: CliIo,
  json: boolean,
  [action, name, next, ...extra]: string[],
): Promise<number> {
  const arity = action === 'rename' ? 2 : 1;
  const given = [name, next].filter((value) => value !== undefined).length;
  let problem: string | null = null;
  if (!action) problem = 'missing the group action';
  else if (!['add', 'rename', 'remove'].includes(action)) problem = `unknown group action "${action}"`;
  else if (given < arity) problem = given === 1 ? 'missing NEW' : 'missing NAME';
  else if (given > arity || extra.length) problem = 'too many arguments';
  const answer = problem
    ? ({ ok: false, error: usageFailure(groupUsage, problem) } as const)
    : action === 'add'
      ? await registry.createGroup(name!)
      : action === 'rename'
        ? await registry.renameGroup(name!, next!)
        : await registry.removeGroup(name!);
  if (!answer.ok) {
    if (json) writeJson(io.stdout, { ok: false, error: answer.error });
    writeFailure(io.stderr, answer.error);
    return answer.error.code === 'usage' ? 2 : 1;
  }
  if (json) writeJson(io.stdout, { ok: true, value: answer.value });
  else if (typeof answer.value === 'object')
    writeLine(io.stdout, `Removed group "${name}"; ${answer.value.moved} server(s) moved to "${defaultGroup}".`);
  else writeLine(io.stdout, action === 'add' ? `Added group "${answer.value}".` : `Renamed to "${answer.value}".`);
  return 0;
}
