import type { RdsErrorCode } from '../../shared/rds-errors';
import { fail, ok, type Result } from '../../shared/result';
import { isLoopbackHost } from '../platform/loopback';

/** Where the SDK sends its calls when the default regional endpoint is overridden. */
export interface ApiEndpoint {
  /** host[:port], as the SDK's `endpoint` setting takes it. */
  host: string;
  protocol: 'http' | 'https';
  url: string;
}

/** Parses an endpoint override: a URL, or a bare host meaning https. Plain http is accepted only on loopback. */
export function parseApiEndpoint(text: string): Result<ApiEndpoint, RdsErrorCode> {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fail(
      'invalid_endpoint',
      `"${text}" is not a URL; give the endpoint as a URL such as https://rds.aliyuncs.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return fail('invalid_endpoint', `"${text}" uses ${url.protocol}; the RDS API is reached over https.`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.username) {
    return fail('invalid_endpoint', `"${text}" has a path, query or user name; give only scheme, host and port.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail(
      'insecure_endpoint',
      `"${text}" would send signed requests in plain http to another machine; use https:// (http is only for loopback).`,
    );
  }
  return ok({
    host: url.host,
    protocol: url.protocol === 'http:' ? 'http' : 'https',
    url: `${url.protocol}//${url.host}`,
  });
}
