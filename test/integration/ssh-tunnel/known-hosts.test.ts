import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostKeyFingerprint, verifyHostKey } from '../../../electron/ssh-tunnel/known-hosts';

// known_hosts as OpenSSH writes it: keys made and lines hashed by ssh-keygen itself.
const run = promisify(execFile);
let folder: string;
let key: Buffer;
let line: string;
let fingerprint: string;
let other: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-known-hosts-'));
  for (const name of ['host', 'other'])
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(folder, name)]);
  line = (await readFile(join(folder, 'host.pub'), 'utf8')).split(' ').slice(0, 2).join(' ');
  other = (await readFile(join(folder, 'other.pub'), 'utf8')).split(' ').slice(0, 2).join(' ');
  key = Buffer.from(line.split(' ')[1] ?? '', 'base64');
  fingerprint =
    (await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(folder, 'host.pub')])).stdout.split(' ')[1] ?? '';
});

async function verdict(text: string, host: string, port: number) {
  const file = join(folder, `known_hosts_${Math.random().toString(36).slice(2)}`);
  await writeFile(file, text);
  return (await verifyHostKey({ app: file, user: null }, host, port, key)).status;
}

describe('known_hosts lines as OpenSSH reads them', () => {
  it('computes the SHA256 fingerprint ssh-keygen prints', () => {
    expect(hostKeyFingerprint(key)).toBe(fingerprint);
  });

  it('matches [host]:port for other ports, plain names on 22, patterns and negations', async () => {
    expect(await verdict(`[jump.example.com]:2222 ${line}\n`, 'jump.example.com', 2222)).toBe('known');
    expect(await verdict(`[jump.example.com]:2222 ${line}\n`, 'jump.example.com', 22)).toBe('unknown');
    expect(await verdict(`jump.example.com,10.0.0.5 ${line}\n`, '10.0.0.5', 22)).toBe('known');
    expect(await verdict(`*.example.com,!bad.example.com ${line}\n`, 'JUMP.example.com', 22)).toBe('known');
    expect(await verdict(`*.example.com,!bad.example.com ${line}\n`, 'bad.example.com', 22)).toBe('unknown');
    expect(await verdict(`# comment\n\n@cert-authority *.example.com ${line}\n`, 'a.example.com', 22)).toBe('unknown');
    expect(await verdict(`jump.example.com ${other}\n`, 'jump.example.com', 22)).toBe('changed');
    expect(await verdict(`@revoked * ${line}\njump.example.com ${line}\n`, 'jump.example.com', 22)).toBe('revoked');
  });

  it('matches lines hashed by ssh-keygen -H', async () => {
    const file = join(folder, 'hashed');
    await writeFile(file, `[jump.example.com]:2222 ${line}\n10.0.0.5 ${other}\n`);
    await run('ssh-keygen', ['-H', '-f', file]);
    const hashed = await readFile(file, 'utf8');
    expect(hashed).not.toContain('jump.example.com');
    expect((await verifyHostKey({ app: file, user: null }, 'jump.example.com', 2222, key)).status).toBe('known');
    expect((await verifyHostKey({ app: file, user: null }, '10.0.0.5', 22, key)).status).toBe('changed');
    expect((await verifyHostKey({ app: file, user: null }, 'other.example.com', 22, key)).status).toBe('unknown');
  });
});
