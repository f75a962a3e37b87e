import { randomUUID } from 'node:crypto';
import {
  BodyCommand,
  bodyDecider,
  bodyEventOccurredOn,
  BodyMember,
  BodyState,
  DecisionSubject,
  EstablishBody,
  JoinOrganisation,
  MeetingCommand,
  meetingDecider,
  meetingEventOccurredOn,
  MeetingState,
  OrganisationCommand,
  OrganisationDescription,
  organisationDecider,
  organisationEventOccurredOn,
  OrganisationState,
  SealedPersonalData,
} from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { coordinator } from '../testing/event-history';
import { EventRecorder } from '../testing/event-recorder';

export const sealed = (personId: string = randomUUID()): SealedPersonalData => ({ personId, sealed: `sealed-${personId}` });

/**
 * A history of organisations, bodies and meetings, decided by the real deciders with the facts a handler
 * would find, so that every event is one the domain would write.
 */
export class StructureHistory {
  private readonly recorder = new EventRecorder();
  private readonly organisations = new Map<string, OrganisationState>();
  private readonly bodies = new Map<string, BodyState>();
  private readonly meetings = new Map<string, MeetingState>();

  join(organisationId: string, data: Partial<JoinOrganisation['data']> & Pick<JoinOrganisation['data'], 'networkId'>): this {
    return this.organisation({
      type: 'JoinOrganisation',
      organisationId,
      data: { ...description(), joinedOn: '2026-01-10', ...data },
      facts: { network: { registered: true } },
    });
  }

  describe(organisationId: string, describedOn: string, data: Partial<OrganisationDescription> = {}): this {
    return this.organisation({ type: 'DescribeOrganisation', organisationId, data: { ...description(), ...data, describedOn } });
  }

  leave(organisationId: string, leftOn: string, reason = 'Träger aufgelöst'): this {
    return this.organisation({ type: 'LeaveOrganisation', organisationId, data: { leftOn, reason } });
  }

  establish(bodyId: string, data: Partial<EstablishBody['data']> & Pick<EstablishBody['data'], 'networkId'>): this {
    const full: EstablishBody['data'] = { kind: 'steering_group', name: 'Steuerungsgruppe', meetingsPerYear: 5, members: [], establishedOn: '2026-02-01', ...data };
    return this.body({ type: 'EstablishBody', bodyId, data: full, facts: this.membershipFacts(full.members) });
  }

  changeMembers(bodyId: string, members: BodyMember[], changedOn: string): this {
    return this.body({ type: 'ChangeBodyMembers', bodyId, data: { members, changedOn }, facts: this.membershipFacts(members) });
  }

  dissolve(bodyId: string, dissolvedOn: string, reason = 'Auftrag erfüllt'): this {
    return this.body({ type: 'DissolveBody', bodyId, data: { dissolvedOn, reason } });
  }

  schedule(meetingId: string, bodyId: string, scheduledFor: string, title = 'Sitzung', contactPerson: SealedPersonalData | null = null): this {
    const body = this.bodies.get(bodyId);
    if (!body || body.status === 'none') throw new Error(`body ${bodyId} is not established`);
    return this.meeting({
      type: 'ScheduleMeeting',
      meetingId,
      data: { networkId: body.networkId, bodyId, scheduledFor, title, contactPerson },
      facts: { body: { networkId: body.networkId, status: body.status, establishedOn: body.establishedOn, dissolvedOn: body.dissolvedOn } },
    });
  }

  propose(meetingId: string, topicId: string, proposedOn: string, title = 'Thema', proposedByOrganisationId: string | null = null): this {
    const data = { topicId, title, description: '', proposedByOrganisationId, proposedOn };
    return this.meeting({ type: 'ProposeTopic', meetingId, data, facts: { proposer: proposedByOrganisationId ? this.namedOrganisation(proposedByOrganisationId) : null } });
  }

  hold(meetingId: string, heldOn: string, attendance: string[]): this {
    const meeting = this.meetings.get(meetingId);
    const body = meeting && meeting.status !== 'none' ? this.bodies.get(meeting.bodyId) : undefined;
    const bodyMemberIds = body && body.status !== 'none' ? body.memberIds : [];
    const organisations = Object.fromEntries(attendance.map((id) => [id, this.namedOrganisation(id)]));
    return this.meeting({ type: 'RecordAttendance', meetingId, data: { heldOn, attendance }, facts: { bodyMemberIds, organisations } });
  }

  decide(meetingId: string, decisionId: string, subject: DecisionSubject, text = 'Beschluss', topicId: string | null = null): this {
    return this.meeting({ type: 'RecordDecision', meetingId, data: { decisionId, text, subject, topicId } });
  }

  storedEvents(): StoredEvent[] {
    return this.recorder.storedEvents();
  }

  private namedOrganisation(organisationId: string): { networkId: string } | null {
    const state = this.organisations.get(organisationId);
    return state && state.status !== 'none' ? { networkId: state.networkId } : null;
  }

  private membershipFacts(members: BodyMember[]): EstablishBody['facts'] {
    const organisations: EstablishBody['facts']['organisations'] = {};
    for (const { organisationId } of members) {
      const state = this.organisations.get(organisationId);
      organisations[organisationId] = state && state.status !== 'none' ? { networkId: state.networkId, joinedOn: state.joinedOn, leftOn: state.leftOn } : null;
    }
    return { network: { registered: true }, organisations };
  }

  private organisation(command: OrganisationCommand): this {
    const state = this.organisations.get(command.organisationId) ?? organisationDecider.initialState;
    const events = organisationDecider.decide(command, state);
    const next = events.reduce(organisationDecider.evolve, state);
    this.organisations.set(command.organisationId, next);
    this.recorder.record(`organisation-${command.organisationId}`, events, { actor: coordinator, networkId: next.status === 'none' ? '' : next.networkId, occurredOn: organisationEventOccurredOn });
    return this;
  }

  private body(command: BodyCommand): this {
    const state = this.bodies.get(command.bodyId) ?? bodyDecider.initialState;
    const events = bodyDecider.decide(command, state);
    const next = events.reduce(bodyDecider.evolve, state);
    this.bodies.set(command.bodyId, next);
    this.recorder.record(`body-${command.bodyId}`, events, { actor: coordinator, networkId: next.status === 'none' ? '' : next.networkId, occurredOn: bodyEventOccurredOn });
    return this;
  }

  private meeting(command: MeetingCommand): this {
    const state = this.meetings.get(command.meetingId) ?? meetingDecider.initialState;
    const events = meetingDecider.decide(command, state);
    const next = events.reduce(meetingDecider.evolve, state);
    this.meetings.set(command.meetingId, next);
    this.recorder.record(`meeting-${command.meetingId}`, events, { actor: coordinator, networkId: next.status === 'none' ? '' : next.networkId, occurredOn: meetingEventOccurredOn });
    return this;
  }
}

function description(): Omit<OrganisationDescription, 'contactPerson'> & { contactPerson: SealedPersonalData | null } {
  return {
    name: 'Familienzentrum Vingst',
    sector: 'day_care',
    namedInKkg: true,
    tasks: 'Betreuung und Familienberatung',
    mandates: 'SGB VIII § 22',
    roles: 'Anlaufstelle im Quartier',
    resources: 'Zwei Fachkräfte',
    limits: '',
    contactPerson: null,
  };
}
