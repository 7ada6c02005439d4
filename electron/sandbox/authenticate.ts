import { ServiceErrorSignal } from './service-errors';
import {
  expectedSignature,
  parseAuthorization,
  requiredSignedHeaders,
  type SignedRequest,
  sha256Hex,
  signaturesMatch,
} from './signature';

/** An AccessKey the sandbox accepts; `allowedActions` simulates a RAM policy (all actions when omitted). */
export interface SandboxAccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  allowedActions?: string[];
}

const maxClockSkewMs = 15 * 60 * 1000;

/** Checks an API request like the gateway does; returns the action and the caller, or throws a service error. */
export function authenticate(
  request: SignedRequest,
  keys: Map<string, SandboxAccessKey>,
  usedNonces: Set<string>,
  nowMs: number,
): { action: string; key: SandboxAccessKey } {
  const header = request.headers.authorization;
  const authorization = parseAuthorization(typeof header === 'string' ? header : undefined);
  if (!authorization) throw new ServiceErrorSignal('IncompleteSignature', 'The Authorization header is missing.');
  if (authorization.algorithm !== 'ACS3-HMAC-SHA256') {
    throw new ServiceErrorSignal('IncompleteSignature', `Unsupported algorithm ${authorization.algorithm}.`);
  }
  const action = String(request.headers['x-acs-action'] ?? '');
  if (!action) throw new ServiceErrorSignal('MissingParameter', 'x-acs-action');
  const key = keys.get(authorization.accessKeyId);
  if (!key) throw new ServiceErrorSignal('InvalidAccessKeyId.NotFound');
  for (const name of requiredSignedHeaders) {
    if (!authorization.signedHeaders.includes(name) || request.headers[name] === undefined) {
      throw new ServiceErrorSignal('IncompleteSignature', `The header ${name} must be present and signed.`);
    }
  }
  const payloadHash = sha256Hex(request.body);
  const expected = expectedSignature(request, authorization.signedHeaders, key.accessKeySecret);
  if (
    request.headers['x-acs-content-sha256'] !== payloadHash ||
    !signaturesMatch(expected.signature, authorization.signature)
  ) {
    throw new ServiceErrorSignal('SignatureDoesNotMatch', expected.stringToSign.replace('\n', ' '));
  }
  const date = Date.parse(String(request.headers['x-acs-date']));
  if (!Number.isFinite(date) || Math.abs(nowMs - date) > maxClockSkewMs) {
    throw new ServiceErrorSignal('InvalidTimeStamp.Expired');
  }
  const nonce = request.headers['x-acs-signature-nonce'];
  if (typeof nonce === 'string') {
    if (usedNonces.has(nonce)) throw new ServiceErrorSignal('SignatureNonceUsed');
    usedNonces.add(nonce);
    if (usedNonces.size > 100_000) usedNonces.clear();
  }
  if (key.securityToken && request.headers['x-acs-security-token'] !== key.securityToken) {
    throw new ServiceErrorSignal('InvalidSecurityToken.Expired');
  }
  if (key.allowedActions && !key.allowedActions.includes(action)) {
    throw new ServiceErrorSignal('Forbidden.RAM', undefined, {
      AccessDeniedDetail: {
        AuthAction: `rds:${action}`,
        AuthPrincipalType: 'SubUser',
        AuthPrincipalDisplayName: 'sandbox-readonly',
        NoPermissionType: 'ImplicitDeny',
        PolicyType: 'AccountLevelIdentityBasedPolicy',
      },
    });
  }
  return { action, key };
}
