import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  BodyCommand,
  bodyDecider,
  bodyEventOccurredOn,
  BodyMember,
  BodyNotFound,
  MeetingCommand,
  meetingDecider,
  meetingEventOccurredOn,
  MeetingNotFound,
  MembershipFacts,
  NamedOrganisation,
  networkDecider,
  OrganisationCommand,
  organisationDecider,
  organisationEventOccurredOn,
  OrganisationNotFound,
} from '@kreislauf/domain';
import { networkStream } from '../networks/network-command.handler';
import { CommandContext, WriteResult } from '../write/command-context';
import { EventSourcedExecutor } from '../write/event-sourced-executor';
import {
  ChangeBodyMembersCommand,
  DissolveBodyCommand,
  EstablishBodyCommand,
  ExecuteMeetingCommand,
  ExecuteOrganisationCommand,
  JoinOrganisationCommand,
  RecordAttendanceCommand,
  ScheduleMeetingCommand,
} from './structure.commands';

export const organisationStream = (organisationId: string) => `organisation-${organisationId}`;
export const bodyStream = (bodyId: string) => `body-${bodyId}`;
export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;

/** Loads what the deciders need from other streams, then decides and appends on the aggregate's own stream. */
abstract class StructureWriter {
  constructor(protected readonly executor: EventSourcedExecutor) {}

  protected async writeOrganisation(command: OrganisationCommand, context: CommandContext): Promise<Omit<WriteResult, 'id'>> {
    return this.executor.execute(organisationDecider, organisationStream(command.organisationId), command, context, (event, state) => ({
      networkId: event.type === 'OrganisationJoined' ? event.data.networkId : state.status !== 'none' ? state.networkId : missing(new OrganisationNotFound(command.organisationId)),
      occurredAt: organisationEventOccurredOn(event),
      ...(event.type === 'OrganisationLeft' ? { reason: event.data.reason } : {}),
    }));
  }

  protected async writeBody(command: BodyCommand, context: CommandContext): Promise<Omit<WriteResult, 'id'>> {
    return this.executor.execute(bodyDecider, bodyStream(command.bodyId), command, context, (event, state) => ({
      networkId: event.type === 'BodyEstablished' ? event.data.networkId : state.status !== 'none' ? state.networkId : missing(new BodyNotFound(command.bodyId)),
      occurredAt: bodyEventOccurredOn(event),
      ...(event.type === 'BodyDissolved' ? { reason: event.data.reason } : {}),
    }));
  }

  protected async writeMeeting(command: MeetingCommand, context: CommandContext): Promise<Omit<WriteResult, 'id'>> {
    return this.executor.execute(meetingDecider, meetingStream(command.meetingId), command, context, (event, state) => ({
      networkId: event.type === 'MeetingScheduled' ? event.data.networkId : state.status !== 'none' ? state.networkId : missing(new MeetingNotFound(command.meetingId)),
      occurredAt: meetingEventOccurredOn(event),
    }));
  }

  protected async networkRegistered(networkId: string): Promise<{ registered: boolean }> {
    const { state } = await this.executor.load(networkDecider, networkStream(networkId));
    return { registered: state.status === 'registered' };
  }

  /** The network of an organisation a command names, from its stream; null when it does not exist. */
  protected async namedOrganisation(organisationId: string): Promise<NamedOrganisation> {
    const { state } = await this.executor.load(organisationDecider, organisationStream(organisationId));
    return state.status === 'none' ? null : { networkId: state.networkId };
  }

  /** What each named organisation's stream says: its network, when it joined, whether it left. */
  protected async membershipFacts(networkId: string, members: BodyMember[]): Promise<MembershipFacts> {
    const ids = [...new Set(members.map((member) => member.organisationId))];
    const loaded = await Promise.all(ids.map(async (id) => [id, (await this.executor.load(organisationDecider, organisationStream(id))).state] as const));
    const organisations: MembershipFacts['organisations'] = {};
    for (const [id, state] of loaded) {
      organisations[id] = state.status === 'none' ? null : { networkId: state.networkId, joinedOn: state.joinedOn, leftOn: state.leftOn };
    }
    return { network: await this.networkRegistered(networkId), organisations };
  }
}

function missing(error: Error): never {
  throw error;
}

@CommandHandler(JoinOrganisationCommand)
export class JoinOrganisationHandler extends StructureWriter implements ICommandHandler<JoinOrganisationCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ organisationId, data, context }: JoinOrganisationCommand): Promise<WriteResult> {
    const facts = { network: await this.networkRegistered(data.networkId) };
    return { id: organisationId, ...(await this.writeOrganisation({ type: 'JoinOrganisation', organisationId, data, facts }, context)) };
  }
}

@CommandHandler(ExecuteOrganisationCommand)
export class ExecuteOrganisationHandler extends StructureWriter implements ICommandHandler<ExecuteOrganisationCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ command, context }: ExecuteOrganisationCommand): Promise<WriteResult> {
    return { id: command.organisationId, ...(await this.writeOrganisation(command, context)) };
  }
}

@CommandHandler(EstablishBodyCommand)
export class EstablishBodyHandler extends StructureWriter implements ICommandHandler<EstablishBodyCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ bodyId, data, context }: EstablishBodyCommand): Promise<WriteResult> {
    const facts = await this.membershipFacts(data.networkId, data.members);
    return { id: bodyId, ...(await this.writeBody({ type: 'EstablishBody', bodyId, data, facts }, context)) };
  }
}

@CommandHandler(ChangeBodyMembersCommand)
export class ChangeBodyMembersHandler extends StructureWriter implements ICommandHandler<ChangeBodyMembersCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ bodyId, data, context }: ChangeBodyMembersCommand): Promise<WriteResult> {
    const { state } = await this.executor.load(bodyDecider, bodyStream(bodyId));
    if (state.status === 'none') throw new BodyNotFound(bodyId);
    const facts = await this.membershipFacts(state.networkId, data.members);
    return { id: bodyId, ...(await this.writeBody({ type: 'ChangeBodyMembers', bodyId, data, facts }, context)) };
  }
}

@CommandHandler(DissolveBodyCommand)
export class DissolveBodyHandler extends StructureWriter implements ICommandHandler<DissolveBodyCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ command, context }: DissolveBodyCommand): Promise<WriteResult> {
    return { id: command.bodyId, ...(await this.writeBody(command, context)) };
  }
}

@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler extends StructureWriter implements ICommandHandler<ScheduleMeetingCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ meetingId, data, context }: ScheduleMeetingCommand): Promise<WriteResult> {
    const { state: body } = await this.executor.load(bodyDecider, bodyStream(data.bodyId));
    const facts = {
      body: body.status === 'none' ? null : { networkId: body.networkId, status: body.status, establishedOn: body.establishedOn, dissolvedOn: body.dissolvedOn },
    };
    return { id: meetingId, ...(await this.writeMeeting({ type: 'ScheduleMeeting', meetingId, data, facts }, context)) };
  }
}

@CommandHandler(RecordAttendanceCommand)
export class RecordAttendanceHandler extends StructureWriter implements ICommandHandler<RecordAttendanceCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ meetingId, data, context }: RecordAttendanceCommand): Promise<WriteResult> {
    const { state: meeting } = await this.executor.load(meetingDecider, meetingStream(meetingId));
    if (meeting.status === 'none') throw new MeetingNotFound(meetingId);
    const { state: body } = await this.executor.load(bodyDecider, bodyStream(meeting.bodyId));
    const bodyMemberIds = body.status === 'none' ? [] : body.memberIds;
    const others = data.attendance.filter((id) => !bodyMemberIds.includes(id));
    const facts = { bodyMemberIds, organisations: Object.fromEntries(await Promise.all(others.map(async (id) => [id, await this.namedOrganisation(id)] as const))) };
    return { id: meetingId, ...(await this.writeMeeting({ type: 'RecordAttendance', meetingId, data, facts }, context)) };
  }
}

@CommandHandler(ExecuteMeetingCommand)
export class ExecuteMeetingHandler extends StructureWriter implements ICommandHandler<ExecuteMeetingCommand, WriteResult> {
  constructor(executor: EventSourcedExecutor) {
    super(executor);
  }

  async execute({ command, context }: ExecuteMeetingCommand): Promise<WriteResult> {
    if (command.type === 'RecordDecision') return { id: command.data.decisionId, ...(await this.writeMeeting(command, context)) };
    const { proposedByOrganisationId } = command.data;
    const facts = { proposer: proposedByOrganisationId === null ? null : await this.namedOrganisation(proposedByOrganisationId) };
    return { id: command.data.topicId, ...(await this.writeMeeting({ ...command, facts }, context)) };
  }
}
