import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { NetworkAlreadyRegistered, PersonalData, SealedPersonalData } from '@kreislauf/domain';
import { DefineGoalCommand, ExecuteGoalCommand, ReorientGoalCommand } from '../goals/goal.commands';
import { ExecuteNetworkCommand } from '../networks/network.commands';
import { ListOfferCommand } from '../offers/offer.commands';
import { PersonalDataVault } from '../people/personal-data-vault';
import {
  EstablishBodyCommand,
  ExecuteMeetingCommand,
  JoinOrganisationCommand,
  RecordAttendanceCommand,
  ScheduleMeetingCommand,
} from '../structure/structure.commands';
import { CommandContext } from '../write/command-context';
import { DEMO_CYCLE_ID, DEMO_NETWORK_ID, demoActor, demoCycle, demoGoals, demoNetwork, demoReorientation } from './demo-network';
import { loadKalkNetwork } from './kalk-network';
import { VIERSEN, viersenBodies, viersenLeitbild, viersenMeetings, viersenOffers, viersenOrganisations } from './viersen-structure';

/** The demo networks: Kreis Viersen with a whole quality cycle, and the Kalker Netzwerk with its bodies. Returns those loaded now. */
export async function loadDemoNetworks(commands: CommandBus, vault: PersonalDataVault): Promise<string[]> {
  const context = (): CommandContext => ({ actor: demoActor, correlationId: randomUUID(), causationId: null, now: new Date() });
  const loaded = [await loadViersenNetwork(commands, vault, context), await loadKalkNetwork(commands, vault, context)];
  return loaded.filter((networkId): networkId is string => networkId !== null);
}

/**
 * Loads the Kreis Viersen network through the command bus, as its coordination would enter it: members,
 * bodies, offers, then one cycle from the Leitbild to the reorientation of every goal. Returns the network
 * id, or null when it is there already (then nothing is written).
 */
export async function loadViersenNetwork(commands: CommandBus, vault: PersonalDataVault, context: () => CommandContext): Promise<string | null> {
  const networkId = DEMO_NETWORK_ID;
  const cycleId = DEMO_CYCLE_ID;
  const network = (command: ExecuteNetworkCommand['command']) => commands.execute(new ExecuteNetworkCommand(command, context()));
  const seal = (person: PersonalData | null): Promise<SealedPersonalData | null> => (person ? vault.seal(person) : Promise.resolve(null));
  try {
    await network({ type: 'RegisterNetwork', networkId, data: demoNetwork });
  } catch (error) {
    if (error instanceof NetworkAlreadyRegistered) return null;
    throw error;
  }

  for (const { id, contactPerson, ...organisation } of viersenOrganisations) {
    await commands.execute(new JoinOrganisationCommand(id, { ...organisation, networkId, contactPerson: await seal(contactPerson) }, context()));
  }
  for (const { id, members, ...body } of viersenBodies) {
    const sealed = members.map((organisationId) => ({ organisationId, representative: null }));
    await commands.execute(new EstablishBodyCommand(id, { ...body, networkId, members: sealed }, context()));
  }
  for (const { id, provider, ...offer } of viersenOffers) {
    const listing = { ...offer, networkId, description: '', providerOrganisationId: provider, endsOn: null, listedOn: offer.startsOn };
    await commands.execute(new ListOfferCommand(id, listing, context()));
  }
  const [leitbildMeeting, exchangeMeeting, reflectionMeeting] = viersenMeetings;
  const holdMeeting = async (meeting: (typeof viersenMeetings)[number]) => {
    const { id: meetingId, bodyId, title, scheduledFor, contactPerson, topics, attendance, decisions } = meeting;
    await commands.execute(new ScheduleMeetingCommand(meetingId, { networkId, bodyId, title, scheduledFor, contactPerson: await seal(contactPerson) }, context()));
    for (const topic of topics) {
      const data = { topicId: topic.id, title: topic.title, description: topic.description, proposedByOrganisationId: topic.by, proposedOn: topic.on };
      await commands.execute(new ExecuteMeetingCommand({ type: 'ProposeTopic', meetingId, data }, context()));
    }
    await commands.execute(new RecordAttendanceCommand(meetingId, { heldOn: scheduledFor, attendance }, context()));
    for (const { id: decisionId, subject, text } of decisions) {
      await commands.execute(new ExecuteMeetingCommand({ type: 'RecordDecision', meetingId, data: { decisionId, text, subject, topicId: null } }, context()));
    }
  };

  const { phases, ...cycle } = demoCycle;
  const [leitbildPhase, steering, concretisation, reflection] = phases;
  await network({ type: 'OpenCycle', networkId, data: { cycleId, ...cycle } });
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...leitbildPhase } });
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
    await commands.execute(new DefineGoalCommand(id, definition, context()));
    if (indicators.length > 0 || measures.length > 0) {
      await commands.execute(new ExecuteGoalCommand({ type: 'ConcretiseGoal', goalId: id, data: { indicators, measures, concretisedOn: '2026-01-27' } }, context()));
    }
    for (const measurement of measurements) {
      await commands.execute(new ExecuteGoalCommand({ type: 'RecordMeasurement', goalId: id, data: measurement }, context()));
    }
  }
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...concretisation } });
  await holdMeeting(exchangeMeeting);
  await network({ type: 'EnterCyclePhase', networkId, data: { cycleId, ...reflection } });
  for (const { id, review } of demoGoals) {
    const held = review ?? { reviewedOn: '2026-09-15', assessment: 'on_track' as const, evidence: 'Zusammenschau der Handlungsziele in der Steuerungsgruppe' };
    await commands.execute(new ExecuteGoalCommand({ type: 'ReviewGoal', goalId: id, data: { ...held, decisionId: null } }, context()));
  }
  await holdMeeting(reflectionMeeting);
  const decisionId = VIERSEN.reorientationDecision;
  const { goalId: adjustedId, ...adjustment } = demoReorientation;
  for (const { id } of demoGoals) {
    const data =
      id === adjustedId
        ? { ...adjustment, decisionId }
        : { decision: 'continue' as const, rationale: 'Das Ziel ist auf gutem Weg und wird im nächsten Kreislauf fortgeführt.', reorientedOn: '2026-09-16', changes: null, decisionId };
    await commands.execute(new ReorientGoalCommand({ type: 'ReorientGoal', goalId: id, data }, null, context()));
  }
  return networkId;
}
