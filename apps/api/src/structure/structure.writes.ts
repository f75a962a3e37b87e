import { Injectable } from '@nestjs/common';
import {
  BodyCommand,
  bodyDecider,
  bodyEventOccurredOn,
  BodyMember,
  BodyNotFound,
  DescribeOrganisation,
  DissolveBody,
  EstablishBody,
  JoinOrganisation,
  LeaveOrganisation,
  MeetingCommand,
  meetingDecider,
  meetingEventOccurredOn,
  MeetingNotFound,
  MembershipFacts,
  NamedOrganisation,
  networkDecider,
  networkStreamOf,
  OrganisationCommand,
  organisationDecider,
  organisationEventOccurredOn,
  OrganisationNotFound,
  ProposeTopic,
  RecordDecision,
  ScheduleMeeting,
} from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';

export const organisationStream = (organisationId: string) => `organisation-${organisationId}`;
const bodyStream = (bodyId: string) => `body-${bodyId}`;
const meetingStream = (meetingId: string) => `meeting-${meetingId}`;

// Personal data in what these take is sealed already (see personal-data-input).

/** Every write to an organisation's stream: load, decide, append. */
@Injectable()
export class OrganisationWrites {
  constructor(private readonly executor: EventSourcedExecutor) {}

  async join(organisationId: string, data: JoinOrganisation['data'], context: CommandContext): Promise<WriteResult> {
    const facts = { network: await networkRegistered(this.executor, data.networkId) };
    return this.write({ type: 'JoinOrganisation', organisationId, data, facts }, context);
  }

  describe(command: DescribeOrganisation, context: CommandContext): Promise<WriteResult> {
    return this.write(command, context);
  }

  leave(command: LeaveOrganisation, context: CommandContext): Promise<WriteResult> {
    return this.write(command, context);
  }

  private async write(command: OrganisationCommand, context: CommandContext): Promise<WriteResult> {
    const result = await this.executor.execute(organisationDecider, organisationStream(command.organisationId), command, context, (event, state) => ({
      networkId: event.type === 'OrganisationJoined' ? event.data.networkId : state.status !== 'none' ? state.networkId : missing(new OrganisationNotFound(command.organisationId)),
      occurredAt: organisationEventOccurredOn(event),
      ...(event.type === 'OrganisationLeft' ? { reason: event.data.reason } : {}),
    }));
    return { id: command.organisationId, ...result };
  }
}

/** Every write to a body's stream: check the members against their organisations' streams, then load, decide, append. */
@Injectable()
export class BodyWrites {
  constructor(private readonly executor: EventSourcedExecutor) {}

  async establish(bodyId: string, data: EstablishBody['data'], context: CommandContext): Promise<WriteResult> {
    const facts = await this.membershipFacts(data.networkId, data.members);
    return this.write({ type: 'EstablishBody', bodyId, data, facts }, context);
  }

  async changeMembers(bodyId: string, data: { members: EstablishBody['data']['members']; changedOn: string }, context: CommandContext): Promise<WriteResult> {
    const { state } = await this.executor.load(bodyDecider, bodyStream(bodyId));
    if (state.status === 'none') throw new BodyNotFound(bodyId);
    const facts = await this.membershipFacts(state.networkId, data.members);
    return this.write({ type: 'ChangeBodyMembers', bodyId, data, facts }, context);
  }

  dissolve(command: DissolveBody, context: CommandContext): Promise<WriteResult> {
    return this.write(command, context);
  }

  private async write(command: BodyCommand, context: CommandContext): Promise<WriteResult> {
    const result = await this.executor.execute(bodyDecider, bodyStream(command.bodyId), command, context, (event, state) => ({
      networkId: event.type === 'BodyEstablished' ? event.data.networkId : state.status !== 'none' ? state.networkId : missing(new BodyNotFound(command.bodyId)),
      occurredAt: bodyEventOccurredOn(event),
      ...(event.type === 'BodyDissolved' ? { reason: event.data.reason } : {}),
    }));
    return { id: command.bodyId, ...result };
  }

  /** What each named organisation's stream says: its network, when it joined, whether it left. */
  private async membershipFacts(networkId: string, members: BodyMember[]): Promise<MembershipFacts> {
    const ids = [...new Set(members.map((member) => member.organisationId))];
    const loaded = await Promise.all(ids.map(async (id) => [id, (await this.executor.load(organisationDecider, organisationStream(id))).state] as const));
    const organisations: MembershipFacts['organisations'] = {};
    for (const [id, state] of loaded) {
      organisations[id] = state.status === 'none' ? null : { networkId: state.networkId, joinedOn: state.joinedOn, leftOn: state.leftOn };
    }
    return { network: await networkRegistered(this.executor, networkId), organisations };
  }
}

/** Every write to a meeting's stream: gather its body and the organisations it names, then load, decide, append. */
@Injectable()
export class MeetingWrites {
  constructor(private readonly executor: EventSourcedExecutor) {}

  async schedule(meetingId: string, data: ScheduleMeeting['data'], context: CommandContext): Promise<WriteResult> {
    const { state: body } = await this.executor.load(bodyDecider, bodyStream(data.bodyId));
    const facts = {
      body: body.status === 'none' ? null : { networkId: body.networkId, status: body.status, establishedOn: body.establishedOn, dissolvedOn: body.dissolvedOn },
    };
    return { id: meetingId, ...(await this.write({ type: 'ScheduleMeeting', meetingId, data, facts }, context)) };
  }

  async recordAttendance(meetingId: string, data: { heldOn: string; attendance: string[] }, context: CommandContext): Promise<WriteResult> {
    const { state: meeting } = await this.executor.load(meetingDecider, meetingStream(meetingId));
    if (meeting.status === 'none') throw new MeetingNotFound(meetingId);
    const { state: body } = await this.executor.load(bodyDecider, bodyStream(meeting.bodyId));
    const bodyMemberIds = body.status === 'none' ? [] : body.memberIds;
    const others = data.attendance.filter((id) => !bodyMemberIds.includes(id));
    const facts = { bodyMemberIds, organisations: Object.fromEntries(await Promise.all(others.map(async (id) => [id, await this.namedOrganisation(id)] as const))) };
    return { id: meetingId, ...(await this.write({ type: 'RecordAttendance', meetingId, data, facts }, context)) };
  }

  /** The id written is the topic's. */
  async proposeTopic(command: Omit<ProposeTopic, 'facts'>, context: CommandContext): Promise<WriteResult> {
    const { proposedByOrganisationId } = command.data;
    const facts = { proposer: proposedByOrganisationId === null ? null : await this.namedOrganisation(proposedByOrganisationId) };
    return { id: command.data.topicId, ...(await this.write({ ...command, facts }, context)) };
  }

  /** The id written is the decision's. */
  async recordDecision(command: RecordDecision, context: CommandContext): Promise<WriteResult> {
    return { id: command.data.decisionId, ...(await this.write(command, context)) };
  }

  private write(command: MeetingCommand, context: CommandContext): Promise<Omit<WriteResult, 'id'>> {
    return this.executor.execute(meetingDecider, meetingStream(command.meetingId), command, context, (event, state) => ({
      networkId: event.type === 'MeetingScheduled' ? event.data.networkId : state.status !== 'none' ? state.networkId : missing(new MeetingNotFound(command.meetingId)),
      occurredAt: meetingEventOccurredOn(event),
    }));
  }

  /** The network of an organisation a command names, from its stream; null when it does not exist. */
  private async namedOrganisation(organisationId: string): Promise<NamedOrganisation> {
    const { state } = await this.executor.load(organisationDecider, organisationStream(organisationId));
    return state.status === 'none' ? null : { networkId: state.networkId };
  }
}

async function networkRegistered(executor: EventSourcedExecutor, networkId: string): Promise<{ registered: boolean }> {
  const { state } = await executor.load(networkDecider, networkStreamOf(networkId));
  return { registered: state.status === 'registered' };
}

function missing(error: Error): never {
  throw error;
}
