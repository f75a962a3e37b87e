import { BODY_EVENT_TYPES, GOAL_EVENT_TYPES, MEETING_EVENT_TYPES, NETWORK_EVENT_TYPES, OFFER_EVENT_TYPES, ORGANISATION_EVENT_TYPES } from '@kreislauf/domain';
import { AUDIT_TEXTS, namedSubjects, referencedIds, summarise } from './audit-summaries';

describe('audit summaries', () => {
  const goalId = '6f1c2a54-0000-4000-8000-000000000001';
  const bodyId = '6f1c2a54-0000-4000-8000-000000000002';
  const meetingId = '6f1c2a54-0000-4000-8000-000000000003';
  const organisationId = '6f1c2a54-0000-4000-8000-000000000004';
  const cycleId = '6f1c2a54-0000-4000-8000-000000000005';
  const titles = new Map([
    [goalId, 'Elternbeteiligung stärken'],
    [bodyId, 'AK Kitas'],
    [meetingId, 'Sitzung Juni'],
    [organisationId, 'Familienzentrum Vingst'],
    [cycleId, 'Zyklus 2026'],
  ]);

  it.each([...NETWORK_EVENT_TYPES, ...GOAL_EVENT_TYPES, ...ORGANISATION_EVENT_TYPES, ...BODY_EVENT_TYPES, ...MEETING_EVENT_TYPES, ...OFFER_EVENT_TYPES, 'PersonalDataErased', 'AssessmentOpened', 'RatingsSubmitted', 'AssessmentClosed', 'AssessmentItemPrioritised', 'FrameworkVersionPublished'])(
    '%s has a summary of its own',
    (type) => {
      expect(AUDIT_TEXTS[type as keyof typeof AUDIT_TEXTS]).toBeDefined();
    },
  );

  it.each([
    ['GoalReviewed', `goal-${goalId}`, { reviewedOn: '2026-06-15', assessment: 'at_risk', evidence: '', decisionId: null }, 'Ziel „Elternbeteiligung stärken“ überprüft: gefährdet', 'Goal “Elternbeteiligung stärken” reviewed: at risk'],
    ['GoalReoriented', `goal-${goalId}`, { decision: 'retire', rationale: 'erreicht', reorientedOn: '2026-07-01', changes: null, replacementGoalId: null, decisionId: null }, 'Ziel „Elternbeteiligung stärken“ neu ausgerichtet: beenden', 'Goal “Elternbeteiligung stärken” reoriented: retire'],
    ['CycleClosed', `network-${organisationId}`, { cycleId, closedOn: '2026-12-31', carriedOverGoalIds: [goalId, bodyId] }, 'Zyklus „Zyklus 2026“ abgeschlossen: 2 Ziele noch aktiv', 'Cycle “Zyklus 2026” closed: 2 goals still active'],
    ['RoleRevoked', `network-${organisationId}`, { userId: 'u-1', role: 'coordinator', revokedOn: '2026-01-01' }, 'Rolle „Koordination“ von u-1 entzogen', 'Role “coordinator” revoked from u-1'],
    ['BodyMembersChanged', `body-${bodyId}`, { members: [{ organisationId, representative: { personId: 'p', sealed: 'x' } }], changedOn: '2026-04-01' }, 'Mitglieder des Gremiums „AK Kitas“ geändert: jetzt 1', 'Members of body “AK Kitas” changed: now 1'],
    ['BodyDissolved', `body-${bodyId}`, { dissolvedOn: '2026-05-01', reason: 'Auftrag erfüllt' }, 'Gremium „AK Kitas“ aufgelöst', 'Body “AK Kitas” dissolved'],
    ['TopicProposed', `meeting-${meetingId}`, { topicId: 't', title: 'Ziele 2027', description: '', proposedByOrganisationId: organisationId, proposedOn: '2026-05-01' }, 'Thema „Ziele 2027“ für die Sitzung „Sitzung Juni“ vorgeschlagen von „Familienzentrum Vingst“', 'Topic “Ziele 2027” proposed for meeting “Sitzung Juni” by “Familienzentrum Vingst”'],
    ['OfferRevised', `offer-${goalId}`, { title: 'Elterncafé', revisedOn: '2026-05-01' }, 'Angebot „Elterncafé“ überarbeitet (vorher „Elternbeteiligung stärken“)', 'Offer “Elterncafé” revised (formerly “Elternbeteiligung stärken”)'],
    [
      'RatingsSubmitted',
      `assessment-${goalId}`,
      { raterId: 'u-1', ratings: [{ itemKey: 'network.goals.review_system', rating: 'fully_reached', comment: 'vertraulich' }], ratedOn: '2026-05-01' },
      'Bewertungen abgegeben: 1 Entwicklungsziel',
      'Ratings submitted: 1 development goal',
    ],
    ['PersonalDataErased', `person-${goalId}`, { personId: goalId, networkId: cycleId, erasedOn: '2026-05-01' }, 'Personenbezogene Daten einer Person gelöscht', 'Personal data of a person erased'],
  ])('%s reads as a sentence in German and English', (type, streamId, data, de, en) => {
    expect(summarise({ type, streamId, data }, titles)).toEqual({ de, en });
  });

  it('names a thing by its id when its title is not known', () => {
    const summary = summarise({ type: 'GoalReviewed', streamId: 'goal-unknown-id', data: { assessment: 'achieved' } }, new Map());
    expect(summary).toEqual({ de: 'Ziel unknown-id überprüft: erreicht', en: 'Goal unknown-id reviewed: achieved' });
  });

  it('gives a type without an entry, and a payload its entry cannot read, the generic summary', () => {
    expect(summarise({ type: 'FrameworkPublished', streamId: 'framework-1', data: {} }, titles)).toEqual({ de: 'Ereignis FrameworkPublished in framework-1', en: 'Event FrameworkPublished in framework-1' });
    expect(summarise({ type: 'GoalConcretised', streamId: `goal-${goalId}`, data: {} }, titles)).toEqual({ de: `Ereignis GoalConcretised in goal-${goalId}`, en: `Event GoalConcretised in goal-${goalId}` });
  });

  it('looks up the stream, the ids in the data and a measured indicator', () => {
    const event = { type: 'MeasurementRecorded', streamId: `goal-${goalId}`, data: { indicatorKey: 'eltern', value: 3, measuredOn: '2026-01-01', source: '', decisionId: 'd-1' } };
    expect(referencedIds(event)).toEqual([goalId, 'd-1', `${goalId}/eltern`]);
  });

  it('takes a new title from an adjusting reorientation, and none from one that keeps it', () => {
    const reoriented = (changes: object | null) => ({ type: 'GoalReoriented', streamId: `goal-${goalId}`, data: { decision: 'adjust', changes } });
    expect(namedSubjects(reoriented({ title: 'Neu' }))).toEqual([{ id: goalId, kind: 'goal', title: 'Neu' }]);
    expect(namedSubjects(reoriented({ reviewIntervalDays: 30 }))).toEqual([]);
    expect(namedSubjects(reoriented(null))).toEqual([]);
  });
});
