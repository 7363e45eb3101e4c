/**
 * A throwaway self-signed certificate for 127.0.0.1, made with the openssl binary when a stand-in starts.
 * Key and certificate live in a temp dir only long enough to be read: nothing is ever written to the repo.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  key: string;
  cert: string;
}

const OPENSSL = process.env.OPENSSL_BIN ?? '/usr/bin/openssl';

export function makeSelfSignedCertificate(commonName = '127.0.0.1'): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'pd-stand-in-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    execFileSync(
      OPENSSL,
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', `/CN=${commonName}`, '-addext', `subjectAltName=IP:${commonName}`, '-keyout', keyFile, '-out', certFile],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
