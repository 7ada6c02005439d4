import { minimumMasterPasswordLength } from '../../shared/vault-types';
import { t } from '../i18n';

/** The new-master-password rule of the contract (newMasterPassword), without loading zod into the first screen. */
export function masterPasswordProblem(password: string): string | undefined {
  return password && password.length < minimumMasterPasswordLength
    ? t('vault.tooShort', { count: minimumMasterPasswordLength })
    : undefined;
}
