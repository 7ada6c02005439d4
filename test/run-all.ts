// `npm test`: every tier in order — system packages, lint, both type worlds, unit + integration, e2e.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
/** Runs one vitest configuration and returns its pass/fail counts (from vitest's JSON report). */
function vitest(name: string, config: string, report: string): { passed: number; failed: number; status: number } {
  log(name);
  rmSync(report, { force: true });
  const run = spawnSync(
    'npx',
    ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { stdio: 'inherit' },
  );
  const counts = existsSync(report)
    ? JSON.parse(readFileSync(report, 'utf8'))
    : { numPassedTests: 0, numFailedTests: 1 };
  return { passed: counts.numPassedTests, failed: counts.numFailedTests, status: run.status ?? 1 };
}

const tiers = [
  vitest('unit and integration tests', 'test/vitest.config.ts', '.tmp/vitest-report.json'),
  vitest('browser tests (server mode in Chromium)', 'test/e2e/vitest.config.ts', '.tmp/vitest-e2e-report.json'),
];
const passed = tiers.reduce((sum, tier) => sum + tier.passed, 0);
const failed = tiers.reduce((sum, tier) => sum + tier.failed, 0);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
if (tiers.some((tier) => tier.status !== 0) || failed > 0) process.exit(1);
log('all tiers passed');
