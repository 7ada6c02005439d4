// dist/rdspg.cjs, the `rdspg` executable: picks the file a command line runs. A plain `rdspg check` runs one CommonJS
// file with V8's code cache (it is compared with psql, so its start-up counts); everything else loads the full CLI.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveAppHome } from '../platform/app-home';
import { cliFileFor } from './cli-file';
import { requireWithCompileCache } from './compile-cache';

const file = join(__dirname, cliFileFor(process.argv.slice(2)));
if (file.endsWith('.cjs')) requireWithCompileCache(file, join(resolveAppHome(), 'Code Cache', 'cli'));
else import(pathToFileURL(file).href);
