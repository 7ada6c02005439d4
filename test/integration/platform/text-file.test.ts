import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/platform/atomic-write';
import { readText, writeText } from '../../../electron/platform/text-file';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-text-file-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Characters of one to four UTF-8 bytes, so that the 64 KB buffer fills in the middle of every kind.
const mixed = (length: number) => {
  const alphabet = ['a', 'é', '数', '😀', '\n', '"'];
  return Array.from({ length }, (_, index) => alphabet[(index * 7 + (index >> 3)) % alphabet.length]).join('');
};

describe('writeText', () => {
  it('writes exactly the bytes Buffer.from gives, across many buffer fills and piece boundaries', async () => {
    const pieces = [mixed(70_000), '', mixed(3), mixed(150_001), '😀', mixed(65_536)];
    const path = join(folder, 'pieces.txt');
    const handle = await open(path, 'w');
    try {
      await writeText(handle, pieces);
    } finally {
      await handle.close();
    }
    const written = await readFile(path);
    const expected = Buffer.from(pieces.join(''), 'utf8');
    expect(written.length).toBe(expected.length);
    expect(written.equals(expected)).toBe(true);
  });

  it('an empty text makes an empty file', async () => {
    const path = join(folder, 'empty.txt');
    await writeFileAtomic(path, []);
    expect((await readFile(path)).length).toBe(0);
    await writeFileAtomic(path, '');
    expect((await readFile(path)).length).toBe(0);
  });

  it('writeFileAtomic takes a string, pieces or bytes, and the file holds the same text for each', async () => {
    const text = mixed(200_000);
    const path = join(folder, 'forms.txt');
    for (const data of [text, [text.slice(0, 99_999), text.slice(99_999)], Buffer.from(text)]) {
      await writeFileAtomic(path, data);
      expect(await readFile(path, 'utf8')).toBe(text);
    }
  });
});

describe('readText', () => {
  it("gives what readFile(path, 'utf8') gives: a byte-order mark kept, bad bytes as U+FFFD, characters cut by the buffer whole", async () => {
    const cases = {
      bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]),
      bad: Buffer.from([0x7b, 0xff, 0xc3, 0x28, 0x7d, 0xe6, 0x95]),
      // A four-byte character straddles the 65,536-byte boundary: 65,535 bytes of 'a' first.
      straddling: Buffer.concat([Buffer.alloc(65_535, 0x61), Buffer.from('😀数'), Buffer.from(mixed(100_000))]),
      empty: Buffer.alloc(0),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const path = join(folder, `${name}.bin`);
      await writeFile(path, bytes);
      expect(await readText(path), name).toBe(await readFile(path, 'utf8'));
    }
  });

  it('a missing file fails as readFile does (ENOENT), a folder as EISDIR', async () => {
    await expect(readText(join(folder, 'none.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readText(folder)).rejects.toMatchObject({ code: 'EISDIR' });
  });
});
