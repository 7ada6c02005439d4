import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

// Large texts (a registry of 5,000 servers is 2.5 MB) go to and from files through one 64 KB buffer instead of a
// Buffer of their own size. On the VMs this project runs on, each first touch of a page costs ≈ 13 µs: a fresh 2.5 MB
// Buffer cost ≈ 8.5 ms to make, and reading the registry through one instead of a whole-file Buffer saved its load ≈ 7
// ms (test/bench/vault-bench.ts measures both).

const chunkBytes = 1 << 16;
const encoder = new TextEncoder();

/** Text as pieces to be written one after another, so that a text made of many parts is never joined first. */
export type TextPieces = readonly string[];

async function writeAll(handle: FileHandle, buffer: Buffer, length: number): Promise<void> {
  let done = 0;
  while (done < length) done += (await handle.write(buffer, done, length - done)).bytesWritten;
}

/** Writes `pieces` as UTF-8 at the handle's position, through one buffer of at most 64 KB. */
export async function writeText(handle: FileHandle, pieces: TextPieces): Promise<void> {
  const characters = pieces.reduce((sum, piece) => sum + piece.length, 0);
  // Three bytes hold any UTF-16 code unit in UTF-8 (a surrogate pair's four bytes are two units).
  const buffer = Buffer.allocUnsafeSlow(Math.max(1, Math.min(chunkBytes, characters * 3)));
  let used = 0;
  for (const piece of pieces) {
    let rest = piece;
    while (rest.length > 0) {
      // encodeInto stops before a character that does not fit whole, a surrogate pair included.
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(used));
      used += written;
      rest = rest.slice(read);
      if (rest.length > 0) {
        await writeAll(handle, buffer, used);
        used = 0;
      }
    }
  }
  if (used > 0) await writeAll(handle, buffer, used);
}

/**
 * A file's text, as `readFile(path, 'utf8')` gives it (a byte-order mark kept, bad bytes as U+FFFD, the same
 * errors), read through one 64 KB buffer.
 */
export async function readText(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafeSlow(chunkBytes);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const parts: string[] = [];
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      parts.push(decoder.decode(buffer.subarray(0, bytesRead), { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join('');
  } finally {
    await handle.close();
  }
}
