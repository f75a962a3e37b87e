import { NETWORK_ROLES, NetworkRole } from '@kreislauf/domain';

/** The signed-in person as their token says: the api checks the token, this only shows what it claims. */
export interface Session {
  token: string;
  userId: string;
  displayName: string | null;
  admin: boolean;
  /** networkId → roles held there. */
  networkRoles: Record<string, NetworkRole[]>;
  /** Seconds since the epoch. */
  expiresAt: number | null;
}

const TOKEN_KEY = 'kreislauf.token';
const NETWORK_ROLE = /^([a-z]+)@([0-9a-fA-F-]{36})$/;

/** The claim that carries the roles: the embedded tokens' name, which OIDC_ROLES_CLAIM defaults to too. */
export const ROLES_CLAIM = 'kreislauf_roles';

export class InvalidToken extends Error {}

/** Reads a JWT's payload without checking its signature (the api does that with every request). */
export function sessionFromToken(token: string, rolesClaim = ROLES_CLAIM, now = Date.now()): Session {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new InvalidToken('not a JWT');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(decodeBase64Url(parts[1])) as Record<string, unknown>;
  } catch {
    throw new InvalidToken('unreadable payload');
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidToken('no subject');
  const expiresAt = typeof payload.exp === 'number' ? payload.exp : null;
  if (expiresAt !== null && expiresAt * 1000 <= now) throw new InvalidToken('expired');
  const claim = claimAt(payload, rolesClaim);
  const entries = Array.isArray(claim) ? claim.filter((entry): entry is string => typeof entry === 'string') : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const networkRoles: Record<string, NetworkRole[]> = {};
  for (const entry of entries) {
    const match = NETWORK_ROLE.exec(entry.trim());
    if (!match || !(NETWORK_ROLES as readonly string[]).includes(match[1])) continue;
    const networkId = match[2].toLowerCase();
    networkRoles[networkId] = [...(networkRoles[networkId] ?? []), match[1] as NetworkRole];
  }
  return {
    token: token.trim(),
    userId: payload.sub,
    displayName: typeof payload.name === 'string' ? payload.name : null,
    admin: entries.includes('admin'),
    networkRoles,
    expiresAt,
  };
}

export function storedSession(rolesClaim = ROLES_CLAIM): Session | null {
  const token = localStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  try {
    return sessionFromToken(token, rolesClaim);
  } catch {
    localStorage.removeItem(TOKEN_KEY);
    return null;
  }
}

export function storeToken(token: string): void {
  localStorage.setItem(TOKEN_KEY, token.trim());
}

export function forgetToken(): void {
  localStorage.removeItem(TOKEN_KEY);
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** A claim by name, also nested as Keycloak does (`realm_access.roles`). */
function claimAt(payload: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}
