import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SignJWT } from 'jose';
import { AppConfig } from './app-config';
import { assertOwnSecret, createOwnSecret } from './secret-file';

/** Issuer and audience of the tokens the embedded mode signs itself. */
export const EMBEDDED_ISSUER = 'kreislauf';
export const EMBEDDED_AUDIENCE = 'kreislauf-api';
export const EMBEDDED_ROLES_CLAIM = 'kreislauf_roles';

const SECRET_FILE = 'auth-secret';

/**
 * The HS256 secret of the embedded mode: AUTH_SECRET, or a random one created on first start and kept
 * under DATA_DIR (readable by its owner only), so that tokens survive a restart.
 */
export function loadSigningSecret(config: Pick<AppConfig, 'AUTH_SECRET' | 'DATA_DIR'>): Uint8Array {
  if (config.AUTH_SECRET) return new TextEncoder().encode(config.AUTH_SECRET);
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, SECRET_FILE);
  if (!existsSync(file)) createOwnSecret(file, randomBytes(48).toString('base64url'));
  assertOwnSecret(file);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

export interface TokenClaims {
  userId: string;
  displayName?: string;
  /** `<role>@<networkId>`, or `admin`. */
  roles: string[];
  /** Lifetime, e.g. `12h`, `30d`. */
  expiresIn?: string;
}

export async function issueEmbeddedToken(secret: Uint8Array, claims: TokenClaims): Promise<string> {
  return new SignJWT({ ...(claims.displayName ? { name: claims.displayName } : {}), [EMBEDDED_ROLES_CLAIM]: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(EMBEDDED_ISSUER)
    .setAudience(EMBEDDED_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '12h')
    .sign(secret);
}
