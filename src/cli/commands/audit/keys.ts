import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { keyIdOf } from '../../../features/audit/index.js';
import { WardenError } from '../../../platform/errors.js';
import { pemText, type WardenEnv } from '../../../platform/config/index.js';
import type { CliIo } from '../config-check.js';

/**
 * `warden audit keygen --out FILE`: a new Ed25519 private key in FILE (PKCS#8 PEM, mode 600, never over an
 * existing file) and its public key on standard output, to publish where auditors can fetch it.
 */
export function runKeygen(out: string | undefined, io: CliIo): number {
  if (!out) throw new WardenError('bad_input', 'warden audit keygen needs --out FILE: where to write the new private key');
  if (existsSync(out)) throw new WardenError('conflict', `${out} already exists: keygen never overwrites a key (checkpoints it signed would no longer verify)`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(out, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  io.out(String(publicKey.export({ type: 'spki', format: 'pem' })).trimEnd());
  io.err(`private key written to ${out} (mode 600), key id ${keyIdOf(publicKey)}. Give it to Warden as WARDEN_AUDIT_KEY_FILE=${out}; publish the public key above for auditors.`);
  return 0;
}

/** The public keys to check checkpoints with: each `--public-key` (a PEM file or PEM text), else the one of WARDEN_AUDIT_KEY. */
export function publicKeysFrom(given: readonly string[], env: WardenEnv): KeyObject[] {
  if (given.length > 0) return given.map(readPublicKey);
  return env.audit.key ? [createPublicKey(createPrivateKey(env.audit.key))] : [];
}

function readPublicKey(given: string): KeyObject {
  const pem = given.includes('-----BEGIN') ? pemText(given) : readKeyFile(given);
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new WardenError('bad_input', `--public-key ${given.includes('-----BEGIN') ? '(text)' : given}: not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new WardenError('bad_input', `--public-key: expected an Ed25519 key, found ${key.asymmetricKeyType ?? 'another kind'}`);
  return key.type === 'private' ? createPublicKey(key) : key;
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new WardenError('bad_input', `--public-key ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}
