import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../..', import.meta.url).pathname;
const afterPack = require(join(root, 'build/after-pack.cjs')) as ((context: unknown) => Promise<void>) & {
  fuseSettings: Record<number, boolean>;
};
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** A fuse's byte in the wire: '1' on, '0' off. */
const FuseState = { ENABLE: '1'.charCodeAt(0), DISABLE: '0'.charCodeAt(0) } as const;
type FuseState = number;

/**
 * Electron's binary cannot be downloaded here, so the packed "binary" is a file with Electron's fuse wire exactly as
 * Electron lays it out (sentinel, wire version 1, length, one byte per fuse: '0' off, '1' on), between other bytes.
 */
function binaryWithFuseWire(fuses: string): Buffer {
  const wire = Buffer.concat([Buffer.from(sentinel), Buffer.from([1, fuses.length]), Buffer.from(fuses, 'ascii')]);
  return Buffer.concat([Buffer.alloc(4096, 0x7f), wire, Buffer.alloc(4096, 0x7f)]);
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'rdspg-pack-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('Electron fuses set by the afterPack hook', () => {
  const expected = {
    RunAsNode: FuseState.DISABLE,
    EnableCookieEncryption: FuseState.ENABLE,
    EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
    EnableNodeCliInspectArguments: FuseState.DISABLE,
    EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
    OnlyLoadAppFromAsar: FuseState.ENABLE,
    GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
  };

  it('configures exactly the seven fuses of the checklist', () => {
    const named = Object.fromEntries(
      Object.entries(afterPack.fuseSettings).map(([index, on]) => [FuseV1Options[Number(index)], on]),
    );
    expect(named).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  for (const platform of ['linux', 'win32'] as const) {
    it(`flips them in the packed ${platform} executable and leaves the other fuses alone`, async () => {
      const appOutDir = join(folder, platform);
      await mkdir(appOutDir, { recursive: true });
      const name = platform === 'win32' ? 'RDS PG Connect.exe' : 'rds-pg-connect';
      // Electron's defaults: RunAsNode, NODE_OPTIONS and --inspect on, the rest off; then the V8 snapshot fuse off and
      // GrantFileProtocolExtraPrivileges on.
      await writeFile(join(appOutDir, name), binaryWithFuseWire('10110001'));
      await afterPack({
        appOutDir,
        electronPlatformName: platform,
        arch: 1,
        packager: { executableName: 'rds-pg-connect', appInfo: { productFilename: 'RDS PG Connect' } },
      });
      const wire = (await getCurrentFuseWire(join(appOutDir, name))) as unknown as Record<number, FuseState>;
      for (const [fuse, state] of Object.entries(expected))
        expect(wire[FuseV1Options[fuse as keyof typeof FuseV1Options]], fuse).toBe(state);
      expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
      const bytes = await readFile(join(appOutDir, name));
      expect(bytes.length).toBe(binaryWithFuseWire('10110001').length);
    });
  }

  it('fails the build when the packed binary has no fuse wire', async () => {
    const appOutDir = join(folder, 'broken');
    await mkdir(appOutDir, { recursive: true });
    await writeFile(join(appOutDir, 'rds-pg-connect'), Buffer.alloc(1024));
    await expect(
      afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        packager: { executableName: 'rds-pg-connect', appInfo: { productFilename: 'RDS PG Connect' } },
      }),
    ).rejects.toThrow(/sentinel/);
  });
});
