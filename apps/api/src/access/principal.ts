import { ROLES, Role } from './access-policy';

/** The authenticated person behind a request, with their roles per network. */
export interface Principal {
  userId: string;
  displayName?: string;
  admin: boolean;
  /** networkId → the roles held there. */
  networkRoles: Map<string, Role[]>;
}

const NETWORK_ROLE = /^([a-z]+)@([0-9a-fA-F-]{36})$/;

/** Reads `<role>@<networkId>` and `admin` entries of a roles claim; anything else is ignored. */
export function principalFrom(userId: string, displayName: string | undefined, claim: unknown): Principal {
  const entries = Array.isArray(claim) ? claim.filter((entry): entry is string => typeof entry === 'string') : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  const networkRoles = new Map<string, Role[]>();
  for (const entry of entries) {
    const match = NETWORK_ROLE.exec(entry.trim());
    if (!match || !(ROLES as readonly string[]).includes(match[1])) continue;
    const networkId = match[2].toLowerCase();
    networkRoles.set(networkId, [...(networkRoles.get(networkId) ?? []), match[1] as Role]);
  }
  return { userId, ...(displayName ? { displayName } : {}), admin: entries.includes('admin'), networkRoles };
}
