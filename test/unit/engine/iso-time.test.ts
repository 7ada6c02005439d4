import { describe, expect, it } from 'vitest';
import { isoTime } from '../../../electron/engine/check';

/** A time as OpenSSL prints a certificate's validity (X509Certificate's validFrom / validTo). */
function opensslTime(date: Date): string {
  const month = date.toUTCString().slice(8, 11);
  const day = String(date.getUTCDate()).padStart(2, ' ');
  const time = date.toISOString().slice(11, 19);
  return `${month} ${day} ${time} ${date.getUTCFullYear()} GMT`;
}

describe('a certificate time in the check report', () => {
  it('is written as toISOString writes the same time, for times across the range certificates use', () => {
    const times = [
      Date.UTC(2026, 11, 1, 7, 20, 46),
      Date.UTC(2027, 0, 9, 0, 0, 0),
      Date.UTC(1970, 0, 1, 0, 0, 0),
      Date.UTC(2049, 11, 31, 23, 59, 59),
      Date.UTC(2050, 1, 28, 12, 5, 9),
      Date.UTC(9999, 11, 31, 23, 59, 59),
    ];
    for (let step = 0; step < 200; step += 1) times.push(Date.UTC(1990, 0, 1) + step * 7_919_993_117);
    for (const time of times) {
      const text = opensslTime(new Date(time));
      expect(isoTime(text)).toBe(new Date(text).toISOString());
    }
  });

  it('keeps the milliseconds and the four-digit year toISOString would give', () => {
    expect(isoTime('2026-12-01T07:20:46.123Z')).toBe('2026-12-01T07:20:46.123Z');
    expect(isoTime('0999-03-04T05:06:07.000Z')).toBe('0999-03-04T05:06:07.000Z');
  });
});
