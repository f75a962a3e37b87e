import { KINDERSTARK_FRAMEWORK_ID, NZFH_FRAMEWORK_ID, NZFH_FRAMEWORK_V1 } from '@kreislauf/domain';
import { networkWithGoals, NetworkFixture } from './support/network-fixture';
import { startTestApi, TestApi } from './support/test-api';

const STEERING = 'network.actors.strategic_steering';
const REVIEW = 'network.goals.review_system';
const MATERIALS = 'network.public_relations.materials';

describe('self-assessment against the quality framework', () => {
  let api: TestApi;
  let fixture: NetworkFixture;
  let elsewhere: NetworkFixture;
  const tokens: Record<'ben' | 'carla' | 'funder' | 'outsider' | 'coordinatorOnly', string> = {} as never;

  const as = (token: string) => ({
    get: (path: string) => api.anonymous().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => api.anonymous().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  const me = {
    get: (path: string) => api.http().get(`/api/v1${path}`),
    post: (path: string, body: object) => api.http().post(`/api/v1${path}`).send(body),
  };
  const openRound = (body: object = {}, networkId = fixture.networkId) =>
    me.post(`/networks/${networkId}/assessments`, {
      cycleId: fixture.cycleId,
      frameworkId: NZFH_FRAMEWORK_ID,
      frameworkVersion: 1,
      dimensionKeys: ['network'],
      raters: ['u-coord', 'u-ben', 'u-carla'],
      visibility: 'named',
      openedOn: '2026-03-01',
      ...body,
    });

  beforeAll(async () => {
    api = await startTestApi();
    fixture = await networkWithGoals(api);
    elsewhere = await networkWithGoals(api);
    await me.post(`/networks/${fixture.networkId}/role-grants`, { userId: 'u-ben', role: 'member', on: '2026-01-01' }).expect(200);
    await me.post(`/networks/${fixture.networkId}/role-grants`, { userId: 'u-carla', role: 'steering', on: '2026-01-01' }).expect(200);
    tokens.ben = await api.tokenFor({ userId: 'u-ben', displayName: 'Ben Yılmaz', roles: [`member@${fixture.networkId}`] });
    tokens.carla = await api.tokenFor({ userId: 'u-carla', displayName: 'Carla Roth', roles: [`steering@${fixture.networkId}`] });
    tokens.funder = await api.tokenFor({ userId: 'u-fin', displayName: 'Fördergeber', roles: [`funder@${fixture.networkId}`] });
    tokens.outsider = await api.tokenFor({ userId: 'u-out', roles: [`coordinator@${elsewhere.networkId}`] });
    tokens.coordinatorOnly = await api.tokenFor({ userId: 'u-coord', displayName: 'Anna Koordination', roles: [`coordinator@${fixture.networkId}`] });
  });
  afterAll(() => api.close());

  describe('the frameworks', () => {
    it('ship the NZFH framework with dimension 3 complete and the kinderstark quality goals, for administrators to read', async () => {
      const body = (await me.get('/frameworks').expect(200)).body.items;
      const nzfh = body.find((framework: { frameworkId: string }) => framework.frameworkId === NZFH_FRAMEWORK_ID);
      expect(nzfh.title.de).toBe('Qualitätsrahmen Frühe Hilfen (NZFH)');
      expect(nzfh.versions[0].dimensions.map((dimension: { developmentGoals: number }) => dimension.developmentGoals)).toEqual([0, 0, 13, 0, 0, 0, 0, 0, 0]);
      const kinderstark = body.find((framework: { frameworkId: string }) => framework.frameworkId === KINDERSTARK_FRAMEWORK_ID);
      expect(kinderstark.versions[0].dimensions[0].developmentGoals).toBe(7);

      const version = await me.get(`/frameworks/${NZFH_FRAMEWORK_ID}/versions/1`).expect(200);
      const network = version.body.dimensions.find((dimension: { number: number }) => dimension.number === 3);
      expect(network.themes.map((theme: { title: { de: string } }) => theme.title.de)).toEqual([
        'Das Netzwerk und seine Akteure',
        'Verständnis der Frühen Hilfen und der Netzwerkarbeit',
        'Ziele des Netzwerks',
        'Öffentlichkeitsarbeit des Netzwerks',
      ]);
      expect(network.strategicQuestions).toHaveLength(10);
      await me.get(`/frameworks/${NZFH_FRAMEWORK_ID}/versions/9`).expect(404);
    });

    it('take a new version from an administrator only; earlier versions stay as they were and a round can use the new one', async () => {
      const goalSetting = {
        key: 'goal_setting',
        number: 4,
        title: { de: 'Zielbestimmung', en: 'Setting goals' },
        themes: [{ key: 'goal_setting.shared', title: { de: 'Gemeinsame Ziele', en: 'Shared goals' }, goals: [{ key: 'goal_setting.shared.agreed', text: { de: 'Ziele sind vereinbart.', en: 'Goals are agreed.' } }] }],
      };
      const content = { title: NZFH_FRAMEWORK_V1.title, dimensions: [NZFH_FRAMEWORK_V1.dimensions[2], goalSetting], publishedOn: '2026-02-01' };
      const refused = await as(tokens.coordinatorOnly).post(`/frameworks/${NZFH_FRAMEWORK_ID}/versions`, content).expect(403);
      expect(refused.body.code).toBe('auth.forbidden');

      const published = await me.post(`/frameworks/${NZFH_FRAMEWORK_ID}/versions`, content).expect(201);
      expect(published.body).toMatchObject({ id: NZFH_FRAMEWORK_ID, frameworkVersion: 2 });
      const version2 = await me.get(`/frameworks/${NZFH_FRAMEWORK_ID}/versions/2?after=${published.body.position}`).expect(200);
      expect(version2.body).toMatchObject({ version: 2, source: 'published', publishedOn: '2026-02-01' });
      expect((await me.get(`/frameworks/${NZFH_FRAMEWORK_ID}/versions/1`).expect(200)).body.dimensions).toHaveLength(9);

      await me.post(`/frameworks/${NZFH_FRAMEWORK_ID}/versions`, { ...content, dimensions: [goalSetting, goalSetting] }).expect(422);
      await openRound({ frameworkVersion: 1, dimensionKeys: ['goal_setting'] }).expect(422);
      const round = await openRound({ frameworkVersion: 2, dimensionKeys: ['goal_setting'] }).expect(201);
      const view = await me.get(`/assessments/${round.body.id}?after=${round.body.position}`).expect(200);
      expect(view.body.items.map((item: { key: string; text: { de: string } }) => [item.key, item.text.de])).toEqual([['goal_setting.shared.agreed', 'Ziele sind vereinbart.']]);
    });
  });

  describe('a named round', () => {
    let roundId: string;

    it('is opened by the coordinator with raters who hold a role in the network', async () => {
      await openRound({ raters: ['u-ben', 'u-nobody'] }).expect(422).expect((res) => expect(res.body.code).toBe('assessment.invalid_raters'));
      await openRound({ dimensionKeys: ['planning'] }).expect(422).expect((res) => expect(res.body.code).toBe('assessment.invalid_dimensions'));
      await as(tokens.carla).post(`/networks/${fixture.networkId}/assessments`, {}).expect(403);
      const opened = await openRound().expect(201);
      roundId = opened.body.id;
      const list = await me.get(`/networks/${fixture.networkId}/assessments?after=${opened.body.position}`).expect(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: roundId, status: 'open', raters: 3, submitted: 0 })]));
    });

    it('takes ratings from named raters only, and keeps them hidden from others until it is closed', async () => {
      await as(tokens.ben)
        .post(`/assessments/${roundId}/ratings`, {
          ratings: [
            { itemKey: STEERING, rating: 'largely_reached' },
            { itemKey: REVIEW, rating: 'fully_reached', comment: 'Wir haben ein Zielsystem' },
            { itemKey: MATERIALS, rating: 'cannot_judge' },
          ],
          ratedOn: '2026-03-02',
        })
        .expect(200);
      await as(tokens.carla)
        .post(`/assessments/${roundId}/ratings`, { ratings: [{ itemKey: STEERING, rating: 'largely_reached' }, { itemKey: REVIEW, rating: 'not_reached', comment: 'Kein System' }], ratedOn: '2026-03-03' })
        .expect(200);
      const refused = await as(tokens.funder).post(`/assessments/${roundId}/ratings`, { ratings: [{ itemKey: STEERING, rating: 'fully_reached' }], ratedOn: '2026-03-03' }).expect(422);
      expect(refused.body.code).toBe('assessment.not_a_rater');
      const revised = await as(tokens.ben).post(`/assessments/${roundId}/ratings`, { ratings: [{ itemKey: STEERING, rating: 'partly_reached', comment: 'Korrigiert' }], ratedOn: '2026-03-04' }).expect(200);

      const ben = await as(tokens.ben).get(`/assessments/${roundId}?after=${revised.body.position}`).expect(200);
      expect(ben.body).toMatchObject({ status: 'open', raters: 3, submitted: 2, youRate: true });
      const steering = ben.body.items.find((item: { key: string }) => item.key === STEERING);
      expect(steering).toMatchObject({ yourRating: { rating: 'partly_reached', comment: 'Korrigiert', ratedOn: '2026-03-04' }, result: null, ratings: [] });
      const funder = await as(tokens.funder).get(`/assessments/${roundId}`).expect(200);
      expect(funder.body.youRate).toBe(false);
      expect(funder.body.items.every((item: { yourRating: unknown; result: unknown; ratings: unknown[] }) => !item.yourRating && !item.result && item.ratings.length === 0)).toBe(true);
      await me.get(`/assessments/${roundId}/agenda`).expect(422).expect((res) => expect(res.body.code).toBe('assessment.not_closed'));
    });

    it('is closed by the coordinator; then shows results with names and the agenda, widest disagreement first', async () => {
      await as(tokens.carla).post(`/assessments/${roundId}/close`, { closedOn: '2026-03-10' }).expect(403);
      const rated = await me.post(`/assessments/${roundId}/ratings`, { ratings: [{ itemKey: REVIEW, rating: 'partly_reached' }], ratedOn: '2026-03-05' }).expect(200);
      const closed = await me.post(`/assessments/${roundId}/close`, { closedOn: '2026-03-10' }).expect(200);
      expect(closed.body.version).toBeGreaterThan(rated.body.version);
      await as(tokens.ben).post(`/assessments/${roundId}/ratings`, { ratings: [{ itemKey: STEERING, rating: 'fully_reached' }], ratedOn: '2026-03-11' }).expect(422).expect((res) => expect(res.body.code).toBe('assessment.closed'));

      const view = await as(tokens.funder).get(`/assessments/${roundId}?after=${closed.body.position}`).expect(200);
      const review = view.body.items.find((item: { key: string }) => item.key === REVIEW);
      expect(review.result).toEqual({ counts: { not_reached: 1, partly_reached: 1, largely_reached: 0, fully_reached: 1, cannot_judge: 0 }, rated: 3, cannotJudge: 0, median: 2, divergence: 0.667 });
      expect(review.ratings).toEqual(
        expect.arrayContaining([
          { rater: { userId: 'u-ben', displayName: 'Ben Yılmaz' }, rating: 'fully_reached', comment: 'Wir haben ein Zielsystem' },
          { rater: { userId: 'u-carla', displayName: 'Carla Roth' }, rating: 'not_reached', comment: 'Kein System' },
        ]),
      );

      const agenda = await as(tokens.funder).get(`/assessments/${roundId}/agenda`).expect(200);
      expect(agenda.body.items).toHaveLength(13);
      expect(agenda.body.items[0]).toMatchObject({ rank: 1, key: REVIEW, divergence: 0.667, median: 2, text: { de: expect.stringContaining('System zur regelmäßigen Überprüfung') } });
      expect(agenda.body.items[1]).toMatchObject({ key: STEERING, divergence: 0.333, median: 2.5 });
      expect(agenda.body.items.at(-1).divergence).toBeNull();
    });

    it('lets the steering group mark priorities and turn one into a goal of the cycle that records where it came from', async () => {
      await as(tokens.ben).post(`/assessments/${roundId}/priorities`, { itemKey: REVIEW, prioritisedOn: '2026-03-12' }).expect(403);
      await as(tokens.carla).post(`/assessments/${roundId}/priorities`, { itemKey: REVIEW, prioritisedOn: '2026-03-12', note: 'Größte Uneinigkeit' }).expect(200);
      await as(tokens.carla).post(`/assessments/${roundId}/priorities`, { itemKey: REVIEW, prioritisedOn: '2026-03-12' }).expect(409);

      const goal = {
        cycleId: fixture.cycleId,
        level: 'strategic',
        title: 'Ziele des Netzwerks regelmäßig gemeinsam überprüfen',
        description: 'Ein Zielsystem mit jährlicher Überprüfung in der Steuerungsgruppe.',
        qualityGoals: ['multiprofessional_cooperation'],
        reviewIntervalDays: 180,
        definedOn: '2026-03-15',
      };
      const notPriority = await as(tokens.carla).post(`/assessments/${roundId}/priorities/${STEERING}/goals`, goal).expect(422);
      expect(notPriority.body.code).toBe('goal.invalid_source_item');
      await as(tokens.carla).post(`/assessments/${roundId}/priorities/${REVIEW}/goals`, { ...goal, cycleId: elsewhere.cycleId }).expect(404);
      const defined = await as(tokens.carla).post(`/assessments/${roundId}/priorities/${REVIEW}/goals`, goal).expect(201);

      const history = await me.get(`/goals/${defined.body.id}/history?after=${defined.body.position}`).expect(200);
      expect(history.body.items[0]).toMatchObject({ type: 'GoalDefined', change: { sourceItem: { assessmentId: roundId, itemKey: REVIEW } } });
      const view = await me.get(`/assessments/${roundId}`).expect(200);
      const review = view.body.items.find((item: { key: string }) => item.key === REVIEW);
      expect(review.priority).toEqual({ prioritisedOn: '2026-03-12', note: 'Größte Uneinigkeit' });
      expect(review.derivedGoals).toEqual([{ goalId: defined.body.id, level: 'strategic', title: goal.title, definedOn: '2026-03-15', status: 'active' }]);
    });

    it('is compared with a later anonymous round: per item how the median and the divergence moved', async () => {
      const later = await openRound({ visibility: 'anonymous', raters: ['u-ben', 'u-carla'], openedOn: '2026-06-01' }).expect(201);
      const laterId = later.body.id;
      await as(tokens.ben).post(`/assessments/${laterId}/ratings`, { ratings: [{ itemKey: REVIEW, rating: 'largely_reached', comment: 'Zielsystem läuft' }], ratedOn: '2026-06-02' }).expect(200);
      await as(tokens.carla).post(`/assessments/${laterId}/ratings`, { ratings: [{ itemKey: REVIEW, rating: 'largely_reached' }], ratedOn: '2026-06-02' }).expect(200);
      await me.get(`/assessments/${laterId}/comparison?with=${roundId}`).expect(422);
      const closed = await me.post(`/assessments/${laterId}/close`, { closedOn: '2026-06-10' }).expect(200);

      const anonymous = await as(tokens.ben).get(`/assessments/${laterId}?after=${closed.body.position}`).expect(200);
      const ratings = anonymous.body.items.find((item: { key: string }) => item.key === REVIEW).ratings;
      expect(ratings).toEqual([
        { rater: null, rating: 'largely_reached', comment: '' },
        { rater: null, rating: 'largely_reached', comment: 'Zielsystem läuft' },
      ]);

      const comparison = await as(tokens.funder).get(`/assessments/${laterId}/comparison?with=${roundId}`).expect(200);
      expect(comparison.body.earlier.assessmentId).toBe(roundId);
      expect(comparison.body.later.assessmentId).toBe(laterId);
      const review = comparison.body.items.find((item: { key: string }) => item.key === REVIEW);
      expect(review).toMatchObject({ before: { median: 2, divergence: 0.667 }, after: { median: 3, divergence: 0 }, medianChange: 1, divergenceChange: -0.667 });
      expect(review.goalsFromEarlierRound).toEqual([expect.objectContaining({ level: 'strategic', status: 'active' })]);
    });
  });

  describe('rounds across networks', () => {
    it('are not found from elsewhere, and a round of another network is not compared', async () => {
      const own = await openRound({ raters: ['u-coord'], openedOn: '2026-03-02' }).expect(201);
      await as(tokens.outsider).get(`/assessments/${own.body.id}`).expect(404).expect((res) => expect(res.body.code).toBe('assessment.not_found'));
      await api.grant('coordinator', elsewhere.networkId);
      const foreign = await openRound({ cycleId: elsewhere.cycleId, raters: ['u-coord'] }, elsewhere.networkId).expect(201);
      await me.post(`/assessments/${foreign.body.id}/close`, { closedOn: '2026-03-03' }).expect(200);
      const closed = await me.post(`/assessments/${own.body.id}/close`, { closedOn: '2026-03-03' }).expect(200);
      await me.get(`/assessments/${own.body.id}/comparison?with=${foreign.body.id}&after=${closed.body.position}`).expect(404);
      await openRound({ cycleId: elsewhere.cycleId }).expect(404).expect((res) => expect(res.body.code).toBe('cycle.not_found'));
    });
  });
});
