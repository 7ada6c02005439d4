// dist/rdspg.cjs, the `rdspg` executable: picks the file a command line runs. A plain `rdspg check` runs one CommonJS
// file with V8's code cache (it is compared with psql, so its start-up counts); everything else loads the full CLI.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveAppHome } from '../platform/app-home';
import { cliFileFor } from './cli-file';
import { type CommonJsLoader, requireWithCompileCache } from './compile-cache';

// This file's own module is made by Node's CommonJS loader: its class is what `require('node:module')` returns.
const loader = module.constructor as unknown as CommonJsLoader;
const file = join(__dirname, cliFileFor(process.argv.slice(2)));
if (file.endsWith('.cjs')) requireWithCompileCache(file, join(resolveAppHome(), 'Code Cache', 'cli'), loader);
else import(pathToFileURL(file).href);
