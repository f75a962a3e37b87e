/** Roles a person holds in one network; `admin` (across networks) is not one of them. */
export const NETWORK_ROLES = ['coordinator', 'steering', 'member', 'funder'] as const;

export type NetworkRole = (typeof NETWORK_ROLES)[number];
