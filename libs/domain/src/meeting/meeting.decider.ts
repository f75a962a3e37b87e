import { DECISION_SUBJECTS } from '../catalogues/decision-subjects';
import { BodyIsDissolved, BodyNotFound } from '../body/body.errors';
import { Decider, IsoDate } from '../domain-event';
import { OrganisationNotFound } from '../organisation/organisation.errors';
import { MeetingCommand, NamedOrganisation, ScheduleMeeting } from './meeting.commands';
import {
  DuplicateDecision,
  DuplicateTopic,
  InvalidAttendance,
  MeetingAlreadyHeld,
  MeetingAlreadyScheduled,
  MeetingDateTooEarly,
  MeetingNotFound,
  MeetingNotHeld,
  TopicTooLate,
  UnknownDecisionSubject,
  UnknownTopic,
} from './meeting.errors';
import { DecisionRecordedData, MeetingEvent, meetingEventRegistry, MeetingHeldData, MeetingScheduledData, TopicProposedData } from './meeting.contract';

export type MeetingState =
  | { status: 'none' }
  | {
      status: 'scheduled' | 'held';
      networkId: string;
      bodyId: string;
      scheduledFor: IsoDate;
      heldOn: IsoDate | null;
      topicIds: string[];
      /** The latest date a topic was proposed on. */
      lastProposalOn: IsoDate | null;
      decisionIds: string[];
    };

export const initialMeetingState: MeetingState = { status: 'none' };

export function decideMeeting(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  if (command.type === 'ScheduleMeeting') {
    if (state.status !== 'none') throw new MeetingAlreadyScheduled(command.meetingId);
    checkScheduling(command);
    const { networkId, bodyId, scheduledFor, title, contactPerson } = command.data;
    const scheduled: MeetingScheduledData = { networkId, bodyId, scheduledFor, title, contactPerson };
    return [{ type: 'MeetingScheduled', schemaVersion: meetingEventRegistry.MeetingScheduled.version, data: scheduled }];
  }
  if (state.status === 'none') throw new MeetingNotFound(command.meetingId);

  switch (command.type) {
    case 'ProposeTopic': {
      const { data } = command;
      if (state.status === 'held') throw new MeetingAlreadyHeld(command.meetingId, state.heldOn!);
      if (data.proposedOn > state.scheduledFor) throw new TopicTooLate(data.proposedOn, state.scheduledFor);
      if (state.topicIds.includes(data.topicId)) throw new DuplicateTopic(data.topicId);
      if (data.proposedByOrganisationId !== null) ownOrganisation(data.proposedByOrganisationId, command.facts.proposer, state.networkId);
      const proposed: TopicProposedData = {
        topicId: data.topicId,
        title: data.title,
        description: data.description,
        proposedByOrganisationId: data.proposedByOrganisationId,
        proposedOn: data.proposedOn,
      };
      return [{ type: 'TopicProposed', schemaVersion: meetingEventRegistry.TopicProposed.version, data: proposed }];
    }
    case 'RecordAttendance': {
      const { data } = command;
      if (state.status === 'held') throw new MeetingAlreadyHeld(command.meetingId, state.heldOn!);
      if (state.lastProposalOn && data.heldOn < state.lastProposalOn) throw new MeetingDateTooEarly(data.heldOn, state.lastProposalOn);
      const seen = new Set<string>();
      for (const organisationId of data.attendance) {
        if (seen.has(organisationId)) throw new InvalidAttendance(organisationId, 'duplicate');
        seen.add(organisationId);
        if (command.facts.bodyMemberIds.includes(organisationId)) continue;
        ownOrganisation(organisationId, command.facts.organisations[organisationId] ?? null, state.networkId);
        throw new InvalidAttendance(organisationId, 'not_member');
      }
      const held: MeetingHeldData = { heldOn: data.heldOn, attendance: data.attendance };
      return [{ type: 'MeetingHeld', schemaVersion: meetingEventRegistry.MeetingHeld.version, data: held }];
    }
    case 'RecordDecision': {
      const { data } = command;
      if (state.status !== 'held' || !state.heldOn) throw new MeetingNotHeld(command.meetingId);
      if (!(DECISION_SUBJECTS as readonly string[]).includes(data.subject)) throw new UnknownDecisionSubject(data.subject);
      if (data.topicId !== null && !state.topicIds.includes(data.topicId)) throw new UnknownTopic(data.topicId);
      if (state.decisionIds.includes(data.decisionId)) throw new DuplicateDecision(data.decisionId);
      const recorded: DecisionRecordedData = { decisionId: data.decisionId, text: data.text, subject: data.subject, topicId: data.topicId, decidedOn: state.heldOn };
      return [{ type: 'DecisionRecorded', schemaVersion: meetingEventRegistry.DecisionRecorded.version, data: recorded }];
    }
  }
}

export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingScheduled') {
    const { data } = event;
    return { status: 'scheduled', networkId: data.networkId, bodyId: data.bodyId, scheduledFor: data.scheduledFor, heldOn: null, topicIds: [], lastProposalOn: null, decisionIds: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'TopicProposed': {
      const { proposedOn, topicId } = event.data;
      return { ...state, topicIds: [...state.topicIds, topicId], lastProposalOn: !state.lastProposalOn || proposedOn > state.lastProposalOn ? proposedOn : state.lastProposalOn };
    }
    case 'MeetingHeld':
      return { ...state, status: 'held', heldOn: event.data.heldOn };
    case 'DecisionRecorded':
      return { ...state, decisionIds: [...state.decisionIds, event.data.decisionId] };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initialState: initialMeetingState,
};

/** Another network's organisation answers as one that does not exist: its existence is not disclosed. */
function ownOrganisation(organisationId: string, organisation: NamedOrganisation, networkId: string): void {
  if (!organisation || organisation.networkId !== networkId) throw new OrganisationNotFound(organisationId);
}

function checkScheduling({ data, facts }: ScheduleMeeting): void {
  const { body } = facts;
  if (!body || body.networkId !== data.networkId) throw new BodyNotFound(data.bodyId);
  if (body.status === 'dissolved') throw new BodyIsDissolved(data.bodyId, body.dissolvedOn ?? body.establishedOn);
  if (data.scheduledFor < body.establishedOn) throw new MeetingDateTooEarly(data.scheduledFor, body.establishedOn);
}
