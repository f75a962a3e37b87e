import {
  BODY_EVENT_TYPES,
  BodyEvent,
  MEETING_EVENT_TYPES,
  MeetingEvent,
  ORGANISATION_EVENT_TYPES,
  OrganisationDescription,
  OrganisationEvent,
} from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager, In, ObjectLiteral } from 'typeorm';
import { Projection } from '../projection';
import { idOfStream } from '../stream-ids';
import { DecisionRow } from './decision.entity';
import { BodyRow, MeetingRow, OrganisationDescriptionView, OrganisationRow } from './structure.entities';

const UPSERT_CHUNK = 500;
const EVENT_TYPES: readonly string[] = [...ORGANISATION_EVENT_TYPES, ...BODY_EVENT_TYPES, ...MEETING_EVENT_TYPES];

/**
 * Organisations, bodies, meetings and decisions in one projection: a decision's row names the body its
 * meeting belongs to, so the bodies are at hand. Each row keeps its stream's version; a replayed event is skipped.
 */
export class StructureProjection implements Projection {
  readonly name = 'structure';
  readonly eventTypes = EVENT_TYPES;
  readonly tables = ['rm_organisations', 'rm_bodies', 'rm_meetings', 'rm_decisions'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const relevant = events.filter((event) => EVENT_TYPES.includes(event.type));
    if (relevant.length === 0) return;
    const idsOf = (prefix: string) => [...new Set(relevant.filter((event) => event.streamId.startsWith(prefix)).map((event) => idOfStream(event.streamId)))];

    const organisations = await loadRows(manager, OrganisationRow, idsOf('organisation-'));
    const meetings = await loadRows(manager, MeetingRow, idsOf('meeting-'));
    const scheduledBodyIds = relevant.filter((event) => event.type === 'MeetingScheduled').map((event) => (event as unknown as MeetingEvent & { type: 'MeetingScheduled' }).data.bodyId);
    const bodyIds = [...new Set([...idsOf('body-'), ...scheduledBodyIds, ...[...meetings.values()].map((meeting) => meeting.bodyId)])];
    const bodies = await loadRows(manager, BodyRow, bodyIds);
    const decisions = new Map<string, DecisionRow>();
    const touched = { organisations: new Set<string>(), bodies: new Set<string>(), meetings: new Set<string>() };

    for (const event of relevant) {
      const id = idOfStream(event.streamId);
      if (event.streamId.startsWith('organisation-')) {
        const row = organisations.get(id);
        if (row && event.streamVersion <= row.version) continue;
        const next = evolveOrganisation(row, id, event as unknown as OrganisationEvent);
        if (!next) continue;
        next.version = event.streamVersion;
        organisations.set(id, next);
        touched.organisations.add(id);
      } else if (event.streamId.startsWith('body-')) {
        const row = bodies.get(id);
        if (row && event.streamVersion <= row.version) continue;
        const next = evolveBody(row, id, event as unknown as BodyEvent);
        if (!next) continue;
        next.version = event.streamVersion;
        bodies.set(id, next);
        touched.bodies.add(id);
      } else if (event.streamId.startsWith('meeting-')) {
        const row = meetings.get(id);
        if (row && event.streamVersion <= row.version) continue;
        const meetingEvent = event as unknown as MeetingEvent;
        const next = evolveMeeting(row, id, meetingEvent);
        if (!next) continue;
        next.version = event.streamVersion;
        meetings.set(id, next);
        touched.meetings.add(id);
        if (meetingEvent.type === 'DecisionRecorded') decisions.set(meetingEvent.data.decisionId, decisionRow(next, bodies.get(next.bodyId), meetingEvent));
      }
    }

    await upsertAll(manager, OrganisationRow, [...touched.organisations].map((id) => organisations.get(id)!));
    await upsertAll(manager, BodyRow, [...touched.bodies].map((id) => bodies.get(id)!));
    await upsertAll(manager, MeetingRow, [...touched.meetings].map((id) => meetings.get(id)!));
    await upsertAll(manager, DecisionRow, [...decisions.values()]);
  }
}

async function loadRows<Row extends ObjectLiteral & { id: string }>(manager: EntityManager, entity: new () => Row, ids: string[]): Promise<Map<string, Row>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.findBy(entity, { id: In(ids) } as never);
  return new Map(rows.map((row) => [row.id, row]));
}

async function upsertAll<Row extends ObjectLiteral>(manager: EntityManager, entity: new () => Row, rows: Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
    await manager.upsert(entity, rows.slice(start, start + UPSERT_CHUNK) as never, ['id']);
  }
}

function evolveOrganisation(row: OrganisationRow | undefined, id: string, event: OrganisationEvent): OrganisationRow | undefined {
  if (event.type === 'OrganisationJoined') {
    const { networkId, joinedOn, ...description } = event.data;
    const first = { ...descriptionOf(description), since: joinedOn };
    return Object.assign(new OrganisationRow(), { id, networkId, joinedOn, leftOn: null, leftReason: null, descriptions: [first], version: 0 }, currentOf([first]));
  }
  if (!row) return undefined; // an organisation stream starts with its joining
  switch (event.type) {
    case 'OrganisationDescribed': {
      const { describedOn, ...description } = event.data;
      // Ordered by the day it holds from; a description dated like an earlier one comes after it.
      const descriptions = [...row.descriptions, { ...descriptionOf(description), since: describedOn }].sort((a, b) => a.since.localeCompare(b.since));
      return Object.assign(row, { descriptions }, currentOf(descriptions));
    }
    case 'OrganisationLeft':
      return Object.assign(row, { leftOn: event.data.leftOn, leftReason: event.data.reason });
  }
}

function descriptionOf(data: OrganisationDescription): OrganisationDescription {
  const { name, sector, namedInKkg, tasks, mandates, roles, resources, limits, contactPerson } = data;
  return { name, sector, namedInKkg, tasks, mandates, roles, resources, limits, contactPerson };
}

function currentOf(descriptions: OrganisationDescriptionView[]): OrganisationDescription {
  return descriptionOf(descriptions[descriptions.length - 1]);
}

function evolveBody(row: BodyRow | undefined, id: string, event: BodyEvent): BodyRow | undefined {
  if (event.type === 'BodyEstablished') {
    const { networkId, kind, name, meetingsPerYear, members, establishedOn } = event.data;
    return Object.assign(new BodyRow(), {
      id,
      networkId,
      kind,
      name,
      meetingsPerYear,
      members,
      memberHistory: [{ since: establishedOn, members }],
      establishedOn,
      dissolvedOn: null,
      dissolvedReason: null,
      version: 0,
    });
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'BodyMembersChanged':
      return Object.assign(row, { members: event.data.members, memberHistory: [...row.memberHistory, { since: event.data.changedOn, members: event.data.members }] });
    case 'BodyDissolved':
      return Object.assign(row, { dissolvedOn: event.data.dissolvedOn, dissolvedReason: event.data.reason });
  }
}

function evolveMeeting(row: MeetingRow | undefined, id: string, event: MeetingEvent): MeetingRow | undefined {
  if (event.type === 'MeetingScheduled') {
    const { networkId, bodyId, title, scheduledFor, contactPerson } = event.data;
    return Object.assign(new MeetingRow(), { id, networkId, bodyId, title, scheduledFor, contactPerson, topics: [], heldOn: null, attendance: [], decisions: [], version: 0 });
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'TopicProposed':
      return Object.assign(row, { topics: [...row.topics, { ...event.data }] });
    case 'MeetingHeld':
      return Object.assign(row, { heldOn: event.data.heldOn, attendance: event.data.attendance });
    case 'DecisionRecorded':
      return Object.assign(row, { decisions: [...row.decisions, { ...event.data }] });
  }
}

function decisionRow(meeting: MeetingRow, body: BodyRow | undefined, event: MeetingEvent & { type: 'DecisionRecorded' }): DecisionRow {
  return Object.assign(new DecisionRow(), {
    id: event.data.decisionId,
    networkId: meeting.networkId,
    meetingId: meeting.id,
    bodyId: meeting.bodyId,
    // A meeting is only scheduled for an established body, so its row is there; '' guards a broken history.
    bodyName: body?.name ?? '',
    bodyKind: body?.kind ?? '',
    decidedOn: event.data.decidedOn,
    text: event.data.text,
    subject: event.data.subject,
  });
}
