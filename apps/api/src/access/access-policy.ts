import { NETWORK_ROLES, NetworkRole } from '@kreislauf/domain';

/** Roles a person holds in one network, most capable first; `admin` is held across networks. */
export const ROLES = NETWORK_ROLES;
export type Role = NetworkRole;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

const everyone: readonly Role[] = ROLES;
const steeringGroup: readonly Role[] = ['coordinator', 'steering'];
const coordination: readonly Role[] = ['coordinator'];
const members: readonly Role[] = ['coordinator', 'steering', 'member'];
const auditors: readonly Role[] = ['coordinator', 'funder'];

/**
 * Who may send which command and which query: the one table the access guard enforces, and the one the
 * README shows. `admin` may do what lists it and nothing else; network roles act in their own network.
 */
export const ACCESS_POLICY = {
  'metrics.read': { admin: true, roles: [] },
  /** Anyone with a valid token, with a role or none: who they are, and the networks they may see. */
  'me.read': { admin: true, roles: everyone, anyone: true },
  'networks.list': { admin: true, roles: everyone, anyone: true },
  'network.register': { admin: true, roles: [] },
  'network.read': { admin: true, roles: everyone },
  'roles.read': { admin: true, roles: coordination },
  'role.grant': { admin: true, roles: coordination },
  'role.revoke': { admin: true, roles: coordination },
  'cycle.open': { admin: false, roles: coordination },
  'cycle.enter_phase': { admin: false, roles: steeringGroup },
  'cycle.close': { admin: false, roles: coordination },
  'cycle_board.read': { admin: false, roles: everyone },
  'reviews_due.read': { admin: false, roles: everyone },
  'goal.define': { admin: false, roles: steeringGroup },
  'goal.concretise': { admin: false, roles: steeringGroup },
  'goal.record_measurement': { admin: false, roles: steeringGroup },
  'goal.review': { admin: false, roles: steeringGroup },
  'goal.reorient': { admin: false, roles: steeringGroup },
  'goal.read': { admin: false, roles: everyone },
  'goal.history': { admin: false, roles: everyone },
  'cycles.read': { admin: false, roles: everyone },
  'leitbild.draft': { admin: false, roles: steeringGroup },
  'leitbild.adopt': { admin: false, roles: steeringGroup },
  'leitbild.read': { admin: false, roles: everyone },
  'organisation.join': { admin: false, roles: coordination },
  'organisation.describe': { admin: false, roles: coordination },
  'organisation.leave': { admin: false, roles: coordination },
  'organisations.read': { admin: false, roles: everyone },
  'body.establish': { admin: false, roles: coordination },
  'body.change_members': { admin: false, roles: coordination },
  'body.dissolve': { admin: false, roles: coordination },
  'bodies.read': { admin: false, roles: everyone },
  'meeting.schedule': { admin: false, roles: coordination },
  'meeting.propose_topic': { admin: false, roles: members },
  'meeting.record_attendance': { admin: false, roles: coordination },
  'meeting.record_decision': { admin: false, roles: steeringGroup },
  'meetings.read': { admin: false, roles: everyone },
  'offer.list': { admin: false, roles: steeringGroup },
  'offer.revise': { admin: false, roles: steeringGroup },
  'offer.withdraw': { admin: false, roles: steeringGroup },
  'offers.read': { admin: false, roles: everyone },
  'framework.read': { admin: true, roles: everyone },
  'framework.publish': { admin: true, roles: [] },
  'assessment.open': { admin: false, roles: coordination },
  'assessment.rate': { admin: false, roles: everyone },
  'assessment.close': { admin: false, roles: coordination },
  'assessment.read': { admin: false, roles: everyone },
  'assessment.prioritise': { admin: false, roles: steeringGroup },
  'audit.read': { admin: true, roles: auditors },
  'audit.verify': { admin: true, roles: auditors },
  'person.erase': { admin: true, roles: coordination },
  'reports.read': { admin: false, roles: everyone },
} as const satisfies Record<string, { admin: boolean; roles: readonly Role[]; anyone?: true }>;

export type Action = keyof typeof ACCESS_POLICY;

interface Rule {
  admin: boolean;
  roles: readonly Role[];
}

export const ACTIONS: readonly Action[] = Object.keys(ACCESS_POLICY).filter((key): key is Action => key in ACCESS_POLICY);

/** The actions that roles held in one network allow there, in the policy's order. */
export function actionsOfRoles(roles: readonly Role[]): Action[] {
  return ACTIONS.filter((action) => {
    const rule: Rule = ACCESS_POLICY[action];
    return rule.roles.some((role) => roles.includes(role));
  });
}

/** The actions an administrator may take in every network, with a role there or none. */
export function administratorActions(): Action[] {
  return ACTIONS.filter((action) => {
    const rule: Rule = ACCESS_POLICY[action];
    return rule.admin;
  });
}
