import { minimumMasterPasswordLength } from './vault-types';

/** How strong a master password looks: a score from 0 (very weak) to 4 (strong) and advice for people. */
export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'very weak' | 'weak' | 'fair' | 'good' | 'strong';
  /** Long enough and not "very weak": the one rule of the first run, Change, Reset and `rdspg vault`. */
  acceptable: boolean;
  /** What to improve, as codes for translated UI text. */
  advice: StrengthAdvice[];
  /** The same advice in English (CLI and error messages). */
  feedback: string[];
}

/** One piece of advice on a master password. */
export type StrengthAdvice = 'too-short' | 'common-word' | 'run' | 'repeats' | 'mix' | 'passphrase';

const adviceText: Record<StrengthAdvice, string> = {
  'too-short': `Use at least ${minimumMasterPasswordLength} characters.`,
  'common-word': 'Avoid common words such as "password" or "postgres".',
  run: 'Avoid runs like "1234" or "qwer".',
  repeats: 'Avoid repeating the same few characters.',
  mix: 'Make it longer, or mix upper and lower case, digits and symbols.',
  passphrase: 'A passphrase of four or more random words is stronger.',
};

const labels = ['very weak', 'weak', 'fair', 'good', 'strong'] as const;
const common = [
  'password',
  'passw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'admin',
  'postgres',
  'iloveyou',
  'monkey',
  'dragon',
  'master',
  'secret',
  'abc123',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'trustno1',
  'changeme',
];
const sequences = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function hasSequence(text: string): boolean {
  const lower = text.toLowerCase();
  for (let index = 0; index + 4 <= lower.length; index++) {
    const piece = lower.slice(index, index + 4);
    if (sequences.some((run) => run.includes(piece) || [...run].reverse().join('').includes(piece))) return true;
  }
  return false;
}

/** Estimates the strength of a master password (length, variety, common words, runs); pure, for UI and CLI. */
export function passwordStrength(password: string): PasswordStrength {
  const advice: StrengthAdvice[] = [];
  const length = [...password].length;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const distinct = new Set(password).size;
  let points = length >= 20 ? 4 : length >= 14 ? 3 : length >= 10 ? 2 : length >= minimumMasterPasswordLength ? 1 : 0;
  if (classes >= 3) points += 1;
  if (length < minimumMasterPasswordLength) advice.push('too-short');
  if (common.some((word) => password.toLowerCase().includes(word))) {
    points -= 2;
    advice.push('common-word');
  }
  if (hasSequence(password)) {
    points -= 1;
    advice.push('run');
  }
  if (distinct <= Math.max(2, length / 4)) {
    points -= 2;
    advice.push('repeats');
  }
  if (classes < 3 && length < 14) advice.push('mix');
  if (length < 14 && advice.length === 0) advice.push('passphrase');
  const score = Math.max(
    0,
    Math.min(4, length < minimumMasterPasswordLength ? 0 : points),
  ) as PasswordStrength['score'];
  return {
    score,
    label: labels[score],
    acceptable: length >= minimumMasterPasswordLength && score >= 1,
    advice,
    feedback: advice.map((code) => adviceText[code]),
  };
}
