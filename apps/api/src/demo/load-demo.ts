import { randomUUID } from 'node:crypto';
import { NetworkAlreadyRegistered, NetworkRequest, PersonalData, SealedPersonalData } from '@kreislauf/domain';
import { PersonalDataVault } from '../people/personal-data-vault';
import { CommandContext } from '../write/command-context';
import { DemoWrites } from './demo-writes';
import { DEMO_CYCLE_ID, DEMO_NETWORK_ID, demoActor, demoCycle, demoGoals, demoNetwork, demoReorientation, PREVENTION_CHAIN } from './demo-network';
import { DemoRater, DemoRound, viersenNextCycle, viersenPriorities, viersenRaters, viersenRounds, viersenRoundSettings } from './viersen-assessments';
import { loadKalkNetwork } from './kalk-network';
import { VIERSEN, viersenBodies, viersenLeitbild, viersenMeetings, viersenOffers, viersenOrganisations } from './viersen-structure';

/** The demo networks: Kreis Viersen with a whole quality cycle, and the Kalker Netzwerk with its bodies. Returns those loaded now. */
export async function loadDemoNetworks(writes: DemoWrites, vault: PersonalDataVault): Promise<string[]> {
  const context = (): CommandContext => ({ actor: demoActor, correlationId: randomUUID(), causationId: null, now: new Date() });
  const loaded = [await loadViersenNetwork(writes, vault, context), await loadKalkNetwork(writes, vault, context)];
  return loaded.filter((networkId): networkId is string => networkId !== null);
}

/**
 * Loads the Kreis Viersen network through the writes the controllers call, as its coordination would enter it: members,
 * bodies, offers, then one cycle from the Leitbild to the reorientation of every goal, with a self-assessment
 * on dimension 3 "Netzwerk" at its start whose priorities became goals of the cycle; then the cycle is closed,
 * the next one opened, and the network assesses itself again. Returns the network id, or null when it is there
 * already (then nothing is written).
 */
export async function loadViersenNetwork(writes: DemoWrites, vault: PersonalDataVault, context: () => CommandContext): Promise<string | null> {
  const networkId = DEMO_NETWORK_ID;
  const cycleId = DEMO_CYCLE_ID;
  const network = (command: NetworkRequest) => writes.networks.execute(command, context());
  const seal = (person: PersonalData | null): Promise<SealedPersonalData | null> => (person ? vault.seal(person, networkId) : Promise.resolve(null));
  try {
    await network({ type: 'RegisterNetwork', networkId, data: demoNetwork });
  } catch (error) {
    if (error instanceof NetworkAlreadyRegistered) return null;
    throw error;
  }

  for (const { id, contactPerson, ...organisation } of viersenOrganisations) {
    await writes.organisations.join(id, { ...organisation, networkId, contactPerson: await seal(contactPerson) }, context());
  }
  for (const { id, members, ...body } of viersenBodies) {
    const sealed = members.map((organisationId) => ({ organisationId, representative: null }));
    await writes.bodies.establish(id, { ...body, networkId, members: sealed }, context());
  }
  for (const { id, provider, ...offer } of viersenOffers) {
    const listing = { ...offer, networkId, description: '', providerOrganisationId: provider, endsOn: null, listedOn: offer.startsOn };
    await writes.offers.list(id, listing, context());
  }
  const [leitbildMeeting, exchangeMeeting, reflectionMeeting] = viersenMeetings;
  const holdMeeting = async (meeting: (typeof viersenMeetings)[number]) => {
    const { id: meetingId, bodyId, title, scheduledFor, contactPerson, topics, attendance, decisions } = meeting;
    await writes.meetings.schedule(meetingId, { networkId, bodyId, title, scheduledFor, contactPerson: await seal(contactPerson) }, context());
    for (const topic of topics) {
      const data = { topicId: topic.id, title: topic.title, description: topic.description, proposedByOrganisationId: topic.by, proposedOn: topic.on };
      await writes.meetings.proposeTopic({ type: 'ProposeTopic', meetingId, data }, context());
    }
    await writes.meetings.recordAttendance(meetingId, { heldOn: scheduledFor, attendance }, context());
    for (const { id: decisionId, subject, text } of decisions) {
      await writes.meetings.recordDecision({ type: 'RecordDecision', meetingId, data: { decisionId, text, subject, topicId: null } }, context());
    }
  };

  const contextOf = (rater: DemoRater): CommandContext => ({ ...context(), actor: { userId: rater.userId, displayName: rater.displayName, role: rater.role } });
  const steeringMember = viersenRaters.find((rater) => rater.role === 'steering')!;
  const assess = async (round: DemoRound, cycleId: string) => {
    const { id, openedOn, ratedOn, closedOn, ratings } = round;
    const raters = viersenRaters.map((rater) => rater.userId);
    await writes.assessments.open(id, { ...viersenRoundSettings, dimensionKeys: [...viersenRoundSettings.dimensionKeys], networkId, cycleId, raters, openedOn }, context());
    for (const { rater, items } of ratings) {
      const command = { type: 'SubmitRatings' as const, assessmentId: id, data: { raterId: rater.userId, ratings: items, ratedOn } };
      await writes.assessments.submitRatings(command, contextOf(rater));
    }
    await writes.assessments.close({ type: 'CloseAssessment', assessmentId: id, data: { closedOn } }, context());
  };

  const { phases, ...cycle } = demoCycle;
  const [leitbildPhase, steering, concretisation, reflection] = phases;
  await network({ type: 'OpenCycle', networkId, data: { cycleId, ...cycle } });
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...leitbildPhase } });
  for (const rater of viersenRaters.filter(({ role }) => role !== 'coordinator')) {
    await network({ type: 'GrantRole', networkId, data: { userId: rater.userId, role: rater.role, grantedOn: demoCycle.openedOn } });
  }
  await assess(viersenRounds.before, cycleId);
  const { vision, principles, draftedOn, adoptedOn } = viersenLeitbild;
  await network({ type: 'DraftLeitbild', networkId, data: { vision, principles, draftedOn } });
  await holdMeeting(leitbildMeeting);
  await network({ type: 'AdoptLeitbild', networkId, data: { version: 1, adoptedOn, decisionId: VIERSEN.leitbildDecision } });
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...steering } });

  for (const goal of demoGoals) {
    const { id, parentId, indicators, measures, measurements, review: _review, ...content } = goal;
    const strategic = goal.level === 'strategic';
    const definition = {
      ...content,
      networkId,
      cycleId,
      parentGoalId: parentId,
      decisionId: strategic ? VIERSEN.goalsDecision : null,
      principleKeys: strategic ? ['P1', 'P3'] : [],
    };
    await writes.goals.define(id, definition, context());
    if (indicators.length > 0 || measures.length > 0) {
      await writes.goals.concretise({ type: 'ConcretiseGoal', goalId: id, data: { indicators, measures, concretisedOn: '2026-01-27' } }, context());
    }
    for (const measurement of measurements) {
      await writes.goals.recordMeasurement({ type: 'RecordMeasurement', goalId: id, data: measurement }, context());
    }
  }
  // The steering group turns the two widest disagreements of the first round into goals of this cycle.
  const steeringOn = steering.enteredOn;
  for (const { itemKey, note, goal } of viersenPriorities) {
    const assessmentId = viersenRounds.before.id;
    await writes.assessments.prioritise({ type: 'PrioritiseItem', assessmentId, data: { itemKey, prioritisedOn: steeringOn, note } }, contextOf(steeringMember));
    const { id, parent, ...content } = goal;
    const definition = { ...content, networkId, cycleId, parentGoalId: parent ? PREVENTION_CHAIN : null, definedOn: steeringOn, decisionId: null, principleKeys: [] };
    await writes.assessments.defineGoalFromPriority(id, { assessmentId, itemKey }, definition, contextOf(steeringMember));
  }
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...concretisation } });
  await holdMeeting(exchangeMeeting);
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...reflection } });
  const derivedReview = { reviewedOn: '2026-09-15', assessment: 'on_track' as const, evidence: 'Erste gemeinsame Zielüberprüfung der Steuerungsgruppe; Sitzungen mit kinderstark vereinbart' };
  for (const { id } of viersenPriorities.map(({ goal }) => goal)) {
    await writes.goals.review({ type: 'ReviewGoal', goalId: id, data: { ...derivedReview, decisionId: null } }, context());
  }
  for (const { id, review } of demoGoals) {
    const held = review ?? { reviewedOn: '2026-09-15', assessment: 'on_track' as const, evidence: 'Zusammenschau der Handlungsziele in der Steuerungsgruppe' };
    await writes.goals.review({ type: 'ReviewGoal', goalId: id, data: { ...held, decisionId: null } }, context());
  }
  await holdMeeting(reflectionMeeting);
  const decisionId = VIERSEN.reorientationDecision;
  const { goalId: adjustedId, ...adjustment } = demoReorientation;
  for (const { id } of [...demoGoals, ...viersenPriorities.map(({ goal }) => goal)]) {
    const data =
      id === adjustedId
        ? { ...adjustment, decisionId }
        : { decision: 'continue' as const, rationale: 'Das Ziel ist auf gutem Weg und wird im nächsten Kreislauf fortgeführt.', reorientedOn: '2026-09-16', changes: null, decisionId };
    await writes.goals.reorient({ type: 'ReorientGoal', goalId: id, data }, null, context());
  }

  // The cycle closes, the next one opens with every active goal carried over, and the network assesses itself again.
  const { cycleId: nextCycleId, firstPhase, closingOfFirst, ...nextCycle } = viersenNextCycle;
  await network({ type: 'CloseCycle', networkId, data: { cycleId, closedOn: closingOfFirst } });
  await network({ type: 'OpenCycle', networkId, data: { cycleId: nextCycleId, ...nextCycle } });
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId: nextCycleId, ...firstPhase } });
  await assess(viersenRounds.after, nextCycleId);
  return networkId;
}
