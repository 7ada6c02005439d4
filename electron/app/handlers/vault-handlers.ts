import { fail, ok } from '../../../shared/result';
import { resetConfirmationWord } from '../../../shared/vault-types';
import type { HandlerTable } from '../handler-table';
import type { AppPorts } from '../ports';

type VaultHandlers = Pick<
  HandlerTable,
  | 'vault:status'
  | 'vault:setup'
  | 'vault:unlock'
  | 'vault:lock'
  | 'vault:change'
  | 'vault:reset'
  | 'vault:remember'
  | 'vault:restore'
>;

/** The master-password channels; locking also closes every open connection. A reset needs the typed word. */
export function createVaultHandlers(ports: AppPorts, onLock: () => Promise<void>): VaultHandlers {
  const { vault } = ports;
  return {
    'vault:status': async () => ok(await vault.status()),
    'vault:setup': ({ password, remember }) => vault.initialize(password, remember),
    'vault:unlock': ({ password, remember }) => vault.unlock(password, remember),
    'vault:lock': async () => {
      await onLock();
      vault.lock();
      return ok(await vault.status());
    },
    'vault:change': ({ current, next }) => vault.change(current, next),
    'vault:reset': async ({ password, confirmation, remember }) => {
      if (confirmation.trim() !== resetConfirmationWord) {
        return fail(
          'reset_not_confirmed',
          `Nothing was changed; type ${resetConfirmationWord} to confirm that every saved secret is deleted.`,
        );
      }
      await onLock();
      return vault.reset(password, remember);
    },
    'vault:remember': ({ remember }) => vault.remember(remember),
    'vault:restore': () => vault.restore(),
  };
}
