import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// The engine's file reads give the same answers, and fail the same ways, whether a process reads at once (the plain
// check) or through libuv's pool (the app, server mode).
type FileReads = typeof import('../../../electron/engine/file-reads');

const folder = mkdtempSync(join(tmpdir(), 'rdspg-file-reads-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, 'root.crt'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
writeFileSync(join(folder, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
writeFileSync(join(folder, 'empty'), '');
mkdirSync(join(folder, 'crl-dir'));
writeFileSync(join(folder, 'crl-dir', 'a1b2c3d4.r0'), 'crl');

const paths = ['root.crt', 'latin1.txt', 'empty', 'crl-dir', 'missing.crt', 'root.crt/inside', ''].map((name) =>
  name === '' ? '' : join(folder, name),
);

async function outcome(read: () => Promise<unknown>) {
  try {
    const value = await read();
    if (Buffer.isBuffer(value)) return { bytes: value.toString('hex') };
    if (value && typeof value === 'object' && 'isFile' in value) {
      const info = value as unknown as { isFile(): boolean; size: number };
      return { file: info.isFile(), size: info.size };
    }
    return { value };
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code, syscall: (error as NodeJS.ErrnoException).syscall };
  }
}

async function answers(reads: FileReads) {
  const all = [];
  for (const path of paths) {
    all.push({
      path,
      bytes: await outcome(() => reads.readFile(path)),
      text: await outcome(() => reads.readFile(path, 'latin1')),
      utf8: await outcome(() => reads.readFile(path, 'utf8')),
      stat: await outcome(() => reads.stat(path)),
      names: await outcome(() => reads.readdir(path)),
      present: await outcome(() => reads.readFileIfPresent(path)),
    });
  }
  return all;
}

async function freshReads(): Promise<FileReads> {
  vi.resetModules();
  return await import('../../../electron/engine/file-reads');
}

describe('the engine reading its files at once (readFilesSynchronously)', () => {
  it('gives the answers and errors of the reads through the pool, for files, folders, missing and odd paths', async () => {
    const throughPool = await answers(await freshReads());
    const atOnce = await freshReads();
    atOnce.readFilesSynchronously();
    const synchronous = await answers(atOnce);
    expect(synchronous).toEqual(throughPool);
    // The cases above are the ones a connection meets: a file, a folder, nothing there, a path through a file.
    expect(throughPool.map((one) => one.present)).toEqual([
      { bytes: Buffer.from('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n').toString('hex') },
      { bytes: '636166e9' },
      { bytes: '' },
      { value: null },
      { value: null },
      { value: null },
      { value: null },
    ]);
    expect(throughPool[4]!.bytes).toEqual({ code: 'ENOENT', syscall: 'open' });
    expect(throughPool[3]!.names).toEqual({ value: ['a1b2c3d4.r0'] });
  });

  it('fails a read as a rejected promise, never as a throw (callers await it)', async () => {
    const reads = await freshReads();
    reads.readFilesSynchronously();
    const pending = reads.readFile(join(folder, 'missing.crt'));
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
