// The least a Node program pays for what `rdspg check` does, as a same-run reference for the check's figure
// (engine-bench.ts): SSLRequest, TLS, the server certificate checked against the root (signature and host name,
// through X509Certificate, not Node's bundled root store), SCRAM-SHA-256-PLUS with tls-server-end-point as libpq
// chooses it, the query it is given, Terminate, exit. No library, no conninfo rules, no files but the root certificate,
// no output formatting; with the check's two start-up measures (one libuv pool thread; the IPv6 pattern compiled once,
// straight to machine code: electron/engine/negotiate.ts). What is left is Node's own start, module loading and
// first-run costs on this machine.
// Usage: node minimal-client.cjs HOST PORT USER DATABASE ROOT_CERT_FILE QUERY (the password from PGPASSWORD; the
// bench passes check's facts query). Plain CommonJS so that `node` runs it as it is.
'use strict';
process.env.UV_THREADPOOL_SIZE ??= '1';
const { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual, X509Certificate } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { connect, isIPv6 } = require('node:net');
const tls = require('node:tls');

const [host, port, user, database, rootFile, query] = process.argv.slice(2);
const password = process.env.PGPASSWORD ?? '';
const root = new X509Certificate(readFileSync(rootFile));

/** Ends the run with a message on stderr and status 1. */
function fail(message) {
  process.stderr.write(`minimal-client: ${message}\n`);
  process.exit(1);
}

/** One frontend message: type byte, length, body. */
function message(type, body) {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const hmac = (key, text) => createHmac('sha256', key).update(text).digest();
isIPv6('0'.repeat(1000));
const socket = connect({ host, port: Number(port) });
socket.once('error', (error) => fail(error.message));
socket.once('connect', () => socket.write(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47])));
socket.once('data', (answer) => {
  if (answer[0] !== 0x53) fail('the server refused SSL');
  const secure = tls.connect({ socket, servername: host, ca: [], rejectUnauthorized: false });
  secure.once('error', (error) => fail(error.message));
  secure.once('close', () => fail('the server closed the connection'));
  let peer;
  secure.once('secureConnect', () => {
    peer = secure.getPeerX509Certificate();
    if (!peer?.verify(root.publicKey) || !peer.checkHost(host)) fail('the server certificate does not verify');
    const parameters = Buffer.from(`user\0${user}\0database\0${database}\0\0`);
    const startup = Buffer.alloc(8 + parameters.length);
    startup.writeInt32BE(startup.length);
    startup.writeInt32BE(196608, 4);
    parameters.copy(startup, 8);
    secure.write(startup);
  });
  const scram = { header: 'p=tls-server-end-point,,', firstBare: '', withoutProof: '', serverSignature: null };
  let pending = Buffer.alloc(0);
  let asked = false;
  secure.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 5) {
      const end = 1 + pending.readInt32BE(1);
      if (pending.length < end) break;
      const type = String.fromCharCode(pending[0]);
      const body = pending.subarray(5, end);
      pending = pending.subarray(end);
      if (type === 'E') fail(body.toString('utf8').replaceAll('\0', ' ').trim());
      if (type === 'R') authenticate(body.readInt32BE(0), body.subarray(4));
      if (type === 'Z' && !asked) {
        asked = true;
        secure.write(message('Q', Buffer.from(`${query}\0`)));
      } else if (type === 'Z') {
        secure.end(message('X', Buffer.alloc(0)), () => process.exit(0));
      }
    }
  });

  /** Answers one authentication request (SASL start, continue, final, or OK). */
  function authenticate(code, data) {
    if (code === 10) {
      scram.firstBare = `n=*,r=${randomBytes(18).toString('base64')}`;
      const first = Buffer.from(scram.header + scram.firstBare);
      const length = Buffer.alloc(4);
      length.writeInt32BE(first.length);
      secure.write(message('p', Buffer.concat([Buffer.from('SCRAM-SHA-256-PLUS\0'), length, first])));
    } else if (code === 11) {
      const serverFirst = data.toString('utf8');
      const fields = Object.fromEntries(serverFirst.split(',').map((field) => [field[0], field.slice(2)]));
      const binding = Buffer.concat([Buffer.from(scram.header), createHash('sha256').update(peer.raw).digest()]);
      scram.withoutProof = `c=${binding.toString('base64')},r=${fields.r}`;
      const salted = pbkdf2Sync(password, Buffer.from(fields.s, 'base64'), Number(fields.i), 32, 'sha256');
      const clientKey = hmac(salted, 'Client Key');
      const authMessage = `${scram.firstBare},${serverFirst},${scram.withoutProof}`;
      const signature = hmac(createHash('sha256').update(clientKey).digest(), authMessage);
      const proof = Buffer.from(clientKey.map((byte, index) => byte ^ signature[index]));
      scram.serverSignature = hmac(hmac(salted, 'Server Key'), authMessage);
      secure.write(message('p', Buffer.from(`${scram.withoutProof},p=${proof.toString('base64')}`)));
    } else if (code === 12) {
      const given = Buffer.from(data.toString('utf8').replace(/^v=/, ''), 'base64');
      if (given.length !== 32 || !timingSafeEqual(given, scram.serverSignature)) fail('wrong server signature');
    } else if (code !== 0) fail(`authentication request ${code} is not SCRAM`);
  }
});
