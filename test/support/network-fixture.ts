import { NZFH_FRAMEWORK_ID } from '@kreislauf/domain';
import { TestApi } from './test-api';

export interface NetworkFixture {
  networkId: string;
  cycleId: string;
  strategicId: string;
  operationalId: string;
  organisationId: string;
  bodyId: string;
  meetingId: string;
  /** A decision of the steering group that adopts a Leitbild. */
  decisionId: string;
  offerId: string;
  /** The organisation's contact person, as reads name them. */
  personId: string;
  /** A closed self-assessment round of the cycle on dimension 3 of the NZFH framework. */
  assessmentId: string;
}

/** A network's ids as another network's request names them in its body, with a topic of one of its meetings. */
export type ForeignIds = NetworkFixture & { topicId: string };

/**
 * A registered network with a member organisation, a steering group that met and adopted the Leitbild,
 * an offer, and an open cycle in its steering phase with a strategic and a concretised operational goal.
 */
export async function networkWithGoals(api: TestApi): Promise<NetworkFixture> {
  const post = (path: string, body: object) => api.http().post(`/api/v1${path}`).send(body).expect((res) => {
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const networkId = (
    await post('/networks', { name: 'Kalker Netzwerk für Familien', region: 'Köln', responsibleBody: 'Jugendamt Köln', municipalities: ['Köln'], registeredOn: '2010-01-01' })
  ).body.id;
  await api.grant('coordinator', networkId);
  const organisationId = (
    await post(`/networks/${networkId}/organisations`, {
      name: 'Familienzentrum Kalk',
      sector: 'day_care',
      namedInKkg: false,
      tasks: 'Kindertagesbetreuung, Familienbildung',
      mandates: '',
      roles: '',
      resources: '',
      limits: '',
      contactPerson: { name: 'Petra Beispiel', email: 'petra@example.org' },
      joinedOn: '2010-01-01',
    })
  ).body.id;
  const bodyId = (
    await post(`/networks/${networkId}/bodies`, {
      kind: 'steering_group',
      name: 'Steuerungsgruppe',
      meetingsPerYear: 5,
      members: [{ organisationId, representative: { name: 'Petra Beispiel' } }],
      establishedOn: '2010-01-01',
    })
  ).body.id;
  const meetingId = (await post(`/bodies/${bodyId}/meetings`, { scheduledFor: '2026-01-08', title: 'Sitzung der Steuerungsgruppe' })).body.id;
  await post(`/meetings/${meetingId}/attendance`, { heldOn: '2026-01-08', attendance: [organisationId] });
  const decisionId = (await post(`/meetings/${meetingId}/decisions`, { text: 'Das Leitbild wird beschlossen.', subject: 'leitbild_adoption' })).body.id;
  const offerId = (
    await post(`/networks/${networkId}/offers`, {
      title: 'Elterncafé',
      description: '',
      providerOrganisationId: organisationId,
      lifePhases: ['age_0_3'],
      districts: ['Köln'],
      targetGroups: ['Eltern'],
      startsOn: '2025-01-01',
      endsOn: null,
      listedOn: '2025-01-01',
    })
  ).body.id;

  const cycleId = (await post(`/networks/${networkId}/cycles`, { title: 'Zyklus 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-05' })).body.id;
  await post(`/cycles/${cycleId}/phases`, { phase: 'leitbild', enteredOn: '2026-01-06' });
  const { leitbildVersion } = (
    await post(`/networks/${networkId}/leitbild/versions`, {
      vision: 'Alle Kinder in Kalk wachsen gut auf.',
      principles: [{ key: 'P1', text: 'Familien wirken mit.' }],
      draftedOn: '2026-01-07',
    })
  ).body;
  await post(`/networks/${networkId}/leitbild/versions/${leitbildVersion}/adoption`, { adoptedOn: '2026-01-08', decisionId });
  await post(`/cycles/${cycleId}/phases`, { phase: 'steering', enteredOn: '2026-02-10' });
  const goal = (level: 'strategic' | 'operational', parentGoalId?: string) =>
    post(`/networks/${networkId}/goals`, {
      cycleId,
      level,
      ...(parentGoalId ? { parentGoalId } : {}),
      title: `${level} goal`,
      description: '',
      qualityGoals: ['multiprofessional_cooperation'],
      reviewIntervalDays: 90,
      definedOn: '2026-02-10',
    });
  const strategicId = (await goal('strategic')).body.id;
  const operationalId = (await goal('operational', strategicId)).body.id;
  await post(`/goals/${operationalId}/concretisations`, {
    indicators: [{ key: 'kitas', name: 'Kitas im Arbeitskreis', unit: 'Kitas', baseline: 6, target: 12, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' }],
    measures: [],
    concretisedOn: '2026-02-11',
  });
  const assessmentId = (
    await post(`/networks/${networkId}/assessments`, {
      cycleId,
      frameworkId: NZFH_FRAMEWORK_ID,
      frameworkVersion: 1,
      dimensionKeys: ['network'],
      raters: ['u-coord'],
      visibility: 'named',
      openedOn: '2026-02-12',
    })
  ).body.id;
  await post(`/assessments/${assessmentId}/ratings`, { ratings: [{ itemKey: 'network.goals.review_system', rating: 'partly_reached' }], ratedOn: '2026-02-12' });
  await post(`/assessments/${assessmentId}/close`, { closedOn: '2026-02-13' });
  const personId = (await api.http().get(`/api/v1/organisations/${organisationId}`).expect(200)).body.contactPerson.personId;
  return { networkId, cycleId, strategicId, operationalId, organisationId, bodyId, meetingId, decisionId, offerId, personId, assessmentId };
}
