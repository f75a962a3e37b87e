import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, EMBEDDED_AUDIENCE, EMBEDDED_ISSUER, EMBEDDED_ROLES_CLAIM, loadSigningSecret } from '@kreislauf/storage';
import { createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Principal, principalFrom } from './principal';

/** Clocks of the issuer and of this host may differ by this much (exp, nbf, iat). */
const CLOCK_TOLERANCE_SECONDS = 60;
const MAX_CLAIM_LENGTH = 256;
/** A token without an expiry would be valid for ever. */
const CHECKS = { requiredClaims: ['exp', 'sub'], clockTolerance: CLOCK_TOLERANCE_SECONDS };

/** Checks a bearer token: HS256 with the embedded secret, or against the OIDC issuer's JWKS. */
@Injectable()
export class TokenVerifier {
  private readonly embeddedSecret: Uint8Array | null;
  private jwks: Promise<JWTVerifyGetKey> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.embeddedSecret = config.AUTH_MODE === 'embedded' ? loadSigningSecret(config) : null;
  }

  /** The principal of a valid token; throws for anything else. */
  async verify(token: string): Promise<Principal> {
    const payload = await this.payloadOf(token);
    // The claims end up in every event's metadata: a value of the wrong type is refused here, not stored.
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '' || payload.sub.length > MAX_CLAIM_LENGTH) throw new Error('the token names no subject');
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new Error('the token was issued in the future');
    const rolesClaim = this.config.AUTH_MODE === 'embedded' ? EMBEDDED_ROLES_CLAIM : this.config.OIDC_ROLES_CLAIM;
    const name = claimAt(payload, this.config.AUTH_MODE === 'embedded' ? 'name' : this.config.OIDC_NAME_CLAIM);
    if (name !== undefined && (typeof name !== 'string' || name.length > MAX_CLAIM_LENGTH)) throw new Error('the token’s name is not a text');
    const roles = claimAt(payload, rolesClaim);
    if (roles !== undefined && typeof roles !== 'string' && !(Array.isArray(roles) && roles.every((entry) => typeof entry === 'string'))) {
      throw new Error('the token’s roles are not texts');
    }
    return principalFrom(payload.sub, name, roles);
  }

  private async payloadOf(token: string): Promise<JWTPayload> {
    if (this.embeddedSecret) {
      const { payload } = await jwtVerify(token, this.embeddedSecret, { ...CHECKS, issuer: EMBEDDED_ISSUER, audience: EMBEDDED_AUDIENCE, algorithms: ['HS256'] });
      return payload;
    }
    const { payload } = await jwtVerify(token, await this.keySet(), {
      ...CHECKS,
      issuer: this.config.OIDC_ISSUER,
      audience: this.config.OIDC_AUDIENCE,
      algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'],
    });
    return payload;
  }

  /** The issuer's keys, from OIDC_JWKS_URI or its discovery document; fetched once, refreshed by jose on unknown key ids. */
  private keySet(): Promise<JWTVerifyGetKey> {
    this.jwks ??= this.jwksUri().then((uri) => createRemoteJWKSet(new URL(uri)));
    this.jwks.catch(() => (this.jwks = null)); // a failed discovery is tried again with the next request
    return this.jwks;
  }

  private async jwksUri(): Promise<string> {
    if (this.config.OIDC_JWKS_URI) return this.config.OIDC_JWKS_URI;
    const discovery = `${this.config.OIDC_ISSUER!.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(discovery);
    if (!response.ok) throw new Error(`OIDC discovery ${discovery} answered ${response.status}`);
    const { jwks_uri: uri } = (await response.json()) as { jwks_uri?: string };
    if (!uri) throw new Error(`OIDC discovery ${discovery} names no jwks_uri`);
    return uri;
  }
}

/** A claim by name, also nested as Keycloak does (`realm_access.roles`). */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}
