import {
  bodyDecider,
  BodyState,
  Decider,
  meetingDecider,
  MeetingState,
  MembershipFacts,
  NetworkAlreadyRegistered,
  NetworkCommand,
  networkDecider,
  NetworkState,
  organisationDecider,
  OrganisationState,
  PersonalData,
  SECTOR_KEYS,
} from '@kreislauf/domain';
import { PersonalDataVault } from '../people/personal-data-vault';
import { CommandContext, WriteResult } from '../write/command-context';
import { DemoWrites } from './demo-writes';

type KalkWrites = Pick<DemoWrites, 'networks' | 'organisations' | 'bodies' | 'meetings'>;
import {
  KALK_AK_KITAS_ID,
  KALK_AK_TRANSITION_ID,
  KALK_NETWORK_ID,
  KALK_PLENARY_ID,
  KALK_STEERING_GROUP_ID,
  kalkActor,
  kalkBodies,
  kalkBodyMembersOn,
  kalkCoordinators,
  kalkDeparture,
  kalkMeetings,
  kalkNetwork,
  kalkOrganisations,
  loadKalkNetwork,
} from './kalk-network';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const organisationIds = new Set(kalkOrganisations.map((organisation) => organisation.id));
const bodyOf = (bodyId: string) => kalkBodies.find((body) => body.id === bodyId)!;
const organisationOf = (id: string) => kalkOrganisations.find((organisation) => organisation.id === id)!;
const hasLeftBy = (id: string, day: string) => id === kalkDeparture.organisationId && kalkDeparture.leftOn <= day;

describe('the Kalk demo network', () => {
  it('has 30 member organisations, exactly 12 of them day-care centres, in known sectors', () => {
    expect(kalkOrganisations).toHaveLength(30);
    expect(kalkOrganisations.filter((organisation) => organisation.sector === 'day_care')).toHaveLength(12);
    for (const organisation of kalkOrganisations) expect(SECTOR_KEYS).toContain(organisation.sector);
    expect(new Set(kalkOrganisations.map((organisation) => organisation.sector)).size).toBeGreaterThanOrEqual(8);
    expect(kalkOrganisations.some((organisation) => organisation.namedInKkg)).toBe(true);
    expect(new Set(kalkOrganisations.map((organisation) => organisation.name)).size).toBe(30);
  });

  it('registers the network for the three districts', () => {
    expect(kalkNetwork.name).toBe('Kalker Netzwerk für Familien');
    expect(kalkNetwork.municipalities).toEqual(['Höhenberg', 'Vingst', 'Kalk']);
    for (const organisation of kalkOrganisations) expect(organisation.joinedOn >= kalkNetwork.registeredOn).toBe(true);
  });

  it('uses fixed, unique UUIDs', () => {
    const ids = [
      KALK_NETWORK_ID,
      ...kalkOrganisations.map((organisation) => organisation.id),
      ...kalkBodies.map((body) => body.id),
      ...kalkMeetings.map((meeting) => meeting.id),
      ...kalkMeetings.flatMap((meeting) => meeting.topics.map((topic) => topic.topicId)),
      ...kalkMeetings.flatMap((meeting) => meeting.decisions.map((decision) => decision.decisionId)),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    for (const id of ids) expect(id.startsWith('6a1b')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has a plenary 4×, a steering group 5× a year, the Arbeitskreis Kitas of the 12 Kitas and a working group that dissolves', () => {
    expect(bodyOf(KALK_PLENARY_ID)).toMatchObject({ kind: 'plenary', meetingsPerYear: 4, dissolution: null });
    expect(bodyOf(KALK_STEERING_GROUP_ID)).toMatchObject({ kind: 'steering_group', meetingsPerYear: 5, dissolution: null });
    const kitas = kalkOrganisations.filter((organisation) => organisation.sector === 'day_care').map((organisation) => organisation.id);
    expect(bodyOf(KALK_AK_KITAS_ID)).toMatchObject({ kind: 'working_group', name: 'Arbeitskreis Kitas' });
    expect([...kalkBodyMembersOn(bodyOf(KALK_AK_KITAS_ID), '2026-12-31')].sort()).toEqual([...kitas].sort());
    const transition = bodyOf(KALK_AK_TRANSITION_ID);
    expect(transition.kind).toBe('working_group');
    expect(transition.dissolution!.dissolvedOn > transition.establishedOn).toBe(true);
  });

  it('names only organisations of the network as body members, once each, while they are members', () => {
    for (const body of kalkBodies) {
      for (const { on, members } of [{ on: body.establishedOn, members: body.members }, ...body.memberChanges.map((change) => ({ on: change.changedOn, members: change.members }))]) {
        const ids = members.map((member) => member.organisationId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) {
          expect(organisationIds.has(id)).toBe(true);
          expect(organisationOf(id).joinedOn <= on).toBe(true);
          expect(hasLeftBy(id, on)).toBe(false);
        }
        expect(on >= body.establishedOn).toBe(true);
        if (body.dissolution) expect(on <= body.dissolution.dissolvedOn).toBe(true);
      }
    }
  });

  it('lets one organisation leave in 2026 and drops it from the plenary', () => {
    expect(organisationIds.has(kalkDeparture.organisationId)).toBe(true);
    expect(kalkDeparture.leftOn.startsWith('2026-')).toBe(true);
    for (const body of kalkBodies) expect(kalkBodyMembersOn(body, kalkDeparture.leftOn)).not.toContain(kalkDeparture.organisationId);
  });

  it('schedules each meeting after its body was established and, for a dissolved body, before it was dissolved', () => {
    for (const meeting of kalkMeetings) {
      const body = bodyOf(meeting.bodyId);
      expect(body).toBeDefined();
      expect(meeting.scheduledFor > body.establishedOn).toBe(true);
      if (body.dissolution) expect(meeting.scheduledFor <= body.dissolution.dissolvedOn).toBe(true);
      expect(meeting.scheduledFor >= '2025-01-01' && meeting.scheduledFor <= '2026-12-31').toBe(true);
    }
  });

  it('has topics proposed beforehand, by member organisations or the coordinators', () => {
    for (const meeting of kalkMeetings) {
      const body = bodyOf(meeting.bodyId);
      expect(meeting.topics.length).toBeGreaterThan(0);
      for (const topic of meeting.topics) {
        expect(topic.proposedOn <= meeting.scheduledFor).toBe(true);
        expect(topic.proposedOn >= body.establishedOn).toBe(true);
        if (meeting.held) expect(topic.proposedOn <= meeting.held.heldOn).toBe(true);
        if (topic.proposedByOrganisationId !== null) {
          expect(organisationIds.has(topic.proposedByOrganisationId)).toBe(true);
          expect(hasLeftBy(topic.proposedByOrganisationId, topic.proposedOn)).toBe(false);
        }
      }
    }
  });

  it('records attendance only of organisations that are members of the body on the day', () => {
    for (const meeting of kalkMeetings.filter((candidate) => candidate.held)) {
      const { heldOn, attendance } = meeting.held!;
      const members = kalkBodyMembersOn(bodyOf(meeting.bodyId), heldOn);
      expect(attendance.length).toBeGreaterThan(0);
      expect(new Set(attendance).size).toBe(attendance.length);
      for (const id of attendance) {
        expect(organisationIds.has(id)).toBe(true);
        expect(members).toContain(id);
        expect(hasLeftBy(id, heldOn)).toBe(false);
      }
    }
  });

  it('records decisions only in held meetings, on topics of that meeting', () => {
    const decisions = kalkMeetings.flatMap((meeting) => meeting.decisions.map((decision) => ({ meeting, decision })));
    for (const { meeting, decision } of decisions) {
      expect(meeting.held).not.toBeNull();
      if (decision.topicId !== null) expect(meeting.topics.map((topic) => topic.topicId)).toContain(decision.topicId);
      expect(decision.text.length).toBeGreaterThan(0);
    }
    expect(decisions.filter(({ decision }) => decision.subject === 'leitbild_adoption')).toHaveLength(1);
    expect(decisions.filter(({ decision }) => decision.subject === 'goal_definition').length).toBeGreaterThanOrEqual(2);
    expect(decisions.filter(({ decision }) => decision.subject === 'other').length).toBeGreaterThan(decisions.length / 2);
    expect(kalkMeetings.some((meeting) => meeting.held === null)).toBe(true);
  });

  it('names only invented people with example.org addresses', () => {
    const people: PersonalData[] = [
      ...kalkCoordinators,
      ...kalkOrganisations.flatMap((organisation) => (organisation.contactPerson ? [organisation.contactPerson] : [])),
      ...kalkBodies.flatMap((body) => [...body.members, ...body.memberChanges.flatMap((change) => change.members)].flatMap((member) => (member.representative ? [member.representative] : []))),
      ...kalkMeetings.flatMap((meeting) => (meeting.contactPerson ? [meeting.contactPerson] : [])),
    ];
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) expect(person.email).toMatch(/@example\.org$/);
    expect(kalkCoordinators).toHaveLength(2);
  });
});

/**
 * Replays what loadKalkNetwork sends through the domain's deciders, with the facts the writes would load:
 * every write must be accepted, in the order the loader sends it.
 */
class DeciderWrites {
  readonly sent: string[] = [];
  private readonly network = new Map<string, NetworkState>();
  private readonly organisations = new Map<string, OrganisationState>();
  private readonly bodies = new Map<string, BodyState>();
  private readonly meetings = new Map<string, MeetingState>();

  readonly writes: KalkWrites = {
    networks: {
      execute: async (command) => this.write('network', networkDecider, this.network, command.networkId, command as NetworkCommand),
    },
    organisations: {
      join: async (organisationId, data) => {
        const facts = { network: this.registered(data.networkId) };
        return this.write('organisation', organisationDecider, this.organisations, organisationId, { type: 'JoinOrganisation', organisationId, data, facts });
      },
      leave: async (command) => this.write('organisation', organisationDecider, this.organisations, command.organisationId, command),
    },
    bodies: {
      establish: async (bodyId, data) => {
        const facts = this.membershipFacts(data.networkId, data.members);
        return this.write('body', bodyDecider, this.bodies, bodyId, { type: 'EstablishBody', bodyId, data, facts });
      },
      changeMembers: async (bodyId, data) => {
        const state = this.bodies.get(bodyId)!;
        const facts = this.membershipFacts(state.status === 'none' ? '' : state.networkId, data.members);
        return this.write('body', bodyDecider, this.bodies, bodyId, { type: 'ChangeBodyMembers', bodyId, data, facts });
      },
      dissolve: async (command) => this.write('body', bodyDecider, this.bodies, command.bodyId, command),
    },
    meetings: {
      schedule: async (meetingId, data) => {
        const body = this.bodies.get(data.bodyId) ?? bodyDecider.initialState;
        const facts = {
          body: body.status === 'none' ? null : { networkId: body.networkId, status: body.status, establishedOn: body.establishedOn, dissolvedOn: body.dissolvedOn },
        };
        return this.write('meeting', meetingDecider, this.meetings, meetingId, { type: 'ScheduleMeeting', meetingId, data, facts });
      },
      recordAttendance: async (meetingId, data) => {
        const meeting = this.meetings.get(meetingId)!;
        const body = meeting.status === 'none' ? bodyDecider.initialState : (this.bodies.get(meeting.bodyId) ?? bodyDecider.initialState);
        const organisations = Object.fromEntries(data.attendance.map((id) => [id, this.namedOrganisation(id)]));
        const facts = { bodyMemberIds: body.status === 'none' ? [] : body.memberIds, organisations };
        return this.write('meeting', meetingDecider, this.meetings, meetingId, { type: 'RecordAttendance', meetingId, data, facts });
      },
      proposeTopic: async (command) => {
        const { proposedByOrganisationId } = command.data;
        const facts = { proposer: proposedByOrganisationId === null ? null : this.namedOrganisation(proposedByOrganisationId) };
        return this.write('meeting', meetingDecider, this.meetings, command.meetingId, { ...command, facts });
      },
      recordDecision: async (command) => this.write('meeting', meetingDecider, this.meetings, command.meetingId, command),
    },
  };

  private namedOrganisation(organisationId: string): { networkId: string } | null {
    const state = this.organisations.get(organisationId);
    return state && state.status !== 'none' ? { networkId: state.networkId } : null;
  }

  state(): { organisations: Map<string, OrganisationState>; bodies: Map<string, BodyState>; meetings: Map<string, MeetingState> } {
    return { organisations: this.organisations, bodies: this.bodies, meetings: this.meetings };
  }

  private write<C, E, S>(stream: string, decider: Decider<C, E, S>, states: Map<string, S>, id: string, command: C): WriteResult & { leitbildVersion?: number } {
    this.sent.push(stream);
    const state = states.get(id) ?? decider.initialState;
    const events = decider.decide(command, state);
    states.set(id, events.reduce(decider.evolve, state));
    return { id, version: events.length - 1, position: '0.0' };
  }

  private registered(networkId: string): { registered: boolean } {
    return { registered: this.network.get(networkId)?.status === 'registered' };
  }

  private membershipFacts(networkId: string, members: { organisationId: string }[]): MembershipFacts {
    const organisations: MembershipFacts['organisations'] = {};
    for (const { organisationId } of members) {
      const state = this.organisations.get(organisationId);
      organisations[organisationId] = !state || state.status === 'none' ? null : { networkId: state.networkId, joinedOn: state.joinedOn, leftOn: state.leftOn };
    }
    return { network: this.registered(networkId), organisations };
  }
}

describe('loadKalkNetwork', () => {
  const context = (): CommandContext => ({ actor: kalkActor, correlationId: 'c', causationId: null, now: new Date('2026-11-25T12:00:00Z') });
  let sealed = 0;
  const vault = {
    seal: async (data: PersonalData) => ({ personId: `00000000-0000-4000-8000-${String(++sealed).padStart(12, '0')}`, sealed: JSON.stringify(data) }),
  } as unknown as PersonalDataVault;

  it('sends every write in an order the deciders accept', async () => {
    const replay = new DeciderWrites();
    await expect(loadKalkNetwork(replay.writes, vault, context)).resolves.toBe(KALK_NETWORK_ID);
    const { organisations, bodies, meetings } = replay.state();
    expect(organisations.size).toBe(30);
    expect([...organisations.values()].filter((state) => state.status === 'left')).toHaveLength(1);
    expect(bodies.get(KALK_AK_TRANSITION_ID)).toMatchObject({ status: 'dissolved' });
    expect(bodies.get(KALK_PLENARY_ID)).toMatchObject({ status: 'active' });
    expect(meetings.size).toBe(kalkMeetings.length);
    const decided = [...meetings.values()].reduce((sum, state) => sum + (state.status === 'none' ? 0 : state.decisionIds.length), 0);
    expect(decided).toBe(kalkMeetings.reduce((sum, meeting) => sum + meeting.decisions.length, 0));
    expect(sealed).toBeGreaterThan(0);
  });

  it('writes nothing more when the network is registered already', async () => {
    const replay = new DeciderWrites();
    const sent: string[] = [];
    const writes: KalkWrites = {
      ...replay.writes,
      networks: {
        execute: async (command) => {
          sent.push(command.type);
          throw new NetworkAlreadyRegistered(KALK_NETWORK_ID);
        },
      },
    };
    await expect(loadKalkNetwork(writes, vault, context)).resolves.toBeNull();
    expect(sent).toEqual(['RegisterNetwork']);
    expect(replay.sent).toEqual([]);
  });
});
