import createClient from 'openapi-fetch';
import type { paths } from '../../apps/web/src/api/schema';

export interface CoordinatorTask {
  baseUrl: string;
  /** A coordinator's bearer token for the network. */
  token: string;
  networkId: string;
  /** The network's open cycle, past its steering phase. */
  cycleId: string;
  /** A strategic goal of the cycle the new goal serves. */
  strategicGoalId: string;
}

export interface CoordinatorTaskOutcome {
  goalId: string;
  title: string;
  status: string;
  lastAssessment: string | null;
  latestValue: number | null;
  progressPercent: number | null;
  /** The goal's history as the api tells it: what happened, in order. */
  history: string[];
}

/**
 * A coordinator's task as an outside client does it, typed by the api's OpenAPI document only: define an operational
 * goal with an indicator, record a measurement, review the goal, then read it back and its history.
 */
export async function coordinatorTask(task: CoordinatorTask): Promise<CoordinatorTaskOutcome> {
  const api = createClient<paths>({ baseUrl: task.baseUrl, headers: { authorization: `Bearer ${task.token}` } });

  const me = await api.GET('/api/v1/me');
  if (!me.data) throw new Error(`GET /me answered ${me.response.status}`);
  const here = me.data.networks.find((network) => network.networkId === task.networkId);
  if (!here?.actions.includes('goal.define') || !here.actions.includes('goal.review')) throw new Error('The token may not define and review goals in the network');

  const defined = await api.POST('/api/v1/networks/{networkId}/goals', {
    params: { path: { networkId: task.networkId } },
    body: {
      cycleId: task.cycleId,
      level: 'operational',
      parentGoalId: task.strategicGoalId,
      title: 'Familienhebammen in allen Stadtteilen',
      description: 'Jede Familie erreicht eine Familienhebamme in ihrem Stadtteil.',
      qualityGoals: ['multiprofessional_cooperation'],
      reviewIntervalDays: 90,
      definedOn: '2026-03-01',
    },
  });
  if (!defined.data) throw new Error(`defining the goal answered ${defined.response.status}`);
  const goalId = defined.data.id;
  const path = { goalId };

  const concretised = await api.POST('/api/v1/goals/{goalId}/concretisations', {
    params: { path },
    body: {
      indicators: [{ key: 'districts', name: 'Stadtteile mit Familienhebamme', unit: 'Stadtteile', baseline: 2, target: 6, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'output' }],
      measures: [],
      concretisedOn: '2026-03-02',
    },
  });
  if (!concretised.data) throw new Error(`concretising the goal answered ${concretised.response.status}`);

  const measured = await api.POST('/api/v1/goals/{goalId}/measurements', {
    params: { path },
    body: { indicatorKey: 'districts', value: 4, measuredOn: '2026-06-30', source: 'Übersicht der Familienhebammen' },
  });
  if (!measured.data) throw new Error(`recording the measurement answered ${measured.response.status}`);

  const reviewed = await api.POST('/api/v1/goals/{goalId}/reviews', {
    params: { path },
    body: { reviewedOn: '2026-07-01', assessment: 'on_track', evidence: 'Vier von sechs Stadtteilen haben eine Familienhebamme.' },
  });
  if (!reviewed.data) throw new Error(`reviewing the goal answered ${reviewed.response.status}`);
  const after = reviewed.data.position;

  const goal = await api.GET('/api/v1/goals/{goalId}', { params: { path, query: { after } } });
  if (!goal.data) throw new Error(`reading the goal answered ${goal.response.status}`);
  const indicator = goal.data.indicators.find((entry) => entry.key === 'districts');

  const history = await api.GET('/api/v1/goals/{goalId}/history', { params: { path, query: { after } } });
  if (!history.data) throw new Error(`reading the history answered ${history.response.status}`);

  return {
    goalId,
    title: goal.data.title,
    status: goal.data.status,
    lastAssessment: goal.data.lastAssessment,
    latestValue: indicator?.latestValue ?? null,
    progressPercent: indicator?.progressPercent ?? null,
    history: history.data.items.map((entry) => entry.type),
  };
}
