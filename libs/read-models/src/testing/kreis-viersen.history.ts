import { randomUUID } from 'node:crypto';
import { coordinator, decrease, EventHistory, increase, measure, steeringGroup } from './event-history';

/**
 * A year of one network: a closed cycle, an open one walked up to reflection, two strategic and four
 * operational goals with concretisations, measurements (one recorded late), reviews, and each kind of
 * reorientation (adjust, replace with a replacement goal, retire, continue). Forty events.
 */
export function kreisViersenHistory() {
  const ids = {
    network: randomUUID(),
    cycle2025: randomUUID(),
    cycle2026: randomUUID(),
    reachFamilies: randomUUID(),
    transitions: randomUUID(),
    parents: randomUUID(),
    homeVisits: randomUUID(),
    homeVisitsReplacement: randomUUID(),
    tandems: randomUUID(),
  };
  const { network, cycle2026 } = ids;
  const history = new EventHistory()
    .as(coordinator)
    .registerNetwork(network)
    .openCycle(network, ids.cycle2025, { title: 'Qualitätskreislauf 2025', periodFrom: '2025-01-01', periodTo: '2025-12-31', openedOn: '2025-01-10' })
    .enterPhase(network, ids.cycle2025, 'leitbild', '2025-01-20')
    .adoptLeitbild(network, '2025-02-20')
    .enterPhase(network, ids.cycle2025, 'steering', '2025-03-01')
    .enterPhase(network, ids.cycle2025, 'concretisation', '2025-05-01')
    .enterPhase(network, ids.cycle2025, 'reflection', '2025-10-01')
    .closeCycle(network, ids.cycle2025, '2025-12-15')
    .openCycle(network, cycle2026)
    .enterPhase(network, cycle2026, 'leitbild', '2026-01-20')
    .enterPhase(network, cycle2026, 'steering', '2026-03-01')
    .as(steeringGroup)
    .defineGoal(ids.reachFamilies, { networkId: network, cycleId: cycle2026, definedOn: '2026-03-10', reviewIntervalDays: 180 })
    .defineGoal(ids.transitions, {
      networkId: network,
      cycleId: cycle2026,
      title: 'Übergang Kita–Grundschule gestalten',
      qualityGoals: ['smooth_transitions'],
      lifePhase: 'primary_school',
      definedOn: '2026-03-12',
      reviewIntervalDays: 180,
    })
    .as(coordinator)
    .defineGoal(ids.parents, {
      networkId: network,
      cycleId: cycle2026,
      parentGoalId: ids.reachFamilies,
      title: 'Elternbeteiligung stärken',
      qualityGoals: ['participation', 'strengthen_parents_children'],
      lifePhase: 'age_3_6',
      district: 'Tönisvorst',
      definedOn: '2026-03-15',
    })
    .defineGoal(ids.homeVisits, {
      networkId: network,
      cycleId: cycle2026,
      parentGoalId: ids.reachFamilies,
      title: 'Willkommensbesuche ausbauen',
      lifePhase: 'age_0_3',
      definedOn: '2026-03-20',
    })
    .defineGoal(ids.tandems, {
      networkId: network,
      cycleId: cycle2026,
      parentGoalId: ids.transitions,
      title: 'Kita-Schule-Tandems bilden',
      qualityGoals: ['smooth_transitions', 'multiprofessional_cooperation'],
      definedOn: '2026-03-25',
      reviewIntervalDays: 120,
    })
    .enterPhase(network, cycle2026, 'concretisation', '2026-05-05')
    .concretise(ids.parents, '2026-05-05', [increase('parents_active', 4, 12), decrease('waiting_weeks', 10, 4)], [measure('Elterncafé')])
    .concretise(ids.homeVisits, '2026-05-06', [increase('visits_share', 40, 80, { unit: '%' })], [measure('Willkommensbesuche')])
    .concretise(ids.tandems, '2026-05-07', [increase('tandems', 0, 10)], [measure('Tandem-Fortbildung', '2026-05-15', '2026-11-30')])
    .measure(ids.parents, 'parents_active', 6, '2026-06-01')
    .measure(ids.parents, 'waiting_weeks', 8, '2026-06-01')
    .measure(ids.homeVisits, 'visits_share', 38, '2026-06-01')
    .review(ids.parents, '2026-06-10', 'at_risk', 'Nur 6 Eltern aktiv')
    .review(ids.homeVisits, '2026-06-15', 'off_track', 'Weniger Besuche als vor dem Start')
    .as(steeringGroup)
    .reorient(ids.homeVisits, { decision: 'replace', reorientedOn: '2026-06-20', replacementGoalId: ids.homeVisitsReplacement, rationale: 'Besuche erreichen die Familien nicht' })
    .defineGoal(ids.homeVisitsReplacement, {
      networkId: network,
      cycleId: cycle2026,
      parentGoalId: ids.reachFamilies,
      title: 'Lotsendienst in der Geburtsklinik',
      lifePhase: 'pregnancy',
      definedOn: '2026-06-21',
      replacesGoalId: ids.homeVisits,
    })
    .as(coordinator)
    .concretise(ids.homeVisitsReplacement, '2026-06-25', [increase('families_reached', 0, 200)])
    .measure(ids.parents, 'parents_active', 5, '2026-05-15', 'nachgetragen')
    .measure(ids.parents, 'parents_active', 9, '2026-09-01')
    .measure(ids.parents, 'waiting_weeks', 3, '2026-09-01')
    .measure(ids.tandems, 'tandems', 10, '2026-09-01')
    .measure(ids.homeVisitsReplacement, 'families_reached', 50, '2026-09-01')
    .review(ids.tandems, '2026-09-10', 'achieved', 'Alle zehn Tandems arbeiten')
    .review(ids.parents, '2026-09-15', 'on_track')
    .enterPhase(network, cycle2026, 'reflection', '2026-10-01')
    .as(steeringGroup)
    .reorient(ids.parents, {
      decision: 'adjust',
      reorientedOn: '2026-10-02',
      changes: { title: 'Elternbeteiligung in allen Familienzentren stärken', reviewIntervalDays: 60 },
    })
    .reorient(ids.tandems, { decision: 'retire', reorientedOn: '2026-10-05', rationale: 'Ziel erreicht' })
    .review(ids.reachFamilies, '2026-10-10', 'on_track')
    .reorient(ids.reachFamilies, { decision: 'continue', reorientedOn: '2026-10-12' })
    .review(ids.transitions, '2026-10-10', 'achieved');
  return { history, ids };
}
