// requireWithCompileCache (electron/cli/compile-cache.ts) runs a CommonJS file as `require` would: a plain file is put
// in Node's function wrapper, and a file that comes in it already (the built dist/cli/check.cjs) runs as it is.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireWithCompileCache } from '../../../electron/cli/compile-cache';

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
    requireWithCompileCache(plain, join(folder, 'cache'));
    // Wrapped a second time, its module function would be made and never called.
    requireWithCompileCache(wrapped, join(folder, 'cache'));
    expect(runs.compileCacheRuns).toEqual(['plain:function:true', 'wrapped:function:true']);
  });
});
