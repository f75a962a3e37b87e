import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * The JSON report models as OpenAPI schemas. Every object is closed (additionalProperties: false), so
 * that the spec that validates built reports against these schemas catches a field added on one side only.
 */

const string = (description?: string): SchemaObject => ({ type: 'string', ...(description ? { description } : {}) });
const date = (description?: string): SchemaObject => ({ type: 'string', format: 'date', ...(description ? { description } : {}) });
const number = (description?: string): SchemaObject => ({ type: 'number', ...(description ? { description } : {}) });
const integer = (description?: string): SchemaObject => ({ type: 'integer', ...(description ? { description } : {}) });
const boolean: SchemaObject = { type: 'boolean' };
const nullable = (schema: SchemaObject): SchemaObject => ({ ...schema, nullable: true });
const array = (items: SchemaObject): SchemaObject => ({ type: 'array', items });
const object = (properties: Record<string, SchemaObject>, description?: string): SchemaObject => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
  ...(description ? { description } : {}),
});

const labelled = (description?: string, keys?: string[]): SchemaObject =>
  object({ key: keys ? { type: 'string', enum: keys } : string('Stable key'), label: string('Label in the report’s language') }, description);

const decisionReference = object(
  { id: string(), decidedOn: date(), bodyName: string(), bodyKind: labelled(), text: string() },
  'The body’s decision the act rests on',
);

const indicator = object({
  key: string(),
  name: string(),
  unit: string(),
  direction: { type: 'string', enum: ['increase', 'decrease'] },
  impactLevel: string(),
  dueOn: date(),
  baseline: number(),
  target: number(),
  latestValue: nullable(number('The latest value measured on or before the end of the period')),
  latestMeasuredOn: nullable(date()),
  progressPercent: number('From baseline towards target, 0–100, one decimal'),
  startValue: number('The latest value before the period, or the baseline'),
  changeInPeriod: nullable(number('latestValue − startValue, two decimals')),
  trend: labelled(undefined, ['improving', 'worsening', 'steady', 'no_data']),
  points: array(object({ on: date(), value: number() })),
});

const goalProperties: Record<string, SchemaObject> = {
  id: string(),
  level: labelled(undefined, ['strategic', 'operational']),
  title: string(),
  description: string(),
  status: labelled('At the end of the period', ['active', 'retired', 'replaced']),
  qualityGoals: array(labelled()),
  lifePhase: nullable(labelled()),
  district: nullable(string()),
  parentGoalId: nullable(string()),
  definedOn: date(),
  endedOn: nullable(date()),
  replacesGoalId: nullable(string()),
  replacedByGoalId: nullable(string()),
  lastAssessment: nullable(object({ key: string(), label: string(), reviewedOn: date() })),
  progressPercent: nullable(number('Operational: mean of its indicators; strategic: mean of its active operational goals; one decimal')),
  indicators: array(indicator),
};

const operationalGoal = object({ ...goalProperties, children: { type: 'array', maxItems: 0, items: {} } });
const goal = object({ ...goalProperties, children: array(operationalGoal) });

const network = object({ id: string(), name: string(), region: string(), responsibleBody: string(), municipalities: array(string()), programme: nullable(string()) });
const period = object({ from: date(), to: date() });
const language: SchemaObject = { type: 'string', enum: ['de', 'en'] };

export const PROGRESS_REPORT_SCHEMA: SchemaObject = object(
  {
    report: { type: 'string', enum: ['progress'] },
    language,
    period,
    network,
    summary: object({
      goals: integer('Goals defined by the end of the period and not ended before its start'),
      activeGoals: integer(),
      retiredGoals: integer(),
      replacedGoals: integer(),
      averageProgressPercent: nullable(number('Mean progress of the active operational goals with indicators')),
      reviews: integer(),
      reorientations: integer(),
      decisions: integer(),
      meetingsHeld: integer(),
      organisationsJoined: integer(),
      organisationsLeft: integer(),
    }),
    statusDistribution: array(object({ key: string(), label: string(), count: integer() })),
    leitbild: nullable(
      object({
        version: integer(),
        vision: string(),
        principles: array(object({ key: string(), text: string() })),
        adoptedOn: date(),
        adoptedInPeriod: boolean,
        decision: nullable(decisionReference),
      }),
    ),
    cycles: array(
      object({
        id: string(),
        title: string(),
        periodFrom: date(),
        periodTo: date(),
        openedOn: date(),
        closedOn: nullable(date()),
        statusAtEnd: labelled(undefined, ['open', 'closed']),
        phaseAtEnd: nullable(labelled()),
        phases: array(object({ key: string(), label: string(), enteredOn: date(), inPeriod: boolean })),
      }),
    ),
    qualityGoals: array(
      object({
        key: string('A kinderstark quality goal, or `none`'),
        label: string(),
        goals: array(object({ id: string(), title: string(), level: labelled(), status: labelled(), progressPercent: nullable(number()) })),
      }),
    ),
    goals: array(goal),
    reviews: array(object({ goalId: string(), goalTitle: string(), reviewedOn: date(), assessment: labelled(), evidence: string(), decision: nullable(decisionReference) })),
    reorientations: array(
      object({
        goalId: string(),
        goalTitle: string('The title before the reorientation'),
        reorientedOn: date(),
        decision: labelled(undefined, ['continue', 'adjust', 'replace', 'retire']),
        rationale: string(),
        changes: array(object({ field: labelled(), value: string() })),
        replacement: nullable(object({ goalId: string(), title: nullable(string()) })),
        bodyDecision: nullable(decisionReference),
      }),
    ),
    decisions: array(object({ id: string(), decidedOn: date(), bodyName: string(), bodyKind: labelled(), text: string(), subject: labelled() })),
    bodies: array(
      object({
        id: string(),
        name: string(),
        kind: labelled(),
        meetingsPerYear: integer(),
        windowFrom: date(),
        windowTo: date(),
        expected: integer('meetingsPerYear × days of the window ÷ 365, rounded down'),
        held: integer(),
        belowCadence: boolean,
        meetings: array(object({ title: string(), heldOn: date() })),
      }),
    ),
    organisations: object({
      joined: array(object({ id: string(), name: string(), sector: labelled(), joinedOn: date() })),
      left: array(object({ id: string(), name: string(), sector: labelled(), leftOn: date(), reason: nullable(string()) })),
    }),
    offerLandscape: object({
      on: date('The last day of the period'),
      offers: integer(),
      cells: integer(),
      coveredCells: integer(),
      gaps: array(object({ lifePhase: labelled(), district: string() })),
      duplicates: array(
        object({
          lifePhase: labelled(),
          district: string(),
          targetGroup: string(),
          offers: array(object({ id: string(), title: string(), provider: nullable(string()) })),
        }),
      ),
    }),
  },
  'The progress report (Sachbericht) of a network over a period',
);

const HISTORY_KINDS = [
  'cycle_opened',
  'cycle_phase_entered',
  'cycle_closed',
  'leitbild_drafted',
  'leitbild_adopted',
  'goal_defined',
  'goal_reviewed',
  'goal_continued',
  'goal_adjusted',
  'goal_replaced',
  'goal_retired',
];

export const PROGRAMME_HISTORY_SCHEMA: SchemaObject = object(
  {
    report: { type: 'string', enum: ['history'] },
    language,
    period,
    network: object({ id: string(), name: string(), region: string(), responsibleBody: string(), programme: nullable(string()) }),
    summary: object(Object.fromEntries(HISTORY_KINDS.map((kind) => [kind, integer()]))),
    entries: array(
      object({
        on: date(),
        kind: labelled(undefined, HISTORY_KINDS),
        subject: object({ type: { type: 'string', enum: ['cycle', 'leitbild', 'goal'] }, id: string(), title: string() }),
        level: nullable(labelled()),
        phase: nullable(labelled()),
        assessment: nullable(labelled()),
        evidence: nullable(string()),
        rationale: nullable(string()),
        changes: array(object({ field: labelled(), value: string() })),
        relatedGoal: nullable(object({ id: string(), title: nullable(string()) })),
        term: nullable(object({ from: date(), to: date() })),
        supersedesVersion: nullable(integer()),
        decision: nullable(decisionReference),
      }),
    ),
  },
  'The programme history of a network: a dated timeline of cycles, Leitbild versions, goals and the decisions behind them',
);

/** The schema as plain JSON Schema (OpenAPI 3.0's `nullable` as a null type), for validators such as ajv. */
export function asJsonSchema(schema: SchemaObject): Record<string, unknown> {
  const { nullable, properties, items, ...rest } = schema as SchemaObject & { nullable?: boolean };
  const converted: Record<string, unknown> = { ...rest };
  if (properties) converted.properties = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, asJsonSchema(value as SchemaObject)]));
  if (items) converted.items = asJsonSchema(items as SchemaObject);
  if (nullable) {
    if (Array.isArray(converted.enum)) converted.enum = [...(converted.enum as unknown[]), null];
    converted.type = [converted.type, 'null'];
  }
  return converted;
}
