// `npm run bench`: every benchmark, each printing its figures as ratios against a reference measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = ['engine-bench.ts', 'vault-bench.ts', 'rds-audit-bench.ts', 'ui-bench.ts'];
spawnSync('node', ['build/bundle.mjs'], { stdio: 'inherit' });
let failed = 0;
for (const bench of benches) {
  const path = `test/bench/${bench}`;
  if (!existsSync(path)) continue;
  process.stdout.write(`\n== ${bench}\n`);
  const result = spawnSync('npx', ['tsx', path], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
