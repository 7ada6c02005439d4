import type { Duplex } from 'node:stream';
import type { BackendMessage } from 'pg-protocol/dist/messages';
import { Parser } from 'pg-protocol/dist/parser';

/** One protocol message, either way: type byte, length, body. */
export function protocolMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/**
 * The start-up message: its length, protocol 3.0, then each setting's name and value, and an empty name. Built here
 * rather than by node-postgres' serializer, which adds client_encoding=UTF8 after whatever it is given (a second
 * client_encoding when the conninfo names one).
 */
export function startupMessage(parameters: Record<string, string>): Buffer {
  const settings = Object.entries(parameters).map(([name, value]) => `${name}\0${value}\0`);
  const body = Buffer.from(`${settings.join('')}\0`, 'utf8');
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 8, 0);
  header.writeInt32BE(196_608, 4);
  return Buffer.concat([header, body]);
}

/** The protocol's Terminate message: 'X' and its length, 4. */
const terminateMessage = protocolMessage('X', Buffer.alloc(0));

/** What the stream's end looks like to node-postgres, and so to failures.ts. */
export function terminatedError(): Error & { code: string } {
  return Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
}

/**
 * Reads the backend's messages (node-postgres' own parser) until the returned `stop` is called: each message goes to
 * `onMessage`; the stream's end, its error, or bytes the parser cannot read go once to `onEnd`, which stops reading.
 * Stopped, the stream is paused: what arrives next waits for its next reader (node-postgres, or another exchange).
 */
export function readMessages(
  stream: Duplex,
  onMessage: (message: BackendMessage) => void,
  onEnd: (error: Error) => void,
): () => void {
  const parser = new Parser();
  let reading = true;
  const stop = () => {
    if (!reading) return;
    reading = false;
    stream.off('data', data);
    stream.off('error', end);
    stream.off('end', closed);
    stream.off('close', closed);
    stream.pause();
  };
  function end(error: Error) {
    if (!reading) return;
    stop();
    onEnd(error);
  }
  function closed() {
    end(terminatedError());
  }
  function data(chunk: Buffer) {
    try {
      parser.parse(chunk, (message) => {
        if (reading) onMessage(message);
      });
    } catch (error) {
      end(error as Error);
    }
  }
  if (stream.destroyed || !stream.readable) {
    queueMicrotask(closed);
    return stop;
  }
  stream.on('data', data);
  stream.once('error', end);
  stream.once('end', closed);
  stream.once('close', closed);
  stream.resume();
  return stop;
}

/**
 * Says goodbye as libpq's PQfinish does: the Terminate message, then TLS's close_notify and this side's end of the
 * stream, without waiting for the server's own close (its backend exits by itself; waiting for it cost a check 2–10
 * ms). Settles once Terminate and close_notify are written (ending the stream inside the write's callback writes
 * close_notify at once) or when the stream is gone; the FIN follows by itself, at the latest as the process closes
 * the socket. Waiting for the stream's 'finish' instead (the FIN's shutdown, an event-loop turn later) cost a plain
 * check 4.2 ms wall and 6.8 ms CPU (40 pairs).
 */
export function sayGoodbye(stream: Duplex): Promise<void> {
  // The server's close, which follows ours, is expected now; the stream flows again so that its end is seen and the
  // socket closes (with it a gateway's channel) whoever read it last.
  stream.on('error', () => undefined);
  stream.resume();
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    stream.write(terminateMessage, () => {
      stream.end();
      resolve();
    });
  });
}
