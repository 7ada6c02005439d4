import { minimumMasterPasswordLength } from '../../shared/vault-types';

/** The new-master-password rule of the contract (newMasterPassword), without loading zod into the first screen. */
export function masterPasswordProblem(password: string): string | undefined {
  return password && password.length < minimumMasterPasswordLength
    ? `Use at least ${minimumMasterPasswordLength} characters.`
    : undefined;
}
