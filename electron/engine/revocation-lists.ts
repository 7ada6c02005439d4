import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import { readdir, readFileIfPresent } from './file-reads';
import type { ConnectionSettings } from './settings';

// Which certificate revocation lists a connection checks, as libpq sets them up (fe-secure-openssl.c,
// initialize_SSL): X509_STORE_load_locations(store, sslcrl, sslcrldir), and the CRL flags (check the whole chain)
// only when that returned 1. OpenSSL reads the file whole, so one damaged CRL leaves out the file, and then no CRL is
// checked at all, the folder included. A folder is only named to OpenSSL, which looks a CA's CRLs up by the hash of
// its name (<hash>.r0, .r1, … as c_rehash names them) when it verifies: a folder turns the checks on even when it
// holds no CRL, or does not exist, and then every certificate of the chain needs one.

const pemCrl = /-----BEGIN X509 CRL-----[\s\S]+?-----END X509 CRL-----/g;
/** The names OpenSSL's folder lookup reads CRLs from: `<8 hex digits>.r<n>`. */
const hashedCrlName = /^[0-9a-f]{8}\.r\d+$/;

/**
 * A CRL whose issuer ("CN=rdspg placeholder: no CRL matches this issuer", a key nobody kept) is no CA's: Node turns
 * OpenSSL's CRL flags on only when it adds a CRL, so a folder without any is given this one, and every certificate of
 * the chain then lacks a CRL, as under libpq.
 */
const placeholderCrl = `-----BEGIN X509 CRL-----
MIHRMHkCAQEwCgYIKoZIzj0EAwIwODE2MDQGA1UEAwwtcmRzcGcgcGxhY2Vob2xk
ZXI6IG5vIENSTCBtYXRjaGVzIHRoaXMgaXNzdWVyFw0yNjExMzAxOTE3NTRaGA8y
MTI2MTEwNjE5MTc1NFqgDjAMMAoGA1UdFAQDAgEBMAoGCCqGSM49BAMCA0gAMEUC
IQC/V9rM1AkrkogZVgy5nf30NZvK+ra+8vVstvn7YUnVugIgWQaqjIrE7FSD4FmS
9Ztjam4J8xf4Bl3mxLZ/UL0ZXBs=
-----END X509 CRL-----`;

/** Whether OpenSSL loads these CRLs: at least one, and none damaged. */
function loadable(lists: string[]): boolean {
  if (lists.length === 0) return false;
  try {
    createSecureContext({ ca: [], crl: lists });
    return true;
  } catch {
    return false;
  }
}

/** The CRLs of a folder's hashed files, each file whole or not at all. */
async function folderLists(folder: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return []; // no folder: OpenSSL finds nothing in it either
  }
  const lists: string[] = [];
  for (const name of names.filter((one) => hashedCrlName.test(one)).sort()) {
    const found = (await readFileIfPresent(join(folder, name)))?.toString('latin1').match(pemCrl) ?? [];
    if (loadable(found)) lists.push(...found);
  }
  return lists;
}

/** The CRLs to check the server's chain against, or null when libpq would check none. */
export async function loadRevocationLists(settings: ConnectionSettings): Promise<string[] | null> {
  const lists: string[] = [];
  if (settings.sslcrl) {
    lists.push(...((await readFileIfPresent(settings.sslcrl))?.toString('latin1').match(pemCrl) ?? []));
    if (!loadable(lists)) return null;
  }
  if (settings.sslcrldir) {
    lists.push(...(await folderLists(settings.sslcrldir)));
    if (lists.length === 0) lists.push(placeholderCrl);
  }
  return lists.length ? lists : null;
}
