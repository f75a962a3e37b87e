import { randomUUID } from 'node:crypto';
import { NetworkFixture } from './network-fixture';

export type Method = 'get' | 'post';

export interface Endpoint {
  /** As in the OpenAPI document. */
  route: string;
  method: Method;
  path(f: NetworkFixture): string;
  /** A valid body; fresh values each call, so that a repeated call is valid too where the domain allows. */
  body?(f: NetworkFixture): object;
}

let indicatorCount = 0;

/** Every endpoint of the api that works on a network's resources, with a request a permitted user may send. */
export const NETWORK_ENDPOINTS: Endpoint[] = [
  { route: '/api/v1/networks/{networkId}', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}` },
  {
    route: '/api/v1/networks/{networkId}/cycles',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/cycles`,
    body: () => ({ title: 'Zyklus 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-01' }),
  },
  { route: '/api/v1/cycles/{cycleId}/phases', method: 'post', path: (f) => `/api/v1/cycles/${f.cycleId}/phases`, body: () => ({ phase: 'concretisation', enteredOn: '2026-03-01' }) },
  { route: '/api/v1/cycles/{cycleId}/close', method: 'post', path: (f) => `/api/v1/cycles/${f.cycleId}/close`, body: () => ({ closedOn: '2026-12-01' }) },
  {
    route: '/api/v1/networks/{networkId}/goals',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/goals`,
    body: (f) => ({
      cycleId: f.cycleId,
      level: 'operational',
      parentGoalId: f.strategicId,
      title: 'Arbeitskreis Kitas stärken',
      description: '',
      qualityGoals: ['multiprofessional_cooperation'],
      reviewIntervalDays: 90,
      definedOn: '2026-03-01',
    }),
  },
  {
    route: '/api/v1/goals/{goalId}/concretisations',
    method: 'post',
    path: (f) => `/api/v1/goals/${f.operationalId}/concretisations`,
    body: () => ({
      indicators: [{ key: `k${++indicatorCount}`, name: 'Treffen', unit: 'Treffen', baseline: 1, target: 4, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' }],
      measures: [{ title: 'Einladungen', responsibleOrganisation: 'Koordination', startsOn: '2026-03-01', endsOn: '2026-06-30' }],
      concretisedOn: '2026-03-01',
    }),
  },
  {
    route: '/api/v1/goals/{goalId}/measurements',
    method: 'post',
    path: (f) => `/api/v1/goals/${f.operationalId}/measurements`,
    body: () => ({ indicatorKey: 'kitas', value: 8, measuredOn: '2026-03-01', source: 'Liste' }),
  },
  {
    route: '/api/v1/goals/{goalId}/reviews',
    method: 'post',
    path: (f) => `/api/v1/goals/${f.operationalId}/reviews`,
    body: () => ({ reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Protokoll' }),
  },
  {
    route: '/api/v1/goals/{goalId}/reorientations',
    method: 'post',
    path: (f) => `/api/v1/goals/${f.operationalId}/reorientations`,
    body: () => ({ decision: 'continue', rationale: 'Läuft', reorientedOn: '2026-03-03' }),
  },
  { route: '/api/v1/goals/{goalId}', method: 'get', path: (f) => `/api/v1/goals/${f.operationalId}` },
  { route: '/api/v1/goals/{goalId}/history', method: 'get', path: (f) => `/api/v1/goals/${f.operationalId}/history` },
  { route: '/api/v1/networks/{networkId}/cycle-board', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/cycle-board` },
  {
    route: '/api/v1/networks/{networkId}/role-grants',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/role-grants`,
    body: () => ({ userId: `u-${randomUUID()}`, role: 'member' }),
  },
  {
    route: '/api/v1/networks/{networkId}/role-revocations',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/role-revocations`,
    body: () => ({ userId: 'u-never-granted', role: 'member' }),
  },
  { route: '/api/v1/networks/{networkId}/roles', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/roles` },
  { route: '/api/v1/networks/{networkId}/reviews-due', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/reviews-due?on=2026-12-31` },
];

/** The same resources, by ids that exist nowhere. */
export function nowhere(): NetworkFixture {
  return { networkId: randomUUID(), cycleId: randomUUID(), strategicId: randomUUID(), operationalId: randomUUID() };
}
