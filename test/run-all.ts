// `npm test`: every tier in order — system packages and keytar, lint, both type worlds, unit + integration, e2e.
// `tsx test/run-all.ts --setup-only` does the first phase alone (system packages, keytar) and stops.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureKeytar } from './support/keytar-setup';
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
const keytarProblem = ensureKeytar(log);
if (keytarProblem) {
  log(keytarProblem);
  process.exit(1);
}
if (process.argv.includes('--setup-only')) {
  log('setup done');
  process.exit(0);
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
