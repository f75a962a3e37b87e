import { TestApi } from './test-api';

export interface NetworkFixture {
  networkId: string;
  cycleId: string;
  strategicId: string;
  operationalId: string;
}

/** A registered network with an open cycle in its steering phase, a strategic and a concretised operational goal. */
export async function networkWithGoals(api: TestApi): Promise<NetworkFixture> {
  const post = (path: string, body: object) => api.http().post(`/api/v1${path}`).send(body).expect((res) => {
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  });
  const networkId = (
    await post('/networks', { name: 'Kalker Netzwerk für Familien', region: 'Köln', responsibleBody: 'Jugendamt Köln', municipalities: ['Köln'], registeredOn: '2010-01-01' })
  ).body.id;
  await api.grant('coordinator', networkId);
  const cycleId = (await post(`/networks/${networkId}/cycles`, { title: 'Zyklus 2026', periodFrom: '2026-01-01', periodTo: '2026-12-31', openedOn: '2026-01-05' })).body.id;
  await post(`/cycles/${cycleId}/phases`, { phase: 'leitbild', enteredOn: '2026-01-10' });
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
  return { networkId, cycleId, strategicId, operationalId };
}
