import { passwordStrength, type StrengthAdvice } from '../../shared/vault-strength';
import { minimumMasterPasswordLength } from '../../shared/vault-types';
import { type MessageKey, t } from '../i18n';

const adviceKeys: Record<StrengthAdvice, MessageKey> = {
  'too-short': 'vault.tooShort',
  'common-word': 'strength.commonWord',
  run: 'strength.run',
  repeats: 'strength.repeats',
  mix: 'strength.mix',
  passphrase: 'strength.passphrase',
};

/** One piece of strength advice in the UI language. */
export const adviceText = (code: StrengthAdvice) => t(adviceKeys[code], { count: minimumMasterPasswordLength });

/** The shared new-master-password rule (shared/vault-strength, as the main process applies it), in the UI language. */
export function masterPasswordProblem(password: string): string | undefined {
  if (!password) return undefined;
  const strength = passwordStrength(password);
  if (strength.acceptable) return undefined;
  if (strength.advice.includes('too-short')) return adviceText('too-short');
  return t('strength.tooWeak', { advice: strength.advice.map(adviceText).join(' ') });
}
