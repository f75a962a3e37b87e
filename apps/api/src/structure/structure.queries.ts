import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, BodyNotFound, MeetingNotFound, NetworkNotFound, OrganisationNotFound, SealedPersonalData, sectorLabel } from '@kreislauf/domain';
import { BodyRow, DecisionRow, MeetingRow, NetworkRow, OrganisationDescriptionView, OrganisationRow } from '@kreislauf/read-models';
import { Between, DataSource, FindOptionsWhere, In, IsNull, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { OpenedPersonalData, PersonalDataVault } from '../people/personal-data-vault';

type Opened = OpenedPersonalData | null;
type SectorView = ReturnType<typeof sectorLabel>;

export interface BodySeat {
  bodyId: string;
  kind: string;
  name: string;
  representative: Opened;
}

export interface OrganisationOverviewItem {
  id: string;
  name: string;
  sector: SectorView;
  namedInKkg: boolean;
  tasks: string;
  mandates: string;
  roles: string;
  resources: string;
  limits: string;
  contactPerson: Opened;
  joinedOn: string;
  describedSince: string;
  bodies: BodySeat[];
}

export interface OrganisationsOverview {
  networkId: string;
  on: string;
  organisations: OrganisationOverviewItem[];
}

/** The member organisations on a day, each as described then, with the bodies it sat in. */
export class GetOrganisationsOverview extends Query<OrganisationsOverview> {
  constructor(
    readonly networkId: string,
    readonly on: string,
  ) {
    super();
  }
}

export interface OrganisationChanges {
  networkId: string;
  from: string;
  to: string;
  /** Who joined and who left, by day; on one day the joinings first. */
  changes: OrganisationChange[];
}

export type OrganisationChange =
  | { change: 'joined'; id: string; name: string; sector: SectorView; joinedOn: string }
  | { change: 'left'; id: string; name: string; sector: SectorView; leftOn: string; reason: string | null };

export class GetOrganisationChanges extends Query<OrganisationChanges> {
  constructor(
    readonly networkId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

export interface OrganisationDetail extends Omit<OrganisationOverviewItem, 'describedSince'> {
  networkId: string;
  leftOn: string | null;
  leftReason: string | null;
  descriptions: (Omit<OrganisationDescriptionView, 'contactPerson' | 'sector'> & { sector: SectorView; contactPerson: Opened })[];
  version: number;
}

export class GetOrganisation extends Query<OrganisationDetail> {
  constructor(readonly organisationId: string) {
    super();
  }
}

export interface BodyMemberView {
  organisationId: string;
  organisationName: string | null;
  representative: Opened;
}

export interface Cadence {
  windowFrom: string;
  windowTo: string;
  held: number;
  /** Meetings due in the window at meetingsPerYear, pro-rated for a body younger than twelve months, rounded down. */
  expected: number;
  belowCadence: boolean;
}

export interface BodyOverviewItem {
  id: string;
  kind: string;
  name: string;
  meetingsPerYear: number;
  establishedOn: string;
  members: BodyMemberView[];
  cadence: Cadence;
}

export interface BodiesOverview {
  networkId: string;
  on: string;
  bodies: BodyOverviewItem[];
}

/** The bodies that exist on a day, with their members then and their meeting cadence over the twelve months up to it. */
export class GetBodiesOverview extends Query<BodiesOverview> {
  constructor(
    readonly networkId: string,
    readonly on: string,
  ) {
    super();
  }
}

export interface BodyDetail {
  id: string;
  networkId: string;
  kind: string;
  name: string;
  meetingsPerYear: number;
  establishedOn: string;
  dissolvedOn: string | null;
  dissolvedReason: string | null;
  members: BodyMemberView[];
  memberHistory: { since: string; organisationIds: string[] }[];
  meetings: { id: string; title: string; scheduledFor: string; heldOn: string | null; topics: number; decisions: number }[];
  version: number;
}

export class GetBody extends Query<BodyDetail> {
  constructor(readonly bodyId: string) {
    super();
  }
}

export interface MeetingDetail {
  id: string;
  networkId: string;
  body: { id: string; kind: string; name: string };
  title: string;
  scheduledFor: string;
  contactPerson: Opened;
  status: 'scheduled' | 'held';
  topics: (MeetingRow['topics'][number] & { proposedByOrganisationName: string | null })[];
  heldOn: string | null;
  attendance: { organisationId: string; organisationName: string | null }[];
  decisions: MeetingRow['decisions'];
  version: number;
}

export class GetMeeting extends Query<MeetingDetail> {
  constructor(readonly meetingId: string) {
    super();
  }
}

export type RecordedDecision = Omit<DecisionRow, 'networkId'>;

export class GetDecisions extends Query<RecordedDecision[]> {
  constructor(
    readonly networkId: string,
    readonly from: string | undefined,
    readonly to: string | undefined,
    readonly subject: string | undefined,
  ) {
    super();
  }
}

/** Opens every sealed item in one vault call; null stays null. */
async function openEach(vault: PersonalDataVault, items: (SealedPersonalData | null)[]): Promise<Opened[]> {
  const present = items.filter((item): item is SealedPersonalData => item !== null);
  const opened = await vault.openAll(present);
  let next = 0;
  return items.map((item) => (item === null ? null : opened[next++]));
}

async function requireNetwork(dataSource: DataSource, networkId: string): Promise<void> {
  if (!(await dataSource.manager.existsBy(NetworkRow, { id: networkId }))) throw new NetworkNotFound(networkId);
}

/** The entry of a history that holds on a day: the latest one from on or before it. */
function holdingOn<T extends { since: string }>(history: T[], on: string): T | undefined {
  return history.filter((entry) => entry.since <= on).sort((a, b) => a.since.localeCompare(b.since)).pop();
}

function existsOn(body: BodyRow, on: string): boolean {
  return body.establishedOn <= on && (body.dissolvedOn === null || body.dissolvedOn > on);
}

function isMemberOn(organisation: OrganisationRow, on: string): boolean {
  return organisation.joinedOn <= on && (organisation.leftOn === null || organisation.leftOn > on);
}

async function organisationNames(dataSource: DataSource, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await dataSource.manager.find(OrganisationRow, { select: { id: true, name: true }, where: { id: In([...new Set(ids)]) } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

@QueryHandler(GetOrganisationsOverview)
export class GetOrganisationsOverviewHandler implements IQueryHandler<GetOrganisationsOverview, OrganisationsOverview> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ networkId, on }: GetOrganisationsOverview): Promise<OrganisationsOverview> {
    await requireNetwork(this.dataSource, networkId);
    const rows = await this.dataSource.manager.find(OrganisationRow, { where: { networkId, joinedOn: LessThanOrEqual(on) } });
    const members = rows.filter((row) => isMemberOn(row, on));
    const bodies = (await this.dataSource.manager.find(BodyRow, { where: { networkId }, order: { name: 'ASC', id: 'ASC' } })).filter((body) => existsOn(body, on));

    const seats = new Map<string, { bodyId: string; kind: string; name: string; representative: SealedPersonalData | null }[]>();
    for (const body of bodies) {
      for (const member of holdingOn(body.memberHistory, on)?.members ?? []) {
        const list = seats.get(member.organisationId) ?? [];
        list.push({ bodyId: body.id, kind: body.kind, name: body.name, representative: member.representative });
        seats.set(member.organisationId, list);
      }
    }
    const described = members
      .map((row) => ({ row, description: holdingOn(row.descriptions, on)! }))
      .sort((a, b) => a.description.name.localeCompare(b.description.name, 'de') || a.row.id.localeCompare(b.row.id));
    const seatsOf = described.map(({ row }) => seats.get(row.id) ?? []);
    const opened = await openEach(this.vault, [...described.map(({ description }) => description.contactPerson), ...seatsOf.flat().map((seat) => seat.representative)]);
    let next = described.length;

    const organisations = described.map(({ row, description }, index) => ({
      id: row.id,
      name: description.name,
      sector: sectorLabel(description.sector),
      namedInKkg: description.namedInKkg,
      tasks: description.tasks,
      mandates: description.mandates,
      roles: description.roles,
      resources: description.resources,
      limits: description.limits,
      contactPerson: opened[index],
      joinedOn: row.joinedOn,
      describedSince: description.since,
      bodies: seatsOf[index].map((seat) => ({ bodyId: seat.bodyId, kind: seat.kind, name: seat.name, representative: opened[next++] })),
    }));
    return { networkId, on, organisations };
  }
}

@QueryHandler(GetOrganisationChanges)
export class GetOrganisationChangesHandler implements IQueryHandler<GetOrganisationChanges, OrganisationChanges> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, from, to }: GetOrganisationChanges): Promise<OrganisationChanges> {
    await requireNetwork(this.dataSource, networkId);
    const manager = this.dataSource.manager;
    const joined = await manager.find(OrganisationRow, { where: { networkId, joinedOn: Between(from, to) }, order: { joinedOn: 'ASC', name: 'ASC', id: 'ASC' } });
    const left = await manager.find(OrganisationRow, { where: { networkId, leftOn: Between(from, to) }, order: { leftOn: 'ASC', name: 'ASC', id: 'ASC' } });
    const changes: OrganisationChange[] = [
      ...joined.map((row) => ({ change: 'joined' as const, id: row.id, name: row.name, sector: sectorLabel(row.sector), joinedOn: row.joinedOn })),
      ...left.map((row) => ({ change: 'left' as const, id: row.id, name: row.name, sector: sectorLabel(row.sector), leftOn: row.leftOn!, reason: row.leftReason })),
    ];
    const dayOf = (change: OrganisationChange) => (change.change === 'joined' ? change.joinedOn : change.leftOn);
    // Stable: by day, joinings first, then in the order read (name, id).
    changes.sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || (a.change === b.change ? 0 : a.change === 'joined' ? -1 : 1));
    return { networkId, from, to, changes };
  }
}

@QueryHandler(GetOrganisation)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisation, OrganisationDetail> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ organisationId }: GetOrganisation): Promise<OrganisationDetail> {
    const row = await this.dataSource.manager.findOneBy(OrganisationRow, { id: organisationId });
    if (!row) throw new OrganisationNotFound(organisationId);
    const bodies = (await this.dataSource.manager.find(BodyRow, { where: { networkId: row.networkId, dissolvedOn: IsNull() }, order: { name: 'ASC', id: 'ASC' } }))
      .map((body) => ({ body, member: body.members.find((member) => member.organisationId === organisationId) }))
      .filter(({ member }) => member !== undefined);
    const opened = await openEach(this.vault, [row.contactPerson, ...row.descriptions.map((d) => d.contactPerson), ...bodies.map(({ member }) => member!.representative)]);
    const descriptionsFrom = 1;
    const seatsFrom = descriptionsFrom + row.descriptions.length;
    return {
      id: row.id,
      networkId: row.networkId,
      name: row.name,
      sector: sectorLabel(row.sector),
      namedInKkg: row.namedInKkg,
      tasks: row.tasks,
      mandates: row.mandates,
      roles: row.roles,
      resources: row.resources,
      limits: row.limits,
      contactPerson: opened[0],
      joinedOn: row.joinedOn,
      leftOn: row.leftOn,
      leftReason: row.leftReason,
      bodies: bodies.map(({ body }, index) => ({ bodyId: body.id, kind: body.kind, name: body.name, representative: opened[seatsFrom + index] })),
      descriptions: row.descriptions.map((description, index) => ({ ...description, sector: sectorLabel(description.sector), contactPerson: opened[descriptionsFrom + index] })),
      version: row.version,
    };
  }
}

@QueryHandler(GetBodiesOverview)
export class GetBodiesOverviewHandler implements IQueryHandler<GetBodiesOverview, BodiesOverview> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ networkId, on }: GetBodiesOverview): Promise<BodiesOverview> {
    await requireNetwork(this.dataSource, networkId);
    const bodies = (await this.dataSource.manager.find(BodyRow, { where: { networkId }, order: { kind: 'ASC', name: 'ASC', id: 'ASC' } })).filter((body) => existsOn(body, on));
    const yearBefore = addDays(addYears(on, -1), 1);
    const held = bodies.length === 0 ? [] : await this.dataSource.manager.find(MeetingRow, {
      select: { id: true, bodyId: true, heldOn: true },
      where: { bodyId: In(bodies.map((body) => body.id)), heldOn: Between(yearBefore, on) },
    });
    const membersOn = bodies.map((body) => holdingOn(body.memberHistory, on)?.members ?? []);
    const names = await organisationNames(this.dataSource, membersOn.flat().map((member) => member.organisationId));
    const opened = await openEach(this.vault, membersOn.flat().map((member) => member.representative));
    let next = 0;
    return {
      networkId,
      on,
      bodies: bodies.map((body, index) => ({
        id: body.id,
        kind: body.kind,
        name: body.name,
        meetingsPerYear: body.meetingsPerYear,
        establishedOn: body.establishedOn,
        members: membersOn[index].map((member) => ({ organisationId: member.organisationId, organisationName: names.get(member.organisationId) ?? null, representative: opened[next++] })),
        cadence: cadenceOf(body, on, yearBefore, held.filter((meeting) => meeting.bodyId === body.id).length),
      })),
    };
  }
}

/** Meetings held in the twelve months up to `on` against the body's cadence, pro-rated while it is younger. */
export function cadenceOf(body: Pick<BodyRow, 'establishedOn' | 'meetingsPerYear'>, on: string, yearBefore: string, held: number): Cadence {
  const windowFrom = body.establishedOn > yearBefore ? body.establishedOn : yearBefore;
  const yearDays = daysBetween(yearBefore, on) + 1;
  const windowDays = daysBetween(windowFrom, on) + 1;
  const expected = Math.floor((body.meetingsPerYear * windowDays) / yearDays);
  return { windowFrom, windowTo: on, held, expected, belowCadence: held < expected };
}

function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year + years, month - 1, day));
  // 29 February a year off becomes 28 February, not 1 March.
  if (shifted.getUTCMonth() !== month - 1) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

@QueryHandler(GetBody)
export class GetBodyHandler implements IQueryHandler<GetBody, BodyDetail> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ bodyId }: GetBody): Promise<BodyDetail> {
    const body = await this.dataSource.manager.findOneBy(BodyRow, { id: bodyId });
    if (!body) throw new BodyNotFound(bodyId);
    const meetings = await this.dataSource.manager.find(MeetingRow, { where: { bodyId }, order: { scheduledFor: 'ASC', id: 'ASC' } });
    const names = await organisationNames(this.dataSource, body.members.map((member) => member.organisationId));
    const opened = await openEach(this.vault, body.members.map((member) => member.representative));
    return {
      id: body.id,
      networkId: body.networkId,
      kind: body.kind,
      name: body.name,
      meetingsPerYear: body.meetingsPerYear,
      establishedOn: body.establishedOn,
      dissolvedOn: body.dissolvedOn,
      dissolvedReason: body.dissolvedReason,
      members: body.members.map((member, index) => ({ organisationId: member.organisationId, organisationName: names.get(member.organisationId) ?? null, representative: opened[index] })),
      memberHistory: body.memberHistory.map(({ since, members }) => ({ since, organisationIds: members.map((member) => member.organisationId) })),
      meetings: meetings.map((meeting) => ({
        id: meeting.id,
        title: meeting.title,
        scheduledFor: meeting.scheduledFor,
        heldOn: meeting.heldOn,
        topics: meeting.topics.length,
        decisions: meeting.decisions.length,
      })),
      version: body.version,
    };
  }
}

@QueryHandler(GetMeeting)
export class GetMeetingHandler implements IQueryHandler<GetMeeting, MeetingDetail> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly vault: PersonalDataVault,
  ) {}

  async execute({ meetingId }: GetMeeting): Promise<MeetingDetail> {
    const meeting = await this.dataSource.manager.findOneBy(MeetingRow, { id: meetingId });
    if (!meeting) throw new MeetingNotFound(meetingId);
    const body = await this.dataSource.manager.findOneBy(BodyRow, { id: meeting.bodyId });
    const proposers = meeting.topics.map((topic) => topic.proposedByOrganisationId).filter((id): id is string => id !== null);
    const names = await organisationNames(this.dataSource, [...proposers, ...meeting.attendance]);
    const [contactPerson] = await openEach(this.vault, [meeting.contactPerson]);
    return {
      id: meeting.id,
      networkId: meeting.networkId,
      body: { id: meeting.bodyId, kind: body?.kind ?? '', name: body?.name ?? '' },
      title: meeting.title,
      scheduledFor: meeting.scheduledFor,
      contactPerson,
      status: meeting.heldOn ? 'held' : 'scheduled',
      topics: meeting.topics.map((topic) => ({ ...topic, proposedByOrganisationName: topic.proposedByOrganisationId ? (names.get(topic.proposedByOrganisationId) ?? null) : null })),
      heldOn: meeting.heldOn,
      attendance: meeting.attendance.map((organisationId) => ({ organisationId, organisationName: names.get(organisationId) ?? null })),
      decisions: meeting.decisions,
      version: meeting.version,
    };
  }
}

@QueryHandler(GetDecisions)
export class GetDecisionsHandler implements IQueryHandler<GetDecisions, RecordedDecision[]> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, from, to, subject }: GetDecisions): Promise<RecordedDecision[]> {
    await requireNetwork(this.dataSource, networkId);
    const where: FindOptionsWhere<DecisionRow> = { networkId };
    if (from && to) where.decidedOn = Between(from, to);
    else if (from) where.decidedOn = MoreThanOrEqual(from);
    else if (to) where.decidedOn = LessThanOrEqual(to);
    if (subject) where.subject = subject;
    const rows = await this.dataSource.manager.find(DecisionRow, { where, order: { decidedOn: 'ASC', id: 'ASC' } });
    return rows.map(({ networkId: _networkId, ...decision }) => decision);
  }
}

