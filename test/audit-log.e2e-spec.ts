import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, NewEvent } from '@kreislauf/event-store';
import { AuditEntry, Projection, ProjectionRunner, PROJECTIONS } from '@kreislauf/read-models';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

type Page = { networkId: string; items: AuditEntry[]; nextCursor: string | null };

/** The audit log over HTTP: pages with filters and a cursor, CSV and JSONL exports, and who may read it. */
describe('audit log over HTTP', () => {
  let api: TestApi;
  let f: NetworkFixture;

  beforeAll(async () => {
    api = await startTestApi();
    f = await networkWithGoals(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const auditPath = (query = '', networkId = f.networkId) => `/api/v1/networks/${networkId}/audit${query ? `?${query}` : ''}`;
  const as = async (userId: string, roles: string[]) => {
    const token = await api.tokenFor({ userId, displayName: `Person ${userId}`, roles });
    return (path: string) => request(api.app.getHttpServer()).get(path).set('authorization', `Bearer ${token}`);
  };
  const page = async (query = ''): Promise<Page> => (await api.http().get(auditPath(query)).expect(200)).body;
  const everything = async (): Promise<AuditEntry[]> => (await page('limit=1000')).items;

  describe('a page', () => {
    let steeringReview: { position: string };

    beforeAll(async () => {
      // A steering group member reviews and reorients the operational goal: other actor, a rationale.
      const token = await api.tokenFor({ userId: 'u-steer', displayName: 'Sven Steuer', roles: [`steering@${f.networkId}`] });
      const post = (path: string, body: object) => request(api.app.getHttpServer()).post(`/api/v1${path}`).set('authorization', `Bearer ${token}`).send(body);
      await post(`/goals/${f.operationalId}/reviews`, { reviewedOn: '2026-05-15', assessment: 'at_risk', evidence: 'Protokoll' }).expect(200);
      steeringReview = (await post(`/goals/${f.operationalId}/reorientations`, { decision: 'continue', rationale: 'Mehr Zeit für die Kitas', reorientedOn: '2026-05-20' }).expect(200)).body;
      await page(`after=${steeringReview.position}`);
    });

    it('lists every event of the network in order, with who, when, what and why', async () => {
      const entries = await everything();

      const positions = entries.map((entry) => entry.position.split('.').map(BigInt));
      expect(positions.every(([commit, prepare], i) => i === 0 || commit > positions[i - 1][0] || (commit === positions[i - 1][0] && prepare > positions[i - 1][1]))).toBe(true);
      // The fixture's own events; events of features this test does not know may stand between them.
      const known = new Set(['NetworkRegistered', 'OrganisationJoined', 'BodyEstablished', 'MeetingScheduled', 'MeetingHeld', 'DecisionRecorded', 'OfferListed', 'CycleOpened', 'CyclePhaseEntered', 'LeitbildDrafted', 'LeitbildAdopted', 'GoalDefined', 'GoalConcretised', 'GoalReviewed', 'GoalReoriented']);
      expect(entries.map((entry) => entry.type).filter((type) => known.has(type))).toEqual([
        'NetworkRegistered',
        'OrganisationJoined',
        'BodyEstablished',
        'MeetingScheduled',
        'MeetingHeld',
        'DecisionRecorded',
        'OfferListed',
        'CycleOpened',
        'CyclePhaseEntered',
        'LeitbildDrafted',
        'LeitbildAdopted',
        'CyclePhaseEntered',
        'GoalDefined',
        'GoalDefined',
        'GoalConcretised',
        'GoalReviewed',
        'GoalReoriented',
      ]);
      const reoriented = entries[entries.length - 1];
      expect(reoriented).toMatchObject({
        networkId: f.networkId,
        stream: `goal-${f.operationalId}`,
        type: 'GoalReoriented',
        occurredAt: '2026-05-20',
        actor: { userId: 'u-steer', name: 'Sven Steuer', role: 'steering' },
        summary: { de: 'Ziel „operational goal“ neu ausgerichtet: fortführen', en: 'Goal “operational goal” reoriented: continue' },
        reason: 'Mehr Zeit für die Kitas',
      });
      expect(Date.parse(reoriented.recordedAt)).toBeGreaterThan(Date.now() - 600_000);
      expect(entries.find((entry) => entry.type === 'OrganisationJoined')!.summary.de).toBe('Organisation „Familienzentrum Kalk“ beigetreten; Kontaktperson angegeben');
    });

    it('never shows a contact person’s name or e-mail', async () => {
      const text = JSON.stringify(await everything());
      expect(text).not.toContain('Petra');
      expect(text).not.toContain('petra@example.org');
    });

    it('pages through the whole log with the cursor, without gaps or duplicates', async () => {
      const all = await everything();
      const seen: AuditEntry[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const next: Page = await page(`limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        expect(next.items.length).toBeLessThanOrEqual(4);
        seen.push(...next.items);
        cursor = next.nextCursor;
        pages += 1;
      } while (cursor !== null && pages < 100);

      expect(pages).toBe(Math.ceil(all.length / 4));
      expect(seen.map((entry) => entry.eventId)).toEqual(all.map((entry) => entry.eventId));
      expect(new Set(seen.map((entry) => entry.eventId)).size).toBe(all.length);
    });

    it('filters by event types, repeated or comma-separated', async () => {
      const repeated = await page('type=GoalDefined&type=GoalReoriented');
      const commas = await page('type=GoalDefined,GoalReoriented');

      expect(repeated.items.map((entry) => entry.type)).toEqual(['GoalDefined', 'GoalDefined', 'GoalReoriented']);
      expect(commas.items).toEqual(repeated.items);
      expect(repeated.items[1].summary).toEqual({
        de: 'Handlungsziel „operational goal“ festgelegt unter „strategic goal“',
        en: 'Operational goal “operational goal” defined under “strategic goal”',
      });
    });

    it('filters by goal: the events of its stream only', async () => {
      const { items: entries } = await page(`goalId=${f.operationalId}`);

      expect(entries.map((entry) => entry.type)).toEqual(['GoalDefined', 'GoalConcretised', 'GoalReviewed', 'GoalReoriented']);
      expect(entries.every((entry) => entry.stream === `goal-${f.operationalId}`)).toBe(true);
    });

    it('filters by actor', async () => {
      const { items: entries } = await page('actor=u-steer');

      expect(entries.map((entry) => entry.type)).toEqual(['GoalReviewed', 'GoalReoriented']);
    });

    it('filters by business days, both inclusive', async () => {
      const all = await everything();
      const { items: entries } = await page('from=2026-01-08&to=2026-02-10');

      const expected = all.filter((entry) => entry.occurredAt >= '2026-01-08' && entry.occurredAt <= '2026-02-10');
      expect(expected.length).toBeGreaterThan(3);
      expect(expected.length).toBeLessThan(all.length);
      expect(entries.map((entry) => entry.eventId)).toEqual(expected.map((entry) => entry.eventId));
    });

    it('filters by record time, separately from business time', async () => {
      const all = await everything();
      const from = all[3].recordedAt;
      const to = all[all.length - 3].recordedAt;
      const { items: entries } = await page(`recordedFrom=${encodeURIComponent(from)}&recordedTo=${encodeURIComponent(to)}`);

      const expected = all.filter((entry) => entry.recordedAt >= from && entry.recordedAt <= to);
      expect(entries.map((entry) => entry.eventId)).toEqual(expected.map((entry) => entry.eventId));
      // the day of the last write as an upper bound includes it; the day before the first excludes everything
      expect((await page(`recordedTo=${all[all.length - 1].recordedAt.slice(0, 10)}&limit=1000`)).items).toHaveLength(all.length);
      expect((await page(`recordedTo=2000-01-01`)).items).toEqual([]);
    });

    it('combines filters', async () => {
      const { items: entries } = await page(`goalId=${f.operationalId}&type=GoalReviewed,GoalDefined&from=2026-03-01`);

      expect(entries.map((entry) => [entry.type, entry.occurredAt])).toEqual([['GoalReviewed', '2026-05-15']]);
    });
  });

  describe('who may read it', () => {
    it.each([
      ['funder', 200],
      ['coordinator', 200],
      ['steering', 403],
      ['member', 403],
    ])('a %s of the network: %s', async (role, status) => {
      const get = await as(`u-${role}`, [`${role}@${f.networkId}`]);
      const response = await get(auditPath('format=csv')).expect(status);
      if (status === 403) expect(response.body.code).toBe('auth.forbidden');
    });

    it('someone without a role in the network: 404, as for a network that does not exist', async () => {
      const get = await as('u-outsider', [`coordinator@${randomUUID()}`]);
      const response = await get(auditPath()).expect(404);
      expect(response.body.code).toBe('network.not_found');
    });

    it('an administrator, for a network that does not exist: 404', async () => {
      await api.http().get(auditPath('', randomUUID())).expect(404);
    });
  });

  describe('a filter it cannot read', () => {
    it.each([
      ['from=2026-02-30', 'from'],
      ['to=10.03.2026', 'to'],
      ['from=2026-03-10&to=2026-03-01', 'to'],
      ['recordedFrom=2026-03-10T08:00', 'recordedFrom'],
      ['recordedFrom=2026-03-10&recordedTo=2026-03-09', 'recordedTo'],
      ['type=Goal%20Reviewed', 'type'],
      [`goalId=not-a-uuid`, 'goalId'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['cursor=%21%21', 'cursor'],
      ['cursor=bm90LWEtcG9zaXRpb24', 'cursor'],
      ['format=xml', 'format'],
      ['lang=fr', 'lang'],
      ['format=csv&limit=10', 'limit'],
      ['colour=red', 'colour'],
    ])('%s: 400 naming %s', async (query, field) => {
      const response = await api.http().get(auditPath(query)).expect(400);

      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 400, code: 'validation.failed' });
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });
  });

  describe('exports', () => {
    it('CSV: a header in the chosen language, RFC 4180 quoting, a BOM, and the file as an attachment', async () => {
      const all = await everything();
      const de = await api.http().get(auditPath('format=csv')).buffer(true).parse(text).expect(200);
      const en = await api.http().get(auditPath('format=csv&lang=en&type=GoalReoriented')).buffer(true).parse(text).expect(200);

      expect(de.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(de.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="audit-log-${f.networkId}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
      const lines = (de.body as string).split('\r\n');
      expect(lines[0]).toBe('\uFEFFErfasst am,Geschehen am,Akteur,Rolle,Stream,Ereignistyp,Zusammenfassung,Begründung');
      expect(lines).toHaveLength(all.length + 2); // header, entries, and the empty string after the last CRLF
      expect(lines[1]).toBe(`${all[0].recordedAt},2010-01-01,Anna Koordination (u-coord),Administration,network-${f.networkId},NetworkRegistered,Netzwerk „Kalker Netzwerk für Familien“ registriert,`);
      expect((en.body as string).split('\r\n')).toEqual([
        '\uFEFFRecorded at,Occurred at,Actor,Role,Stream,Event type,Summary,Reason',
        `${all[all.length - 1].recordedAt},2026-05-20,Sven Steuer (u-steer),steering group,goal-${f.operationalId},GoalReoriented,Goal “operational goal” reoriented: continue,Mehr Zeit für die Kitas`,
        '',
      ]);
    });

    it('JSONL: one entry per line with both summaries, as the pages show them', async () => {
      const all = await everything();
      const response = await api.http().get(auditPath('format=jsonl')).buffer(true).parse(text).expect(200);

      expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      const lines = (response.body as string).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((line) => JSON.parse(line))).toEqual(all);
    });
  });

  describe('an export of 200,000 events', () => {
    const GOALS = 200;
    const EVENTS_PER_GOAL = 1000;
    const bulkActor = { userId: 'u-bulk', displayName: 'Massenimport', role: 'steering' };
    let bulkNetworkId: string;
    let firstGoalId: string;
    let lastGoalId: string;

    let bulk: TestApi;

    /**
     * Its own app with the projections off: the events go in through the store port, then the audit log's
     * projection alone catches up. The other projections are not what this test is about, and together they
     * take several times as long over these 200,000 events as the audit log does.
     */
    beforeAll(async () => {
      bulk = await startTestApi({ PROJECTIONS: 'off' });
      const store = bulk.app.get<EventStore>(EVENT_STORE);
      const only = (name: string) => new ProjectionRunner(bulk.app.get(DataSource), store, bulk.app.get<Projection[]>(PROJECTIONS).filter((projection) => projection.name === name));
      bulkNetworkId = (
        await bulk.http().post('/api/v1/networks').send({ name: 'Netzwerk mit langer Geschichte', region: 'Köln', responsibleBody: 'Jugendamt', municipalities: ['Köln'], registeredOn: '2016-01-01' }).expect(201)
      ).body.id;
      await only('networks').catchUp();
      const cycleId = randomUUID();
      // Each append is one goal stream of 1,000 events: a definition and 999 reviews.
      for (let g = 0; g < GOALS; g++) {
        const goalId = randomUUID();
        if (g === 0) firstGoalId = goalId;
        lastGoalId = goalId;
        await store.append(`goal-${goalId}`, Array.from({ length: EVENTS_PER_GOAL }, (_, i) => (i === 0 ? definition(goalId, g, cycleId) : review(i))), 'no_stream');
      }
      expect(await only('audit-log').catchUp()).toBe(1 + GOALS * EVENTS_PER_GOAL);
    }, 300_000);
    afterAll(async () => {
      await bulk?.close();
    });

    function definition(goalId: string, g: number, cycleId: string): NewEvent {
      const data = {
        networkId: bulkNetworkId,
        cycleId,
        level: 'strategic',
        parentGoalId: null,
        title: `Ziel ${g + 1}`,
        description: '',
        qualityGoals: ['participation'],
        lifePhase: null,
        district: null,
        reviewIntervalDays: 90,
        definedOn: '2016-02-01',
        replacesGoalId: null,
        decisionId: null,
        principleKeys: [],
      };
      return bulkEvent('GoalDefined', 2, data, '2016-02-01');
    }

    function review(i: number): NewEvent {
      const reviewedOn = new Date(Date.UTC(2016, 1, 1) + i * 86_400_000).toISOString().slice(0, 10);
      return bulkEvent('GoalReviewed', 2, { reviewedOn, assessment: i % 2 ? 'on_track' : 'at_risk', evidence: 'Bericht', decisionId: null }, reviewedOn);
    }

    function bulkEvent(type: string, schemaVersion: number, data: Record<string, unknown>, occurredAt: string): NewEvent {
      return { eventId: randomUUID(), type, schemaVersion, data, metadata: { actor: bulkActor, networkId: bulkNetworkId, correlationId: randomUUID(), causationId: null, occurredAt } };
    }

    it('streams the CSV: chunked, every row, the first and the last right', async () => {
      const response = await bulk.http().get(auditPath('format=csv&lang=en', bulkNetworkId)).buffer(true).parse(lineCounter).expect(200);
      const lines = response.body as CountedLines;

      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();
      expect(lines.count).toBe(1 + 1 + GOALS * EVENTS_PER_GOAL); // header, the registration, the goal events
      expect(lines.first[0]).toBe('\uFEFFRecorded at,Occurred at,Actor,Role,Stream,Event type,Summary,Reason');
      expect(lines.first[1]).toMatch(/,2016-01-01,Anna Koordination \(u-coord\),administrator,network-.*,NetworkRegistered,Network “Netzwerk mit langer Geschichte” registered,$/);
      expect(lines.first[2]).toMatch(new RegExp(`,2016-02-01,Massenimport \\(u-bulk\\),steering group,goal-${firstGoalId},GoalDefined,Strategic goal “Ziel 1” defined,$`));
      expect(lines.last).toMatch(new RegExp(`,2018-10-27,Massenimport \\(u-bulk\\),steering group,goal-${lastGoalId},GoalReviewed,Goal “Ziel ${GOALS}” reviewed: on track,$`));
    }, 120_000);

    it('streams the JSONL of a selection: every entry of the actor, in order', async () => {
      const response = await bulk.http().get(auditPath('format=jsonl&actor=u-bulk', bulkNetworkId)).buffer(true).parse(lineCounter).expect(200);
      const lines = response.body as CountedLines;

      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(lines.count).toBe(GOALS * EVENTS_PER_GOAL);
      expect(JSON.parse(lines.first[0])).toMatchObject({ type: 'GoalDefined', stream: `goal-${firstGoalId}`, summary: { de: 'Strategisches Ziel „Ziel 1“ festgelegt' } });
      expect(JSON.parse(lines.last)).toMatchObject({
        type: 'GoalReviewed',
        stream: `goal-${lastGoalId}`,
        streamVersion: EVENTS_PER_GOAL - 1,
        summary: { de: `Ziel „Ziel ${GOALS}“ überprüft: auf Kurs`, en: `Goal “Ziel ${GOALS}” reviewed: on track` },
      });
    }, 120_000);
  });
});

/** The whole body as text. */
function text(response: unknown, done: (error: Error | null, body: string) => void): void {
  const res = response as NodeJS.ReadableStream;
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
}

interface CountedLines {
  count: number;
  first: string[];
  last: string;
}

/** Counts the lines as they arrive, keeping the first three and the last: the test holds no whole export. */
function lineCounter(response: unknown, done: (error: Error | null, body: CountedLines) => void): void {
  const res = response as NodeJS.ReadableStream;
  const lines: CountedLines = { count: 0, first: [], last: '' };
  let rest = '';
  const take = (line: string) => {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    lines.count += 1;
    if (lines.first.length < 3) lines.first.push(clean);
    lines.last = clean;
  };
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    parts.forEach(take);
  });
  res.on('end', () => {
    if (rest !== '') take(rest);
    done(null, lines);
  });
}
