import { NZFH_FRAMEWORK_ID } from '@kreislauf/domain';
import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

/**
 * Every write endpoint, driven by an authorised coordinator with malformed and random bodies, path ids and
 * headers. Whatever arrives: never a 5xx, every refusal is problem details, and a refused request leaves
 * the event store as it was. Valid bodies may turn up and succeed; then the store may grow.
 *
 * FUZZ_RUNS (default 40 per endpoint) runs more; FUZZ_SEED and FUZZ_PATH (both printed on a failure) replay a
 * run; FUZZ_STATS=1 prints how often each status and problem code came back.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const replay = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) } : {};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type IdKind = 'none' | 'network' | 'cycle' | 'goal' | 'organisation' | 'body' | 'meeting' | 'offer' | 'person' | 'assessment';

interface Endpoint {
  name: string;
  idKind: IdKind;
  path: (id: string) => string;
  /** A body that passes validation (the domain may still refuse it). */
  valid: (f: NetworkFixture) => { [key: string]: Json };
}

const content = { title: 'Väter erreichen', description: '', qualityGoals: ['equity'], reviewIntervalDays: 30 };
const indicator = { key: 'vaeter', name: 'Aktive Väter', unit: 'Personen', baseline: 2, target: 10, direction: 'increase', dueOn: '2026-12-31', impactLevel: 'outcome' };
const measure = { title: 'Vätercafé', responsibleOrganisation: 'Familienzentrum', startsOn: '2026-03-01', endsOn: '2026-12-31' };
const organisation = { name: 'Kita Sonnenschein', sector: 'day_care', namedInKkg: false, tasks: 'Betreuung', mandates: '', roles: '', resources: '', limits: '' };
const offer = (f: NetworkFixture) => ({
  title: 'Babytreff',
  description: '',
  providerOrganisationId: f.organisationId,
  lifePhases: ['age_0_3'],
  districts: ['Köln'],
  targetGroups: ['Eltern'],
  startsOn: '2026-01-01',
  endsOn: null,
});

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /networks',
    idKind: 'none',
    path: () => '/networks',
    valid: () => ({ name: 'Netzwerk', region: 'Region', responsibleBody: 'Jugendamt', municipalities: ['Ort'], programme: 'kinderstark', registeredOn: '2020-01-01' }),
  },
  { name: 'POST /networks/:id/role-grants', idKind: 'network', path: (id) => `/networks/${id}/role-grants`, valid: () => ({ userId: 'kc-4711', role: 'member', on: '2026-03-01' }) },
  { name: 'POST /networks/:id/role-revocations', idKind: 'network', path: (id) => `/networks/${id}/role-revocations`, valid: () => ({ userId: 'kc-4711', role: 'member' }) },
  {
    name: 'POST /networks/:id/cycles',
    idKind: 'network',
    path: (id) => `/networks/${id}/cycles`,
    valid: () => ({ title: 'Zyklus 2027', periodFrom: '2027-01-01', periodTo: '2027-12-31', openedOn: '2027-01-02' }),
  },
  { name: 'POST /cycles/:id/phases', idKind: 'cycle', path: (id) => `/cycles/${id}/phases`, valid: () => ({ phase: 'concretisation', enteredOn: '2026-03-01' }) },
  { name: 'POST /cycles/:id/close', idKind: 'cycle', path: (id) => `/cycles/${id}/close`, valid: () => ({ closedOn: '2026-12-31' }) },
  {
    name: 'POST /networks/:id/goals',
    idKind: 'network',
    path: (id) => `/networks/${id}/goals`,
    valid: (f) => ({ ...content, cycleId: f.cycleId, level: 'operational', parentGoalId: f.strategicId, lifePhase: 'age_3_6', district: 'Kalk', definedOn: '2026-03-01' }),
  },
  {
    name: 'POST /goals/:id/concretisations',
    idKind: 'goal',
    path: (id) => `/goals/${id}/concretisations`,
    valid: () => ({ indicators: [indicator], measures: [measure], concretisedOn: '2026-03-01' }),
  },
  { name: 'POST /goals/:id/measurements', idKind: 'goal', path: (id) => `/goals/${id}/measurements`, valid: () => ({ indicatorKey: 'kitas', value: 8, measuredOn: '2026-03-01', source: 'Liste' }) },
  { name: 'POST /goals/:id/reviews', idKind: 'goal', path: (id) => `/goals/${id}/reviews`, valid: () => ({ reviewedOn: '2026-03-02', assessment: 'on_track', evidence: 'Protokoll' }) },
  {
    name: 'POST /goals/:id/reorientations',
    idKind: 'goal',
    path: (id) => `/goals/${id}/reorientations`,
    valid: () => ({ decision: 'adjust', rationale: 'Anders', reorientedOn: '2026-03-03', changes: { title: 'Neu', qualityGoals: ['outreach'], reviewIntervalDays: 60 }, replacement: content }),
  },
  {
    name: 'POST /networks/:id/leitbild/versions',
    idKind: 'network',
    path: (id) => `/networks/${id}/leitbild/versions`,
    valid: () => ({ vision: 'Alle Kinder wachsen gut auf.', principles: [{ key: 'P1', text: 'Familien wirken mit.' }], draftedOn: '2026-02-01' }),
  },
  {
    name: 'POST /networks/:id/leitbild/versions/:id/adoption',
    idKind: 'network',
    path: (id) => `/networks/${id}/leitbild/versions/2/adoption`,
    valid: (f) => ({ adoptedOn: '2026-02-02', decisionId: f.decisionId }),
  },
  {
    name: 'POST /networks/:id/organisations',
    idKind: 'network',
    path: (id) => `/networks/${id}/organisations`,
    valid: () => ({ ...organisation, contactPerson: { name: 'Eva Muster', email: 'eva@example.org', phone: '0221 1234' }, joinedOn: '2026-01-01' }),
  },
  { name: 'POST /organisations/:id/descriptions', idKind: 'organisation', path: (id) => `/organisations/${id}/descriptions`, valid: () => ({ ...organisation, describedOn: '2026-03-01' }) },
  { name: 'POST /organisations/:id/departure', idKind: 'organisation', path: (id) => `/organisations/${id}/departure`, valid: () => ({ leftOn: '2026-12-01', reason: 'Träger aufgelöst' }) },
  {
    name: 'POST /networks/:id/bodies',
    idKind: 'network',
    path: (id) => `/networks/${id}/bodies`,
    valid: (f) => ({ kind: 'working_group', name: 'Arbeitskreis Kitas', meetingsPerYear: 4, members: [{ organisationId: f.organisationId, representative: null }], establishedOn: '2026-01-01' }),
  },
  { name: 'POST /bodies/:id/members', idKind: 'body', path: (id) => `/bodies/${id}/members`, valid: (f) => ({ members: [{ organisationId: f.organisationId }], changedOn: '2026-03-01' }) },
  { name: 'POST /bodies/:id/dissolution', idKind: 'body', path: (id) => `/bodies/${id}/dissolution`, valid: () => ({ dissolvedOn: '2026-12-01', reason: 'Auftrag erfüllt' }) },
  { name: 'POST /bodies/:id/meetings', idKind: 'body', path: (id) => `/bodies/${id}/meetings`, valid: () => ({ scheduledFor: '2026-05-01', title: 'Sitzung', contactPerson: { name: 'Eva Muster' } }) },
  { name: 'POST /meetings/:id/topics', idKind: 'meeting', path: (id) => `/meetings/${id}/topics`, valid: () => ({ title: 'Elterncafé', description: '', proposedOn: '2026-01-05' }) },
  { name: 'POST /meetings/:id/attendance', idKind: 'meeting', path: (id) => `/meetings/${id}/attendance`, valid: (f) => ({ heldOn: '2026-01-08', attendance: [f.organisationId] }) },
  { name: 'POST /meetings/:id/decisions', idKind: 'meeting', path: (id) => `/meetings/${id}/decisions`, valid: () => ({ text: 'Beschlossen.', subject: 'goal_review' }) },
  { name: 'POST /networks/:id/offers', idKind: 'network', path: (id) => `/networks/${id}/offers`, valid: (f) => ({ ...offer(f), listedOn: '2026-01-01' }) },
  { name: 'POST /offers/:id/revisions', idKind: 'offer', path: (id) => `/offers/${id}/revisions`, valid: (f) => ({ ...offer(f), revisedOn: '2026-02-01' }) },
  { name: 'POST /offers/:id/withdrawal', idKind: 'offer', path: (id) => `/offers/${id}/withdrawal`, valid: () => ({ withdrawnOn: '2026-12-01', reason: 'Förderung endet' }) },
  {
    name: 'POST /frameworks/:id/versions',
    idKind: 'none',
    path: () => `/frameworks/${NZFH_FRAMEWORK_ID}/versions`,
    valid: () => ({
      title: { de: 'Qualitätsrahmen Frühe Hilfen', en: 'Quality framework' },
      dimensions: [
        {
          key: 'network',
          number: 3,
          title: { de: 'Netzwerk', en: 'Network' },
          description: null,
          keyQuestions: [],
          themes: [{ key: 'network.goals', title: { de: 'Ziele', en: 'Goals' }, goals: [{ key: 'network.goals.shared_goals', text: { de: 'Gemeinsame Ziele', en: 'Shared goals' } }] }],
          strategicQuestions: [],
        },
      ],
      publishedOn: '2026-03-01',
    }),
  },
  {
    name: 'POST /networks/:id/assessments',
    idKind: 'network',
    path: (id) => `/networks/${id}/assessments`,
    valid: (f) => ({ cycleId: f.cycleId, frameworkId: NZFH_FRAMEWORK_ID, frameworkVersion: 1, dimensionKeys: ['network'], raters: ['u-fuzz'], visibility: 'named', openedOn: '2026-03-01' }),
  },
  {
    name: 'POST /assessments/:id/ratings',
    idKind: 'assessment',
    path: (id) => `/assessments/${id}/ratings`,
    valid: () => ({ ratings: [{ itemKey: 'network.goals.review_system', rating: 'largely_reached', comment: 'Gut' }], ratedOn: '2026-03-01' }),
  },
  { name: 'POST /assessments/:id/close', idKind: 'assessment', path: (id) => `/assessments/${id}/close`, valid: () => ({ closedOn: '2026-03-01' }) },
  {
    name: 'POST /assessments/:id/priorities',
    idKind: 'assessment',
    path: (id) => `/assessments/${id}/priorities`,
    valid: () => ({ itemKey: 'network.goals.review_system', prioritisedOn: '2026-03-01', note: 'Schwerpunkt' }),
  },
  {
    name: 'POST /assessments/:id/priorities/:id/goals',
    idKind: 'assessment',
    path: (id) => `/assessments/${id}/priorities/network.goals.review_system/goals`,
    valid: (f) => ({ ...content, cycleId: f.cycleId, level: 'strategic', definedOn: '2026-03-01' }),
  },
  { name: 'POST /people/:id/erasure', idKind: 'person', path: (id) => `/people/${id}/erasure`, valid: () => ({ erasedOn: '2026-11-25', reason: 'Antrag nach Art. 17 DSGVO' }) },
];

// ---- arbitraries -------------------------------------------------------------------------------------

const printable = (max: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: max });

/** Strings that break parsers, databases and renderers. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '😀',
  '\u202egnp.exe',
  '\ufeff',
  'Ä'.normalize('NFD'),
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '1e309',
  '-0',
  '2026-02-30',
  '2026-2-3',
  '20260301',
  '2026-03-01T00:00:00Z',
  '0000-01-01',
  '9999-12-31',
  '%00',
  '../../etc/passwd',
);

/** Dates in the right shape, from year 0 to 9999, and more often the edges that matter. */
const shapedDate = fc.oneof(
  { arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), weight: 1 },
  { arbitrary: fc.constantFrom('9999-12-31', '9999-10-03', '9990-01-01', '3000-01-01', '2999-12-31', '1900-01-01', '1899-12-31', '0001-01-01', '2024-02-29', '2026-02-29'), weight: 2 },
);

const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 300_000 }), fc.constantFrom('x', 'ü', '😀', '"', '\\'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

const nestedJunk: fc.Arbitrary<Json> = fc.letrec<{ junk: Json }>((tie) => ({
  junk: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.string(),
    fc.array(tie('junk'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'key', 'title')), tie('junk'), { maxKeys: 4 }),
  ),
})).junk;

/** A value for a field: wrong types, wrong shapes, edge numbers and nasty strings. */
const junkValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 3651, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1),
  fc.string(),
  fc.string({ unit: 'binary' }),
  nastyString,
  nastyString,
  shapedDate,
  fc.uuid().map(String),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  nestedJunk,
  hugeString,
);

/** Every path into a body, containers included, so that objects can turn into arrays and back. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

function at(body: Json, path: (string | number)[]): Json | undefined {
  return path.reduce<Json | undefined>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string | number, Json>)[key] : undefined), body);
}

function setAt(body: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy: Json = structuredClone(body);
  let target = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (next === null || typeof next !== 'object') return copy;
    target = next as Record<string | number, Json>;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(target)) delete target[last];
  else target[last] = value ?? null;
  return copy;
}

const isDate = (value: Json | undefined) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const textPathsOf = (valid: Json) => pathsOf(valid).filter((path) => typeof at(valid, path) === 'string' && !isDate(at(valid, path)));
const datePathsOf = (valid: Json) => pathsOf(valid).filter((path) => isDate(at(valid, path)));
/** Places where a list holds an object: where an array instead of the object once got past validation. */
const isObject = (value: Json | undefined) => value !== null && typeof value === 'object' && !Array.isArray(value);
const listedObjectPathsOf = (valid: Json) => pathsOf(valid).filter((path) => typeof path[path.length - 1] === 'number' && isObject(at(valid, path)));

/** A body as sent: JSON text, or raw text that is no JSON at all. */
function bodyOf(valid: Json): fc.Arbitrary<string> {
  const paths = pathsOf(valid);
  const mutated = fc
    .array(fc.tuple(fc.nat(), fc.option(junkValue, { nil: undefined, freq: 4 })), { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce<Json>((body, [index, value]) => setAt(body, paths[index % paths.length], value), valid));
  const textPaths = textPathsOf(valid);
  const datePaths = datePathsOf(valid);
  // Valid but for one text with a nasty character, or one date at an edge: these reach the domain and the store.
  const poisonedText = fc
    .tuple(fc.nat(), nastyString, fc.boolean())
    .map(([index, nasty, append]) => (textPaths.length ? setAt(valid, textPaths[index % textPaths.length], append ? `${at(valid, textPaths[index % textPaths.length])}${nasty}` : nasty) : valid));
  const edgeDate = fc
    .tuple(fc.nat(), shapedDate)
    .map(([index, date]) => (datePaths.length ? setAt(valid, datePaths[index % datePaths.length], date) : valid));
  const extraField = fc
    .tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'actor', 'networkId', 'goalId', 'version', 'id', 'expectedVersion'), fc.string()), junkValue)
    .map(([key, value]) => JSON.parse(JSON.stringify({ ...(valid as object), [key]: value })) as Json);
  const protoPollution = fc.constantFrom(
    '{"__proto__": {"admin": true}}',
    '{"constructor": {"prototype": {"admin": true}}}',
    `{"__proto__": ${JSON.stringify(valid)}}`,
  );
  const json = fc.oneof(
    { arbitrary: mutated, weight: 8 },
    { arbitrary: poisonedText, weight: 3 },
    { arbitrary: edgeDate, weight: 3 },
    { arbitrary: extraField, weight: 2 },
    { arbitrary: fc.constant(valid), weight: 1 },
    { arbitrary: fc.constant([valid] as Json), weight: 1 },
    { arbitrary: fc.anything() as fc.Arbitrary<Json>, weight: 2 },
    { arbitrary: fc.object() as fc.Arbitrary<Json>, weight: 2 },
    { arbitrary: nestedJunk, weight: 1 },
    { arbitrary: junkValue, weight: 1 },
  );
  return fc.oneof(
    { arbitrary: json.map((body) => JSON.stringify(body) ?? ''), weight: 12 },
    { arbitrary: protoPollution, weight: 1 },
    { arbitrary: fc.oneof(fc.string(), fc.constantFrom('{', '{"a":', '[1,', '{"a":1}}', '\u0000', 'true', '"text"', '1', 'null', '{"a": NaN}', '{"a": 01}')), weight: 1 },
  );
}

/** Percent-encodes a path segment; a lone surrogate goes as the bytes a sloppy encoder would send. */
function encodePathSegment(value: string): string {
  return Array.from(value, (char) => (/^[\ud800-\udfff]$/.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');
}

/** The path id: mostly the fixture's own, else another case of it, a UUID of nothing, or no UUID at all. */
function idOf(own: string): fc.Arbitrary<string> {
  const encoded = (s: fc.Arbitrary<string>) => s.map(encodePathSegment);
  return fc.oneof(
    { arbitrary: fc.constant(own), weight: 8 },
    { arbitrary: fc.constantFrom(own.toUpperCase(), `{${own}}`, `${own} `, `${own}0`, own.slice(1), own.replace(/-/g, '')).map(encodePathSegment), weight: 2 },
    { arbitrary: fc.uuid().map(String), weight: 2 },
    { arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'), weight: 1 },
    { arbitrary: encoded(fc.string({ minLength: 1 })), weight: 1 },
    { arbitrary: encoded(fc.string({ unit: 'grapheme', minLength: 1 })), weight: 1 },
    { arbitrary: encoded(nastyString.filter((s) => s.length > 0)), weight: 1 },
    { arbitrary: fc.constantFrom('%zz', '%', '%00', '..', '.', '%2e%2e', 'a%2Fb', '%C0%AF', '%ED%A0%80', '-1', '0', '1e3', 'null'), weight: 1 },
  );
}

interface Sent {
  id: string;
  body: string;
  headers: Record<string, string>;
}

function headersOf(auth: { coordinator: string; member: string }): fc.Arbitrary<Record<string, string>> {
  const optional = <T>(arb: fc.Arbitrary<T>, freq: number) => fc.option(arb, { nil: undefined, freq });
  return fc
    .record({
      authorization: fc.oneof(
        { arbitrary: fc.constant(`Bearer ${auth.coordinator}`), weight: 12 },
        { arbitrary: fc.constant(`Bearer ${auth.member}`), weight: 1 },
        { arbitrary: printable(80).map((s) => `Bearer ${s}`), weight: 1 },
        { arbitrary: fc.constantFrom('', 'Bearer', 'Basic YTpi', `bearer  ${auth.coordinator}`, `${auth.coordinator}`), weight: 1 },
      ),
      'content-type': fc.oneof(
        { arbitrary: fc.constant('application/json'), weight: 10 },
        {
          arbitrary: fc.constantFrom(
            'application/json; charset=utf-8',
            'APPLICATION/JSON',
            'application/json; charset=utf-16',
            'application/json; charset=latin1',
            'application/json; charset=nonsense',
            'application/json; boundary',
            'text/plain',
            'text/json',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/vnd.api+json',
            'application/merge-patch+json',
            'application/problem+json',
            '*/*',
            ';',
          ),
          weight: 3,
        },
        { arbitrary: printable(60), weight: 1 },
      ),
      'if-match': optional(
        fc.oneof(
          fc.integer({ min: -2, max: 50 }).map((n) => `"${n}"`),
          fc.integer().map((n) => `W/"${n}"`),
          fc.constantFrom('*', '""', '"9999999999"', '"1", "2"', 'W/', '"-0"', '0x1', '"1.5"', '" 1"'),
          printable(40),
        ),
        2,
      ),
      'idempotency-key': optional(
        fc.oneof(fc.uuid().map(String), fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz:3'), printable(250), fc.constantFrom('', ' ', 'a b', 'x'.repeat(201), 'ä')),
        2,
      ),
      'content-encoding': optional(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'gzip, gzip', 'nonsense'), 8),
      'x-correlation-id': optional(fc.oneof(fc.uuid().map(String), printable(220)), 6),
    })
    .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>);
}

function parsed(text: string | undefined): { type?: unknown; code?: unknown } | null {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}

// ---- the property ------------------------------------------------------------------------------------

describe('write endpoints under random input', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let db: Client;
  let auth: { coordinator: string; member: string };

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    db = new Client({ connectionString: api.database.url });
    await db.connect();
    auth = {
      coordinator: await api.tokenFor({ userId: 'u-fuzz', roles: ['admin', `coordinator@${fixture.networkId}`] }),
      member: await api.tokenFor({ userId: 'u-member', roles: [`member@${fixture.networkId}`] }),
    };
  });
  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const store = async () => (await db.query('SELECT count(*)::int AS events, coalesce(max(global_position), 0)::text AS head FROM events')).rows[0] as { events: number; head: string };

  const ownId = (kind: IdKind): string =>
    ({
      none: '',
      network: fixture.networkId,
      cycle: fixture.cycleId,
      goal: fixture.operationalId,
      organisation: fixture.organisationId,
      body: fixture.bodyId,
      meeting: fixture.meetingId,
      offer: fixture.offerId,
      person: fixture.personId,
      assessment: fixture.assessmentId,
    })[kind];

  async function send(endpoint: Endpoint, sent: Sent) {
    let test = request(api.app.getHttpServer()).post(`/api/v1${endpoint.path(sent.id)}`);
    for (const [name, value] of Object.entries(sent.headers)) test = test.set(name, value);
    return test.send(sent.body);
  }

  it('covers every write endpoint of the OpenAPI document', async () => {
    const { body } = await api.anonymous().get('/api/docs-json').expect(200);
    const writes = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '').replace(/\{\w+\}/g, ':id')}`),
    );
    expect(writes.sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.name).sort());
  });

  it.each(ENDPOINTS.map((endpoint) => [endpoint.name, endpoint] as const))('%s: no 5xx, problems only, nothing stored when refused', async (_, endpoint) => {
    const own = ownId(endpoint.idKind);
    const valid = endpoint.valid(fixture);
    const clean = { authorization: `Bearer ${auth.coordinator}`, 'content-type': 'application/json' };
    // Half the requests in a clean envelope, so that the bodies get past the guard and the headers to the domain.
    const cleanHeaders = fc
      .record({
        'if-match': fc.option(fc.integer({ min: -1, max: 30 }).map((n) => `"${n}"`), { nil: undefined, freq: 3 }),
        'idempotency-key': fc.option(fc.constantFrom('clean-1', 'clean-2'), { nil: undefined, freq: 3 }),
      })
      .map((optional) => ({ ...clean, ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)) }) as Record<string, string>);
    const input: fc.Arbitrary<Sent> = fc.oneof(
      fc.record({ id: fc.constant(own), body: bodyOf(valid), headers: cleanHeaders }),
      fc.record({ id: endpoint.idKind === 'none' ? fc.constant('') : idOf(own), body: bodyOf(valid), headers: headersOf(auth) }),
    );
    // Found by this property once; always tried first.
    const example = (body: Json | string, headers: Record<string, string> = {}): [Sent] => [
      { id: own, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { ...clean, ...headers } },
    ];
    const examples: [Sent][] = [
      example(valid, { 'content-encoding': 'gzip' }), // a zlib error without body-parser's `type`: was a 500
      ...textPathsOf(valid).slice(0, 2).flatMap((path) => [example(setAt(valid, path, 'a\u0000b')), example(setAt(valid, path, 'x\udfff'))]), // refused by jsonb: was a 500
      ...datePathsOf(valid).map((path) => example(setAt(valid, path, '9999-12-31'))), // a next review in year 10000 stopped the goals projection
      ...listedObjectPathsOf(valid).map((path) => example(setAt(valid, path, []))), // a framework goal given as [] reached the domain: was a 500
    ];
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(input, async (sent) => {
        const before = await store();
        const response = await send(endpoint, sent);
        const problem = response.status >= 400 ? parsed(response.text) : null;
        const outcome = `${response.status} ${problem?.code ?? ''}`.trim();
        seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        if (response.status >= 500) throw new Error(`server error: ${response.status} ${response.text?.slice(0, 500)}`);
        if (response.status < 400) return;
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(problem).toMatchObject({ type: expect.stringMatching(/^https:\/\/kreislauf\.app\/problems\/[\w.]+$/), code: expect.any(String), status: response.status });
        expect(problem?.type).toBe(`https://kreislauf.app/problems/${problem?.code}`);
        expect(await store()).toEqual(before);
      }),
      { numRuns: RUNS, examples, ...replay },
    );
    if (process.env.FUZZ_STATS) console.log(endpoint.name, Object.fromEntries([...seen].sort()));
  });

  it('leaves the projections able to apply everything that was stored', async () => {
    const deadline = Date.now() + 10_000;
    let lag: Record<string, number> = {};
    while (Date.now() < deadline) {
      const health = await api.anonymous().get('/health').expect(200);
      lag = health.body.info.projections.lag;
      if (Object.values(lag).every((n) => n === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (Object.values(lag).some((n) => n > 0)) {
      throw new Error(`projections stuck at ${JSON.stringify(lag)}: an accepted write stored an event they cannot apply (TEST_LOG_LEVEL=error shows why)`);
    }
    // A projection goes past an event it cannot apply: the event is then named here instead of holding the lag up.
    const health = await api.anonymous().get('/health').expect(200);
    expect(health.body.info.projections.poisoned).toEqual([]);
  });
});
