import { createHash, randomBytes } from 'node:crypto';
import * as openApi from '@alicloud/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RdsSandbox } from '../../../electron/sandbox/index';

type Query = Record<string, string>;
const OpenApiUtil = (openApi.OpenApiUtil ??
  (openApi as unknown as { default: { OpenApiUtil: typeof openApi.OpenApiUtil } }).default
    .OpenApiUtil) as typeof openApi.OpenApiUtil;

let sandbox: RdsSandbox;

beforeAll(async () => {
  sandbox = new RdsSandbox({ modifyDelayMs: 50 });
  await sandbox.start();
});
afterAll(() => sandbox.close());

/** Signs a request with the SDK's own ACS3 signer (OpenApiUtil.getAuthorization), as the SDK would. */
function signedHeaders(action: string, query: Query, accessKeyId: string, secret: string): Record<string, string> {
  const host = new URL(sandbox.endpoint).host;
  const headers: Record<string, string> = {
    host,
    'x-acs-version': '2014-08-15',
    'x-acs-action': action,
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomBytes(16).toString('hex'),
    'x-acs-content-sha256': createHash('sha256').update('').digest('hex'),
    accept: 'application/json',
  };
  const request = { method: 'POST', pathname: '/', query, headers } as unknown as Parameters<
    typeof OpenApiUtil.getAuthorization
  >[0];
  const payloadHash = headers['x-acs-content-sha256'] ?? '';
  headers.authorization = OpenApiUtil.getAuthorization(request, 'ACS3-HMAC-SHA256', payloadHash, accessKeyId, secret);
  return headers;
}

async function send(
  query: Query,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  const { host: _host, ...rest } = headers;
  const response = await fetch(`${sandbox.endpoint}/?${search}`, { method: 'POST', headers: rest });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('sandbox signature checks against the SDK signer', () => {
  const query = { DBInstanceId: 'pgm-bp1sandbox16pg' };

  it('accepts a request signed by the SDK signer with the right secret', async () => {
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    const answer = await send(query, signedHeaders('DescribeDBInstanceSSL', query, accessKeyId, accessKeySecret));
    expect(answer.status).toBe(200);
    expect(answer.body.SSLEnabled).toBe('off');
    expect(answer.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('answers SignatureDoesNotMatch for a wrong secret, with the realistic error body', async () => {
    const { accessKeyId } = sandbox.accessKey;
    const answer = await send(query, signedHeaders('DescribeDBInstanceSSL', query, accessKeyId, 'not-the-secret'));
    expect(answer.status).toBe(400);
    expect(answer.body.Code).toBe('SignatureDoesNotMatch');
    expect(Object.keys(answer.body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
    expect(String(answer.body.Recommend)).toContain(String(answer.body.RequestId));
  });

  it('answers InvalidAccessKeyId.NotFound (404) for an unknown key', async () => {
    const answer = await send(query, signedHeaders('DescribeDBInstanceSSL', query, 'LTAIunknownkey', 'whatever'));
    expect(answer.status).toBe(404);
    expect(answer.body.Code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('answers SignatureDoesNotMatch when a parameter is changed after signing', async () => {
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    const headers = signedHeaders('DescribeDBInstanceSSL', query, accessKeyId, accessKeySecret);
    const answer = await send({ DBInstanceId: 'pgm-bp1sandbox14rw' }, headers);
    expect(answer.status).toBe(400);
    expect(answer.body.Code).toBe('SignatureDoesNotMatch');
  });

  it('answers SignatureDoesNotMatch when the signed action header is changed', async () => {
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    const headers = signedHeaders('DescribeDBInstanceSSL', query, accessKeyId, accessKeySecret);
    const answer = await send(query, { ...headers, 'x-acs-action': 'ModifyDBInstanceSSL' });
    expect(answer.body.Code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a replayed nonce', async () => {
    const { accessKeyId, accessKeySecret } = sandbox.accessKey;
    const headers = signedHeaders('DescribeRegions', {}, accessKeyId, accessKeySecret);
    expect((await send({}, headers)).status).toBe(200);
    const replay = await send({}, headers);
    expect(replay.body.Code).toBe('SignatureNonceUsed');
  });

  it('refuses a request without an Authorization header', async () => {
    const response = await fetch(`${sandbox.endpoint}/`, {
      method: 'POST',
      headers: { 'x-acs-action': 'DescribeRegions' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { Code: string }).Code).toBe('IncompleteSignature');
  });
});
