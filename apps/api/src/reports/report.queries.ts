import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { GoalEvent, NetworkNotFound } from '@kreislauf/domain';
import {
  BodyRow,
  CycleRow,
  DecisionRow,
  LeitbildVersionRow,
  MeetingRow,
  NetworkRow,
  offerLandscape,
  OfferRow,
  OrganisationRow,
} from '@kreislauf/read-models';
import {
  buildProgrammeHistory,
  buildProgressReport,
  GoalEventRecord,
  NetworkRecord,
  OfferLandscapeRecord,
  OrganisationRecord,
  ProgrammeHistory,
  ProgressReport,
  ReportLanguage,
  ReportPeriod,
} from '@kreislauf/reporting';
import { Between, Brackets, DataSource, EntityManager, LessThanOrEqual } from 'typeorm';

/** The progress report (Sachbericht) of a network over a period, in a language. */
export class GetProgressReport extends Query<ProgressReport> {
  constructor(
    readonly networkId: string,
    readonly period: ReportPeriod,
    readonly language: ReportLanguage,
  ) {
    super();
  }
}

/** The programme history of a network; without a period, from its registration to its latest dated act. */
export class GetProgrammeHistory extends Query<ProgrammeHistory> {
  constructor(
    readonly networkId: string,
    readonly period: Partial<ReportPeriod>,
    readonly language: ReportLanguage,
  ) {
    super();
  }
}

@QueryHandler(GetProgressReport)
export class GetProgressReportHandler implements IQueryHandler<GetProgressReport, ProgressReport> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, period, language }: GetProgressReport): Promise<ProgressReport> {
    const manager = this.dataSource.manager;
    const network = await networkOf(manager, networkId);
    const [cycles, leitbildVersions, goalEvents, decisions, bodies, meetings, organisations, landscape] = await Promise.all([
      cyclesOf(manager, networkId),
      leitbildOf(manager, networkId),
      goalEventsForProgress(manager, networkId, period),
      decisionsOf(manager, networkId, period.to),
      manager.find(BodyRow, { select: { id: true, kind: true, name: true, meetingsPerYear: true, establishedOn: true, dissolvedOn: true }, where: { networkId } }),
      manager.find(MeetingRow, { select: { id: true, bodyId: true, title: true, heldOn: true }, where: { networkId, heldOn: Between(period.from, period.to) } }),
      organisationsChangedIn(manager, networkId, period),
      landscapeOn(manager, network, period.to),
    ]);
    return buildProgressReport(
      {
        period,
        network,
        cycles,
        leitbildVersions,
        goalEvents,
        decisions,
        bodies,
        meetings: meetings.map((meeting) => ({ id: meeting.id, bodyId: meeting.bodyId, title: meeting.title, heldOn: meeting.heldOn! })),
        organisations,
        offerLandscape: landscape,
      },
      language,
    );
  }
}

@QueryHandler(GetProgrammeHistory)
export class GetProgrammeHistoryHandler implements IQueryHandler<GetProgrammeHistory, ProgrammeHistory> {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute({ networkId, period, language }: GetProgrammeHistory): Promise<ProgrammeHistory> {
    const manager = this.dataSource.manager;
    const network = await networkOf(manager, networkId);
    const [cycles, leitbildVersions, goalEvents, decisions] = await Promise.all([
      cyclesOf(manager, networkId),
      leitbildOf(manager, networkId),
      goalActs(manager, networkId, period.to),
      decisionsOf(manager, networkId, period.to),
    ]);
    const from = period.from ?? network.registeredOn;
    const to = period.to ?? latestDate([from, ...cycles.flatMap(datesOfCycle), ...leitbildVersions.flatMap(datesOfLeitbild), ...goalEvents.map((event) => event.occurredOn)]);
    return buildProgrammeHistory({ period: { from, to }, network, cycles, leitbildVersions, goalEvents, decisions }, language);
  }
}

async function networkOf(manager: EntityManager, networkId: string): Promise<NetworkRecord & { municipalities: string[] }> {
  const row = await manager.findOneBy(NetworkRow, { id: networkId });
  if (!row) throw new NetworkNotFound(networkId);
  const { id, name, region, responsibleBody, municipalities, programme, registeredOn } = row;
  return { id, name, region, responsibleBody, municipalities, programme, registeredOn };
}

async function cyclesOf(manager: EntityManager, networkId: string) {
  const rows = await manager.find(CycleRow, { where: { networkId } });
  return rows.map(({ id, title, periodFrom, periodTo, openedOn, closedOn, phases }) => ({ id, title, periodFrom, periodTo, openedOn, closedOn, phases }));
}

async function leitbildOf(manager: EntityManager, networkId: string) {
  const rows = await manager.find(LeitbildVersionRow, { where: { networkId } });
  return rows.map(({ version, revisesVersion, vision, principles, draftedOn, adoptedOn, decisionId }) => ({ version, revisesVersion, vision, principles, draftedOn, adoptedOn, decisionId }));
}

async function decisionsOf(manager: EntityManager, networkId: string, to: string | undefined) {
  const rows = await manager.find(DecisionRow, { where: to ? { networkId, decidedOn: LessThanOrEqual(to) } : { networkId } });
  return rows.map(({ id, meetingId, bodyId, bodyName, bodyKind, decidedOn, subject, text }) => ({ id, meetingId, bodyId, bodyName, bodyKind, decidedOn, subject, text }));
}

interface GoalHistorySqlRow {
  goal_id: string;
  stream_version: number;
  event_type: string;
  schema_version: number;
  occurred_on: string;
  actor: string;
  data: Record<string, unknown>;
}

const toRecord = (row: GoalHistorySqlRow): GoalEventRecord => ({
  goalId: row.goal_id,
  version: row.stream_version,
  type: row.event_type,
  schemaVersion: row.schema_version,
  occurredOn: row.occurred_on,
  actor: row.actor,
  data: row.data,
});

/** What a report folds of a history row: the stored event as the domain upcasts it, with its business date and actor. */
const GOAL_HISTORY_COLUMNS = `goal_id, stream_version, event_type, schema_version, left(occurred_at, 10) AS occurred_on,
  coalesce(actor->>'displayName', actor->>'userId') AS actor, data`;

/**
 * The goal events the progress report folds: every event dated up to the end of the period, except that of
 * the measurements before the period only the latest per indicator is needed (the value the period starts from),
 * and goals retired or replaced before the period are left out (the report does not show them).
 */
async function goalEventsForProgress(manager: EntityManager, networkId: string, { from, to }: ReportPeriod): Promise<GoalEventRecord[]> {
  const rows: GoalHistorySqlRow[] = await manager.query(
    `WITH ended AS (
       SELECT goal_id FROM rm_goal_history
        WHERE network_id = $1 AND event_type = 'GoalReoriented' AND data->>'decision' IN ('retire', 'replace') AND left(occurred_at, 10) < $2
     )
     (SELECT ${GOAL_HISTORY_COLUMNS} FROM rm_goal_history
       WHERE network_id = $1 AND left(occurred_at, 10) <= $3
         AND (event_type <> 'MeasurementRecorded' OR left(occurred_at, 10) >= $2)
         AND goal_id NOT IN (SELECT goal_id FROM ended))
     UNION ALL
     (SELECT DISTINCT ON (goal_id, data->>'indicatorKey') ${GOAL_HISTORY_COLUMNS} FROM rm_goal_history
       WHERE network_id = $1 AND event_type = 'MeasurementRecorded' AND left(occurred_at, 10) < $2
         AND goal_id NOT IN (SELECT goal_id FROM ended)
       ORDER BY goal_id, data->>'indicatorKey', data->>'measuredOn' DESC, stream_version DESC)`,
    [networkId, from, to],
  );
  return rows.map(toRecord);
}

/** Definitions, reviews and reorientations: what the programme history tells. */
const GOAL_ACTS: GoalEvent['type'][] = ['GoalDefined', 'GoalReviewed', 'GoalReoriented'];

async function goalActs(manager: EntityManager, networkId: string, to: string | undefined): Promise<GoalEventRecord[]> {
  const rows: GoalHistorySqlRow[] = await manager.query(
    `SELECT ${GOAL_HISTORY_COLUMNS} FROM rm_goal_history
      WHERE network_id = $1 AND event_type = ANY($3) AND ($2::text IS NULL OR left(occurred_at, 10) <= $2)`,
    [networkId, to ?? null, GOAL_ACTS],
  );
  return rows.map(toRecord);
}

/** Organisations that joined or left in the period, each named as described at the end of the period or when it left. No contact persons. */
async function organisationsChangedIn(manager: EntityManager, networkId: string, { from, to }: ReportPeriod): Promise<OrganisationRecord[]> {
  const rows = await manager
    .createQueryBuilder(OrganisationRow, 'organisation')
    .select(['organisation.id', 'organisation.name', 'organisation.sector', 'organisation.joinedOn', 'organisation.leftOn', 'organisation.leftReason', 'organisation.descriptions'])
    .where('organisation.networkId = :networkId', { networkId })
    .andWhere(new Brackets((changed) => changed.where('organisation.joinedOn BETWEEN :from AND :to').orWhere('organisation.leftOn BETWEEN :from AND :to')))
    .setParameters({ from, to })
    .getMany();
  return rows.map((row) => {
    const on = row.leftOn !== null && row.leftOn <= to ? row.leftOn : to;
    const described = row.descriptions.filter((description) => description.since <= on).sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0)).at(-1);
    return {
      id: row.id,
      name: described?.name ?? row.name,
      sector: described?.sector ?? row.sector,
      joinedOn: row.joinedOn,
      leftOn: row.leftOn,
      leftReason: row.leftReason,
    };
  });
}

/** The offer landscape on the last day of the period, providers named. */
async function landscapeOn(manager: EntityManager, network: { id: string; municipalities: string[] }, on: string): Promise<OfferLandscapeRecord> {
  const offers = await manager
    .createQueryBuilder(OfferRow, 'offer')
    .where('offer.networkId = :networkId', { networkId: network.id })
    .andWhere('offer.startsOn <= :on', { on })
    .andWhere(new Brackets((ends) => ends.where('offer.endsOn IS NULL').orWhere('offer.endsOn >= :on', { on })))
    .andWhere(new Brackets((withdrawn) => withdrawn.where('offer.withdrawnOn IS NULL').orWhere('offer.withdrawnOn > :on', { on })))
    .getMany();
  const landscape = offerLandscape(network.municipalities, offers, on);
  const providerIds = [...new Set(landscape.duplicates.flatMap((duplicate) => duplicate.offers.map((offer) => offer.providerOrganisationId)))];
  const providers =
    providerIds.length === 0
      ? new Map<string, string>()
      : new Map((await manager.createQueryBuilder(OrganisationRow, 'o').select(['o.id', 'o.name']).whereInIds(providerIds).getMany()).map((row) => [row.id, row.name]));
  return {
    on,
    districts: landscape.districts,
    offers: landscape.summary.offers,
    cells: landscape.summary.cells,
    coveredCells: landscape.summary.coveredCells,
    gaps: landscape.gaps,
    duplicates: landscape.duplicates.map((duplicate) => ({
      lifePhase: duplicate.lifePhase,
      district: duplicate.district,
      targetGroup: duplicate.targetGroup,
      offers: duplicate.offers.map((offer) => ({ id: offer.id, title: offer.title, provider: providers.get(offer.providerOrganisationId) ?? null })),
    })),
  };
}

function datesOfCycle(cycle: { openedOn: string; closedOn: string | null; phases: { enteredOn: string }[] }): string[] {
  return [cycle.openedOn, ...(cycle.closedOn ? [cycle.closedOn] : []), ...cycle.phases.map((phase) => phase.enteredOn)];
}

function datesOfLeitbild(version: { draftedOn: string; adoptedOn: string | null }): string[] {
  return [version.draftedOn, ...(version.adoptedOn ? [version.adoptedOn] : [])];
}

function latestDate(dates: string[]): string {
  return dates.reduce((latest, date) => (date > latest ? date : latest));
}
