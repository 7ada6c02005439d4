import { describe, expect, it } from 'vitest';
import { passwordStrength } from '../../../shared/vault-strength';

describe('master password strength', () => {
  it('rates short, common, repeated and sequential passwords low, with advice', () => {
    expect(passwordStrength('short')).toMatchObject({ score: 0, acceptable: false });
    expect(passwordStrength('short').feedback).toContain('Use at least 8 characters.');
    expect(passwordStrength('password123').score).toBeLessThanOrEqual(1);
    expect(passwordStrength('password123').feedback.join(' ')).toMatch(/common words/);
    expect(passwordStrength('aaaaaaaaaaaa').score).toBe(0);
    expect(passwordStrength('abcd1234efgh').feedback.join(' ')).toMatch(/runs like/);
  });

  it('rates long and varied passwords higher', () => {
    const weak = passwordStrength('tulipsun');
    const fair = passwordStrength('Tulip-Sun-7');
    const strong = passwordStrength('correct Horse battery staple 42!');
    expect(weak.acceptable).toBe(true);
    expect(fair.score).toBeGreaterThan(weak.score);
    expect(strong.score).toBe(4);
    expect(strong.label).toBe('strong');
  });
});
