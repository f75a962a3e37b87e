import { Command } from '@nestjs/cqrs';
import { DescribeOrganisation, DissolveBody, EstablishBody, JoinOrganisation, LeaveOrganisation, ProposeTopic, RecordDecision, ScheduleMeeting } from '@kreislauf/domain';
import { CommandContext, WriteResult } from '../write/command-context';

/** Personal data in these commands is sealed already; the handlers add the facts from other streams. */
export class JoinOrganisationCommand extends Command<WriteResult> {
  constructor(
    readonly organisationId: string,
    readonly data: JoinOrganisation['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ExecuteOrganisationCommand extends Command<WriteResult> {
  constructor(
    readonly command: DescribeOrganisation | LeaveOrganisation,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class EstablishBodyCommand extends Command<WriteResult> {
  constructor(
    readonly bodyId: string,
    readonly data: EstablishBody['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ChangeBodyMembersCommand extends Command<WriteResult> {
  constructor(
    readonly bodyId: string,
    readonly data: { members: EstablishBody['data']['members']; changedOn: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class DissolveBodyCommand extends Command<WriteResult> {
  constructor(
    readonly command: DissolveBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ScheduleMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly meetingId: string,
    readonly data: ScheduleMeeting['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class RecordAttendanceCommand extends Command<WriteResult> {
  constructor(
    readonly meetingId: string,
    readonly data: { heldOn: string; attendance: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Propose a topic or record a decision: the id written is the topic's or the decision's. */
export class ExecuteMeetingCommand extends Command<WriteResult> {
  constructor(
    readonly command: Omit<ProposeTopic, 'facts'> | RecordDecision,
    readonly context: CommandContext,
  ) {
    super();
  }
}
