import { createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, assertOwnSecret, createOwnSecret } from '@kreislauf/storage';

const DEFAULT_KEY_FILE = 'audit-signing-key.pem';

export function auditSigningKeyFile(config: Pick<AppConfig, 'AUDIT_SIGNING_KEY_FILE' | 'DATA_DIR'>): string {
  return resolve(config.AUDIT_SIGNING_KEY_FILE ?? join(config.DATA_DIR, DEFAULT_KEY_FILE));
}

/**
 * The Ed25519 key that signs audit bundles: AUDIT_SIGNING_KEY_FILE, or `<DATA_DIR>/audit-signing-key.pem`.
 * Created on first use (PKCS#8 PEM, readable by its owner only), so that every later bundle carries
 * the same public key an auditor has compared once.
 */
export function loadAuditSigningKey(config: Pick<AppConfig, 'AUDIT_SIGNING_KEY_FILE' | 'DATA_DIR'>): KeyObject {
  const file = auditSigningKeyFile(config);
  if (!existsSync(file)) createKeyFile(file);
  assertOwnSecret(file);
  let key: KeyObject;
  try {
    key = createPrivateKey(readFileSync(file));
  } catch (error) {
    throw new Error(`${file} holds no readable private key: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file} holds a ${key.asymmetricKeyType ?? 'unknown'} key; audit bundles are signed with Ed25519`);
  }
  return key;
}

function createKeyFile(file: string): void {
  // When another process created it in the meantime, that one is the key.
  createOwnSecret(file, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
}
