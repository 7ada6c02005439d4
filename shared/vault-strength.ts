import { minimumMasterPasswordLength } from './vault-types';

/** How strong a master password looks: a score from 0 (very weak) to 4 (strong) and advice for people. */
export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'very weak' | 'weak' | 'fair' | 'good' | 'strong';
  acceptable: boolean;
  feedback: string[];
}

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
  const feedback: string[] = [];
  const length = [...password].length;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  const distinct = new Set(password).size;
  let points = length >= 20 ? 4 : length >= 14 ? 3 : length >= 10 ? 2 : length >= minimumMasterPasswordLength ? 1 : 0;
  if (classes >= 3) points += 1;
  if (length < minimumMasterPasswordLength) feedback.push(`Use at least ${minimumMasterPasswordLength} characters.`);
  if (common.some((word) => password.toLowerCase().includes(word))) {
    points -= 2;
    feedback.push('Avoid common words such as "password" or "postgres".');
  }
  if (hasSequence(password)) {
    points -= 1;
    feedback.push('Avoid runs like "1234" or "qwer".');
  }
  if (distinct <= Math.max(2, length / 4)) {
    points -= 2;
    feedback.push('Avoid repeating the same few characters.');
  }
  if (classes < 3 && length < 14) feedback.push('Make it longer, or mix upper and lower case, digits and symbols.');
  if (length < 14 && feedback.length === 0) feedback.push('A passphrase of four or more random words is stronger.');
  const score = Math.max(
    0,
    Math.min(4, length < minimumMasterPasswordLength ? 0 : points),
  ) as PasswordStrength['score'];
  return { score, label: labels[score], acceptable: length >= minimumMasterPasswordLength, feedback };
}
