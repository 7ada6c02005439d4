// requireWithCompileCache (electron/cli/compile-cache.ts) runs a CommonJS file as `require` would: a plain file is put
// in Node's function wrapper, and a file that comes in it already (the built dist/cli/check.cjs) runs as it is.
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWhole, requireWithCompileCache } from '../../../electron/cli/compile-cache';

let folder: string;
const runs = globalThis as { compileCacheRuns?: string[] };

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-compile-cache-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('requireWithCompileCache', () => {
  it('runs a plain CommonJS file and one already in the function wrapper, each exactly once, with require and __dirname', async () => {
    runs.compileCacheRuns = [];
    const body = (name: string) =>
      `globalThis.compileCacheRuns.push(${JSON.stringify(name)} + ':' + typeof require('node:path').join + ':' + (__dirname === ${JSON.stringify(folder)}));`;
    const plain = join(folder, 'plain.cjs');
    const wrapped = join(folder, 'wrapped.cjs');
    await writeFile(plain, body('plain'));
    await writeFile(wrapped, Module.wrap(body('wrapped')));
    requireWithCompileCache(plain, join(folder, 'cache'), Module);
    // Wrapped a second time, its module function would be made and never called.
    requireWithCompileCache(wrapped, join(folder, 'cache'), Module);
    expect(runs.compileCacheRuns).toEqual(['plain:function:true', 'wrapped:function:true']);
  });
});

describe('readWhole', () => {
  it('reads a whole file into the memory it is given when it fits, else into new memory, with its size and inode', async () => {
    const small = join(folder, 'small.bin');
    const large = join(folder, 'large.bin');
    await writeFile(small, Buffer.alloc(3_000, 1));
    await writeFile(large, Buffer.alloc(70_000, 2));
    const first = readWhole(large);
    expect(first.bytes.equals(Buffer.alloc(70_000, 2))).toBe(true);
    expect(first.info.size).toBe(70_000);
    expect(first.info.ino).toBe((await stat(large)).ino);
    // The check file, then its cache, in the same memory: the second read overwrites the first one's bytes.
    const second = readWhole(small, first.memory);
    expect(second.bytes.equals(Buffer.alloc(3_000, 1))).toBe(true);
    expect(second.bytes.buffer).toBe(first.bytes.buffer);
    expect(first.bytes[0]).toBe(1);
    // A file larger than the memory given gets its own.
    const third = readWhole(large, readWhole(small).memory);
    expect(third.bytes.equals(Buffer.alloc(70_000, 2))).toBe(true);
    expect(third.bytes.buffer).not.toBe(second.bytes.buffer);
    expect(second.bytes.equals(Buffer.alloc(3_000, 1))).toBe(true);
    // Room asked for up front: the small file's memory then takes the large one too.
    const roomy = readWhole(small, undefined, 70_000);
    expect(roomy.bytes.equals(Buffer.alloc(3_000, 1))).toBe(true);
    expect(roomy.memory.length).toBe(70_000);
    expect(readWhole(large, roomy.memory).bytes.buffer).toBe(roomy.bytes.buffer);
  });
});
