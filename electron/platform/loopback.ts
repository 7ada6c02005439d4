import { isIP } from 'node:net';

/** True for names and addresses that stay on this machine: localhost, ::1 (bracketed or not) and 127.0.0.0/8. */
export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}
