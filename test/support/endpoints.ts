import { randomUUID } from 'node:crypto';
import { NZFH_FRAMEWORK_ID } from '@kreislauf/domain';
import { ForeignIds, NetworkFixture } from './network-fixture';

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
  { route: '/api/v1/networks/{networkId}/cycles', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/cycles` },
  { route: '/api/v1/networks/{networkId}/leitbild', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/leitbild` },
  {
    route: '/api/v1/networks/{networkId}/leitbild/versions',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/leitbild/versions`,
    body: () => ({ vision: 'Alle Kinder wachsen gut auf.', principles: [{ key: 'P1', text: 'Familien wirken mit.' }], draftedOn: '2026-03-01' }),
  },
  {
    route: '/api/v1/networks/{networkId}/leitbild/versions/{version}/adoption',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/leitbild/versions/1/adoption`,
    body: (f) => ({ adoptedOn: '2026-03-01', decisionId: f.decisionId }),
  },
  {
    route: '/api/v1/networks/{networkId}/organisations',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/organisations`,
    body: () => ({ ...organisation, joinedOn: '2026-01-01' }),
  },
  { route: '/api/v1/networks/{networkId}/organisations', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/organisations` },
  { route: '/api/v1/networks/{networkId}/organisations/changes', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/organisations/changes?from=2026-01-01&to=2026-12-31` },
  { route: '/api/v1/organisations/{organisationId}', method: 'get', path: (f) => `/api/v1/organisations/${f.organisationId}` },
  {
    route: '/api/v1/organisations/{organisationId}/descriptions',
    method: 'post',
    path: (f) => `/api/v1/organisations/${f.organisationId}/descriptions`,
    body: () => ({ ...organisation, describedOn: '2026-03-01' }),
  },
  // Leaving is tried with a date before joining: allowed past the guard, refused by the domain, the fixture stays whole.
  { route: '/api/v1/organisations/{organisationId}/departure', method: 'post', path: (f) => `/api/v1/organisations/${f.organisationId}/departure`, body: () => ({ leftOn: '2000-01-01', reason: 'Test' }) },
  {
    route: '/api/v1/networks/{networkId}/bodies',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/bodies`,
    body: (f) => ({ kind: 'working_group', name: 'Arbeitskreis Kitas', meetingsPerYear: 4, members: [{ organisationId: f.organisationId }], establishedOn: '2026-01-01' }),
  },
  { route: '/api/v1/networks/{networkId}/bodies', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/bodies` },
  { route: '/api/v1/bodies/{bodyId}', method: 'get', path: (f) => `/api/v1/bodies/${f.bodyId}` },
  { route: '/api/v1/bodies/{bodyId}/members', method: 'post', path: (f) => `/api/v1/bodies/${f.bodyId}/members`, body: (f) => ({ members: [{ organisationId: f.organisationId }], changedOn: '2026-03-01' }) },
  { route: '/api/v1/bodies/{bodyId}/dissolution', method: 'post', path: (f) => `/api/v1/bodies/${f.bodyId}/dissolution`, body: () => ({ dissolvedOn: '2000-01-01', reason: 'Test' }) },
  { route: '/api/v1/bodies/{bodyId}/meetings', method: 'post', path: (f) => `/api/v1/bodies/${f.bodyId}/meetings`, body: () => ({ scheduledFor: '2026-05-01', title: 'Sitzung' }) },
  { route: '/api/v1/meetings/{meetingId}', method: 'get', path: (f) => `/api/v1/meetings/${f.meetingId}` },
  { route: '/api/v1/meetings/{meetingId}/topics', method: 'post', path: (f) => `/api/v1/meetings/${f.meetingId}/topics`, body: () => ({ title: 'Thema', description: '', proposedOn: '2026-01-05' }) },
  { route: '/api/v1/meetings/{meetingId}/attendance', method: 'post', path: (f) => `/api/v1/meetings/${f.meetingId}/attendance`, body: (f) => ({ heldOn: '2026-01-08', attendance: [f.organisationId] }) },
  { route: '/api/v1/meetings/{meetingId}/decisions', method: 'post', path: (f) => `/api/v1/meetings/${f.meetingId}/decisions`, body: () => ({ text: 'Beschlossen.', subject: 'other' }) },
  { route: '/api/v1/networks/{networkId}/decisions', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/decisions` },
  { route: '/api/v1/networks/{networkId}/offers', method: 'post', path: (f) => `/api/v1/networks/${f.networkId}/offers`, body: (f) => ({ ...offer(f), listedOn: '2026-01-01' }) },
  { route: '/api/v1/networks/{networkId}/offers', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/offers` },
  { route: '/api/v1/networks/{networkId}/offer-landscape', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/offer-landscape?on=2026-06-01` },
  { route: '/api/v1/offers/{offerId}', method: 'get', path: (f) => `/api/v1/offers/${f.offerId}` },
  { route: '/api/v1/offers/{offerId}/revisions', method: 'post', path: (f) => `/api/v1/offers/${f.offerId}/revisions`, body: (f) => ({ ...offer(f), revisedOn: '2026-02-01' }) },
  { route: '/api/v1/offers/{offerId}/withdrawal', method: 'post', path: (f) => `/api/v1/offers/${f.offerId}/withdrawal`, body: () => ({ withdrawnOn: '2000-01-01', reason: 'Test' }) },
  {
    route: '/api/v1/networks/{networkId}/assessments',
    method: 'post',
    path: (f) => `/api/v1/networks/${f.networkId}/assessments`,
    body: (f) => ({ cycleId: f.cycleId, frameworkId: NZFH_FRAMEWORK_ID, frameworkVersion: 1, dimensionKeys: ['network'], raters: ['u-coord'], visibility: 'anonymous', openedOn: '2026-03-01' }),
  },
  { route: '/api/v1/networks/{networkId}/assessments', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/assessments` },
  { route: '/api/v1/assessments/{assessmentId}', method: 'get', path: (f) => `/api/v1/assessments/${f.assessmentId}` },
  {
    route: '/api/v1/assessments/{assessmentId}/ratings',
    method: 'post',
    path: (f) => `/api/v1/assessments/${f.assessmentId}/ratings`,
    body: () => ({ ratings: [{ itemKey: 'network.goals.review_system', rating: 'largely_reached', comment: 'Test' }], ratedOn: '2026-03-01' }),
  },
  { route: '/api/v1/assessments/{assessmentId}/close', method: 'post', path: (f) => `/api/v1/assessments/${f.assessmentId}/close`, body: () => ({ closedOn: '2026-03-01' }) },
  { route: '/api/v1/assessments/{assessmentId}/agenda', method: 'get', path: (f) => `/api/v1/assessments/${f.assessmentId}/agenda` },
  {
    route: '/api/v1/assessments/{assessmentId}/priorities',
    method: 'post',
    path: (f) => `/api/v1/assessments/${f.assessmentId}/priorities`,
    body: () => ({ itemKey: 'network.goals.review_system', prioritisedOn: '2026-03-01', note: 'Test' }),
  },
  {
    route: '/api/v1/assessments/{assessmentId}/priorities/{itemKey}/goals',
    method: 'post',
    path: (f) => `/api/v1/assessments/${f.assessmentId}/priorities/network.goals.review_system/goals`,
    body: (f) => ({ cycleId: f.cycleId, level: 'strategic', title: 'Ziele gemeinsam überprüfen', description: '', qualityGoals: ['multiprofessional_cooperation'], reviewIntervalDays: 90, definedOn: '2026-03-01' }),
  },
  { route: '/api/v1/assessments/{assessmentId}/comparison', method: 'get', path: (f) => `/api/v1/assessments/${f.assessmentId}/comparison?with=${f.assessmentId}` },
  { route: '/api/v1/goals/{goalId}/diff', method: 'get', path: (f) => `/api/v1/goals/${f.operationalId}/diff?from=2000-01-01&to=2999-12-31` },
  { route: '/api/v1/networks/{networkId}/reports/progress', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/reports/progress?from=2026-01-01&to=2026-12-31` },
  { route: '/api/v1/networks/{networkId}/reports/history', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/reports/history` },
  { route: '/api/v1/networks/{networkId}/audit', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/audit` },
  { route: '/api/v1/networks/{networkId}/audit/verify', method: 'get', path: (f) => `/api/v1/networks/${f.networkId}/audit/verify` },
  { route: '/api/v1/people/{personId}/erasure', method: 'post', path: (f) => `/api/v1/people/${f.personId}/erasure`, body: () => ({ erasedOn: '2026-11-25', reason: 'Antrag nach Art. 17 DSGVO' }) },
];

/** Resources of the acting network that a request body can still be tried on: a meeting not yet held, a Leitbild draft. */
export interface OpenResources {
  meetingId: string;
  leitbildVersion: number;
}

/** A body field that holds an id, on a route of the acting network's own resource. */
export interface BodyIdField {
  route: string;
  field: string;
  /** The problem code an id of another network, or of nothing, answers with. */
  code: string;
  path(own: NetworkFixture, open: OpenResources): string;
  /** A body that is valid but for the id named at `field`, taken from `ids`. */
  body(own: NetworkFixture, ids: ForeignIds, open: OpenResources): object;
}

const goal = (own: NetworkFixture, fields: object) => ({
  cycleId: own.cycleId,
  level: 'strategic',
  title: 'Ziel',
  description: '',
  qualityGoals: ['multiprofessional_cooperation'],
  reviewIntervalDays: 90,
  definedOn: '2026-03-01',
  ...fields,
});
const person = (ids: ForeignIds) => ({ personId: ids.personId, name: 'Jemand' });
const bodyDefinition = (members: object[]) => ({ kind: 'working_group', name: 'Arbeitskreis', meetingsPerYear: 4, members, establishedOn: '2026-01-01' });
const priorityGoals = (own: NetworkFixture) => `/api/v1/assessments/${own.assessmentId}/priorities/network.goals.review_system/goals`;

/** Every field of a request body that names a resource by id: each must be one of the acting network's. */
export const BODY_ID_FIELDS: BodyIdField[] = [
  { route: 'POST /networks/{networkId}/goals', field: 'cycleId', code: 'cycle.not_found', path: (o) => `/api/v1/networks/${o.networkId}/goals`, body: (o, x) => goal(o, { cycleId: x.cycleId }) },
  {
    route: 'POST /networks/{networkId}/goals',
    field: 'parentGoalId',
    code: 'goal.not_found',
    path: (o) => `/api/v1/networks/${o.networkId}/goals`,
    body: (o, x) => goal(o, { level: 'operational', parentGoalId: x.strategicId }),
  },
  { route: 'POST /networks/{networkId}/goals', field: 'decisionId', code: 'decision.not_found', path: (o) => `/api/v1/networks/${o.networkId}/goals`, body: (o, x) => goal(o, { decisionId: x.decisionId }) },
  {
    route: 'POST /goals/{goalId}/reviews',
    field: 'decisionId',
    code: 'decision.not_found',
    path: (o) => `/api/v1/goals/${o.operationalId}/reviews`,
    body: (_, x) => ({ reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Protokoll', decisionId: x.decisionId }),
  },
  {
    route: 'POST /goals/{goalId}/reorientations',
    field: 'decisionId',
    code: 'decision.not_found',
    path: (o) => `/api/v1/goals/${o.operationalId}/reorientations`,
    body: (_, x) => ({ decision: 'continue', rationale: 'Läuft', reorientedOn: '2026-03-03', decisionId: x.decisionId }),
  },
  {
    route: 'POST /networks/{networkId}/leitbild/versions/{version}/adoption',
    field: 'decisionId',
    code: 'decision.not_found',
    path: (o, open) => `/api/v1/networks/${o.networkId}/leitbild/versions/${open.leitbildVersion}/adoption`,
    body: (_, x) => ({ adoptedOn: '2026-03-02', decisionId: x.decisionId }),
  },
  {
    route: 'POST /networks/{networkId}/organisations',
    field: 'contactPerson.personId',
    code: 'person.not_found',
    path: (o) => `/api/v1/networks/${o.networkId}/organisations`,
    body: (_, x) => ({ ...organisation, contactPerson: person(x), joinedOn: '2026-01-01' }),
  },
  {
    route: 'POST /organisations/{organisationId}/descriptions',
    field: 'contactPerson.personId',
    code: 'person.not_found',
    path: (o) => `/api/v1/organisations/${o.organisationId}/descriptions`,
    body: (_, x) => ({ ...organisation, contactPerson: person(x), describedOn: '2026-03-01' }),
  },
  {
    route: 'POST /networks/{networkId}/bodies',
    field: 'members[].organisationId',
    code: 'organisation.not_found',
    path: (o) => `/api/v1/networks/${o.networkId}/bodies`,
    body: (o, x) => bodyDefinition([{ organisationId: o.organisationId }, { organisationId: x.organisationId }]),
  },
  {
    route: 'POST /networks/{networkId}/bodies',
    field: 'members[].representative.personId',
    code: 'person.not_found',
    path: (o) => `/api/v1/networks/${o.networkId}/bodies`,
    body: (o, x) => bodyDefinition([{ organisationId: o.organisationId, representative: person(x) }]),
  },
  {
    route: 'POST /bodies/{bodyId}/members',
    field: 'members[].organisationId',
    code: 'organisation.not_found',
    path: (o) => `/api/v1/bodies/${o.bodyId}/members`,
    body: (o, x) => ({ members: [{ organisationId: o.organisationId }, { organisationId: x.organisationId }], changedOn: '2026-03-01' }),
  },
  {
    route: 'POST /bodies/{bodyId}/members',
    field: 'members[].representative.personId',
    code: 'person.not_found',
    path: (o) => `/api/v1/bodies/${o.bodyId}/members`,
    body: (o, x) => ({ members: [{ organisationId: o.organisationId, representative: person(x) }], changedOn: '2026-03-01' }),
  },
  {
    route: 'POST /bodies/{bodyId}/meetings',
    field: 'contactPerson.personId',
    code: 'person.not_found',
    path: (o) => `/api/v1/bodies/${o.bodyId}/meetings`,
    body: (_, x) => ({ scheduledFor: '2026-05-01', title: 'Sitzung', contactPerson: person(x) }),
  },
  {
    route: 'POST /meetings/{meetingId}/topics',
    field: 'proposedByOrganisationId',
    code: 'organisation.not_found',
    path: (_, open) => `/api/v1/meetings/${open.meetingId}/topics`,
    body: (_, x) => ({ title: 'Thema', description: '', proposedByOrganisationId: x.organisationId, proposedOn: '2026-05-01' }),
  },
  {
    route: 'POST /meetings/{meetingId}/attendance',
    field: 'attendance[]',
    code: 'organisation.not_found',
    path: (_, open) => `/api/v1/meetings/${open.meetingId}/attendance`,
    body: (o, x) => ({ heldOn: '2026-06-01', attendance: [o.organisationId, x.organisationId] }),
  },
  {
    route: 'POST /meetings/{meetingId}/decisions',
    field: 'topicId',
    code: 'meeting.unknown_topic',
    path: (o) => `/api/v1/meetings/${o.meetingId}/decisions`,
    body: (_, x) => ({ text: 'Beschlossen.', subject: 'other', topicId: x.topicId }),
  },
  {
    route: 'POST /networks/{networkId}/offers',
    field: 'providerOrganisationId',
    code: 'organisation.not_found',
    path: (o) => `/api/v1/networks/${o.networkId}/offers`,
    body: (o, x) => ({ ...offer(o), providerOrganisationId: x.organisationId, listedOn: '2026-01-01' }),
  },
  {
    route: 'POST /offers/{offerId}/revisions',
    field: 'providerOrganisationId',
    code: 'organisation.not_found',
    path: (o) => `/api/v1/offers/${o.offerId}/revisions`,
    body: (o, x) => ({ ...offer(o), providerOrganisationId: x.organisationId, revisedOn: '2026-02-01' }),
  },
  {
    route: 'POST /networks/{networkId}/assessments',
    field: 'cycleId',
    code: 'cycle.not_found',
    path: (o) => `/api/v1/networks/${o.networkId}/assessments`,
    body: (_, x) => ({ cycleId: x.cycleId, frameworkId: NZFH_FRAMEWORK_ID, frameworkVersion: 1, dimensionKeys: ['network'], raters: ['u-coord'], visibility: 'anonymous', openedOn: '2026-03-01' }),
  },
  { route: 'POST /assessments/{assessmentId}/priorities/{itemKey}/goals', field: 'cycleId', code: 'cycle.not_found', path: priorityGoals, body: (o, x) => goal(o, { cycleId: x.cycleId }) },
  {
    route: 'POST /assessments/{assessmentId}/priorities/{itemKey}/goals',
    field: 'parentGoalId',
    code: 'goal.not_found',
    path: priorityGoals,
    body: (o, x) => goal(o, { level: 'operational', parentGoalId: x.strategicId }),
  },
  { route: 'POST /assessments/{assessmentId}/priorities/{itemKey}/goals', field: 'decisionId', code: 'decision.not_found', path: priorityGoals, body: (o, x) => goal(o, { decisionId: x.decisionId }) },
];

const organisation = { name: 'Kita Sonnenschein', sector: 'day_care', namedInKkg: false, tasks: 'Betreuung', mandates: '', roles: '', resources: '', limits: '' };

function offer(f: NetworkFixture) {
  return { title: 'Babytreff', description: '', providerOrganisationId: f.organisationId, lifePhases: ['age_0_3'], districts: ['Köln'], targetGroups: ['Eltern'], startsOn: '2025-01-01', endsOn: null };
}

/** The same resources, by ids that exist nowhere. */
export function nowhere(): NetworkFixture {
  return {
    networkId: randomUUID(),
    cycleId: randomUUID(),
    strategicId: randomUUID(),
    operationalId: randomUUID(),
    organisationId: randomUUID(),
    bodyId: randomUUID(),
    meetingId: randomUUID(),
    decisionId: randomUUID(),
    offerId: randomUUID(),
    personId: randomUUID(),
    assessmentId: randomUUID(),
  };
}
