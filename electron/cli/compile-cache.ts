import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import type Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

// Node 20 has no compile cache of its own (Node 22's module.enableCompileCache); Electron keeps V8's code cache in
// its user-data folder ("Code Cache"). This does the same for the CLI's CommonJS files: the first run compiles as
// usual and, as it exits, stores V8's code for what it ran — with the functions compiled during the run; the next runs
// skip parsing and compiling them. A plain `rdspg check` spends ≈ 7 ms (a sixth of its instructions) on that otherwise.

/**
 * What a stored cache belongs to: the file (size, inode, and its change time, which every write moves and a copy that
 * keeps the modification time does not carry over) and the Node that compiled it. V8 checks only the source's length.
 */
function cacheKey(info: Stats): string {
  return `${info.size}:${info.ino}:${info.ctimeMs}:${process.version}:${process.arch}`;
}

/**
 * A whole file's bytes and what it is, from one open descriptor, read into `memory` when it is large enough, else into
 * new memory of at least `room` bytes (returned, to be given again). The check file and then its cache are read into
 * the same memory: a fresh 150 KB buffer costs ≈ 40 page faults on first touch, ≈ 0.5 ms of a check on a slow
 * machine. The memory is 8-byte aligned, as V8 wants cached data.
 */
export function readWhole(path: string, memory?: Buffer, room = 0): { bytes: Buffer; info: Stats; memory: Buffer } {
  const descriptor = openSync(path, 'r');
  try {
    const info = fstatSync(descriptor);
    const buffer = memory && memory.length >= info.size ? memory : Buffer.allocUnsafeSlow(Math.max(info.size, room));
    let length = 0;
    while (length < info.size) {
      const read = readSync(descriptor, buffer, length, info.size - length, null);
      if (read === 0) break;
      length += read;
    }
    return { bytes: buffer.subarray(0, length), info, memory: buffer };
  } finally {
    closeSync(descriptor);
  }
}

/** A file's size, or 0 when there is none to read: none yet, or a path through something that is not a folder. */
function sizeOf(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/**
 * A short stable name (FNV-1a) for a file and the Node running it, so that two installed copies of the CLI, or the
 * same one run by two Nodes (Node 20 and Electron's), keep separate caches instead of overwriting each other's.
 */
function cacheTag(file: string): string {
  const text = `${file}\n${process.version}\n${process.arch}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The digest a stored cache carries: V8 does not check its data, and damaged data can crash it. */
function digestOf(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A stored cache whose header line (`key sha256 complete|partial`) matches the file and V8's data after it, read into
 * `memory` (whose bytes are no longer needed) when it fits.
 */
function readCache(path: string, key: string, memory: Buffer): { data: Buffer; complete: boolean } | null {
  let bytes: Buffer;
  try {
    bytes = readWhole(path, memory).bytes;
  } catch {
    return null; // none yet, or unreadable: compile as usual
  }
  const end = bytes.indexOf(10);
  const [storedKey, digest, state] = bytes.subarray(0, Math.max(end, 0)).toString('latin1').split(' ');
  const data = bytes.subarray(end + 1);
  return end > 0 && storedKey === key && digest === digestOf(data) ? { data, complete: state === 'complete' } : null;
}

/**
 * The header line, padded with spaces to a multiple of 8 bytes: V8 copies cached data that does not start at an 8-byte
 * boundary before reading it (AlignedCachedData in v8/src/snapshot/code-serializer.cc), 215 KB and ≈ 50 page faults
 * more per check. readCache splits on spaces and ignores the padding.
 */
function cacheHeader(key: string, digest: string, complete: boolean): string {
  const line = `${key} ${digest} ${complete ? 'complete' : 'partial'}`;
  return `${line.padEnd(Math.ceil((line.length + 1) / 8) * 8 - 1, ' ')}\n`;
}

/** Writes a cache beside the others through a temporary name, so that a parallel run never reads half of one. */
function writeCache(path: string, key: string, complete: boolean, data: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const header = cacheHeader(key, digestOf(data), complete);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, Buffer.concat([Buffer.from(header), data]), { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    // A read-only or full disk, or no folder, only costs the next run its compile time.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/**
 * A CommonJS file's text as V8 gets it fastest: an ASCII file (the build escapes what is not) as a one-byte string,
 * decoded in one copy; anything else as UTF-8, which V8 keeps in two bytes a character (for the 260 KB check file,
 * ≈ 200 page faults and 2 ms more on a slow machine).
 */
function textOf(bytes: Buffer): string {
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * The CommonJS loader's functions a file is run with: Node's `Module` class, which `node:module` exports. The launcher
 * passes its own module's class (`module.constructor`): loading `node:module` loads Node's ES module loader and its
 * source-map support too, ≈ 0.5 ms of a plain `rdspg check`.
 */
export type CommonJsLoader = Pick<typeof Module, 'wrap' | 'createRequire'>;

/**
 * A CommonJS file's text in the function wrapper `require` puts around it. The build ships dist/cli/check.cjs
 * wrapped already (build/cli-build-options.mjs): wrapping it here would make V8 copy its text once more.
 */
function wrapped(source: string, loader: CommonJsLoader): string {
  const [wrapperStart] = loader.wrap('\0').split('\0');
  return source.startsWith(wrapperStart!) ? source : loader.wrap(source);
}

/**
 * Runs a CommonJS file as `require` would, with V8's code cache kept in `cacheFolder`. A cache is rewritten when
 * there was none, V8 refused it, or it came from a run that failed (and so compiled less) and this one succeeded.
 */
export function requireWithCompileCache(file: string, cacheFolder: string, loader: CommonJsLoader): void {
  const cachePath = join(cacheFolder, `${basename(file)}-${cacheTag(file)}.bin`);
  // Memory with room for the cache too (it is larger than the file it is made of), read in once the text is copied out.
  const room = sizeOf(cachePath);
  const { bytes, info, memory } = readWhole(file, undefined, room);
  const source = wrapped(textOf(bytes), loader);
  const key = cacheKey(info);
  const stored = readCache(cachePath, key, memory);
  const script = new Script(source, { filename: file, cachedData: stored?.data });
  const refused = stored === null || script.cachedDataRejected === true;
  process.once('exit', (status) => {
    const complete = status === 0;
    if (refused || (complete && !stored.complete)) writeCache(cachePath, key, complete, script.createCachedData());
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, loader.createRequire(file), module, file, dirname(file));
}
