// `npm test`: every tier in order — system packages and keytar, lint, both type worlds, unit, integration, e2e,
// then the unit tier and the domain integration tests again on the Node that Electron ships (support/shipped-node).
// `tsx test/run-all.ts --setup-only` does the first phase alone (system packages, keytar) and stops.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';
import { ensureKeytar } from './support/keytar-setup';
import { ensureShippedNode, shippedNode } from './support/shipped-node';
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
/** What one vitest run needs: its configuration, file filters, and the Node binary to run it on (this one by default). */
interface VitestRun {
  config: string;
  files?: string[];
  node?: string;
}

/** Runs one vitest tier and returns its pass/fail counts (from vitest's JSON report) and how long it took. */
function vitest(name: string, run: VitestRun, report: string): { passed: number; failed: number; status: number } {
  log(name);
  rmSync(report, { force: true });
  const started = Date.now();
  const args = ['run', '--config', run.config, ...(run.files ?? [])];
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const result = run.node
    ? spawnSync(run.node, ['node_modules/vitest/vitest.mjs', ...args, ...reporters], {
        stdio: 'inherit',
        // Child processes that the tests start (the CLI, helper scripts) run on the same Node.
        env: { ...process.env, PATH: `${dirname(run.node)}${delimiter}${process.env.PATH ?? ''}` },
      })
    : spawnSync('npx', ['vitest', ...args, ...reporters], { stdio: 'inherit' });
  const counts: VitestReport = existsSync(report)
    ? JSON.parse(readFileSync(report, 'utf8'))
    : { numTotalTests: 1, numPassedTests: 0, numFailedTestSuites: 0, testResults: [] };
  // A suite whose set-up fails leaves its tests skipped, not failed: every test that did not pass counts as failed.
  const failed = counts.numTotalTests - counts.numPassedTests;
  const suites = counts.numFailedTestSuites
    ? ` (${counts.numFailedTestSuites} suite${counts.numFailedTestSuites === 1 ? '' : 's'} failed)`
    : '';
  log(
    `${name}: ${counts.numPassedTests} passed, ${failed} failed${suites} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  for (const line of failures(counts)) failedLines.push(`${name}: ${line}`);
  return { passed: counts.numPassedTests, failed, status: result.status ?? 1 };
}

/** The part of vitest's JSON report read here (the Jest-compatible shape its json reporter writes). */
interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTestSuites: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** One line per test that failed and per file whose set-up failed: file, test, first line of the error. */
function failures(report: VitestReport): string[] {
  const firstLine = (text: string | undefined) => (text ?? '').trim().split('\n')[0]?.slice(0, 300) ?? '';
  const lines: string[] = [];
  for (const file of report.testResults) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    const failedTests = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failedTests) lines.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    if (file.status === 'failed' && failedTests.length === 0) lines.push(`${where}: ${firstLine(file.message)}`);
  }
  return lines;
}

/** Every failure of every tier, printed again at the end, where a log's tail shows it. */
const failedLines: string[] = [];

const config = 'test/vitest.config.ts';
const tiers = [
  vitest('unit tests (no servers)', { config, files: ['test/unit'] }, '.tmp/vitest-unit-report.json'),
  vitest(
    'integration tests (real PostgreSQL, TLS, keychain, sandbox)',
    { config, files: ['test/integration'] },
    '.tmp/vitest-integration-report.json',
  ),
  vitest(
    'browser tests (server mode in Chromium)',
    { config: 'test/e2e/vitest.config.ts' },
    '.tmp/vitest-e2e-report.json',
  ),
];
// The desktop app's main process runs on the Node inside Electron: the unit tier and the integration tests of the
// domain services it loads (engine, vault with the keychain, certificates and their toolkit, file locks) run again
// on that Node. keytar is an N-API module, so its one build loads in both.
const shipped = ensureShippedNode();
if ('node' in shipped) {
  const files = [
    'test/unit',
    'test/integration/engine',
    'test/integration/vault',
    'test/integration/certificates',
    'test/integration/certs',
    'test/integration/platform',
  ];
  tiers.push(
    vitest(
      `unit and domain integration tests on Node ${shippedNode.version} (Electron's)`,
      { config, files, node: shipped.node },
      '.tmp/vitest-shipped-node-report.json',
    ),
  );
} else if ('skip' in shipped) {
  log(`skipped the Node ${shippedNode.version} tier: ${shipped.skip}`);
} else {
  log(`Node ${shippedNode.version} tier failed: ${shipped.problem}`);
  tiers.push({ passed: 0, failed: 1, status: 1 });
}
const passed = tiers.reduce((sum, tier) => sum + tier.passed, 0);
const failed = tiers.reduce((sum, tier) => sum + tier.failed, 0);
for (const line of failedLines) log(`failed: ${line}`);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
if (tiers.some((tier) => tier.status !== 0) || failed > 0) process.exit(1);
log('all tiers passed');
