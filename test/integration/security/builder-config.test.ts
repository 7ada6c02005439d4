import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../..', import.meta.url).pathname;
const configPath = 'build/electron-builder.json';

/** Reads electron-builder's configuration the way electron-builder does, and validates it against its schema. */
async function loadValidated(): Promise<Record<string, unknown>> {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  const config = await getConfig(root, configPath, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** Width and height of a PNG. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder configuration', () => {
  it('passes electron-builder 26’s own schema validation', async () => {
    const config = await loadValidated();
    expect(config.appId).toBe('com.rdspgconnect.desktop');
    expect(config.productName).toBe('RDS PG Connect');
  }, 30_000);

  it('builds NSIS, dmg (hardened runtime with entitlements), AppImage and deb; asar on; fuses after pack', async () => {
    const config = JSON.parse(await readFile(join(root, configPath), 'utf8'));
    const targets = (section: { target: { target: string }[] }) => section.target.map((entry) => entry.target);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.afterPack).toBe('build/after-pack.cjs');
    expect(existsSync(join(root, config.afterPack))).toBe(true);
    expect(config.files).toContain('!**/*.map');
    expect(config.files).toContain('node_modules/keytar/build/Release/*.node');
  });

  it('entitlements allow the JIT only: no library-validation, DYLD, debugger or unsigned-memory exceptions', async () => {
    const config = JSON.parse(await readFile(join(root, configPath), 'utf8'));
    const plist = await readFile(join(root, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
  });

  it('icons: 1024 px PNG, Linux sizes 16–512, an ICO with a 256 px entry, an ICNS with 16–1024 px', async () => {
    expect(pngSize(await readFile(join(root, 'build/icons/icon.png')))).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(pngSize(await readFile(join(root, `build/icons/png/${size}x${size}.png`)))).toEqual([size, size]);
    const ico = await readFile(join(root, 'build/icons/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, index) => {
      const entry = 6 + index * 16;
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      return pngSize(image)[0];
    });
    expect(icoSizes).toEqual([16, 32, 48, 64, 128, 256]);
    const icns = await readFile(join(root, 'build/icons/icon.icns'));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      types.push(icns.subarray(offset, offset + 4).toString('ascii'));
      pngSize(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4)));
    }
    expect(types).toEqual(['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']);
  });
});
