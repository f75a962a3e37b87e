import { randomUUID } from 'node:crypto';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { DecisionRow } from './decision.entity';
import { sealed, StructureHistory } from './structure-history';
import { BodyRow, MeetingRow, OrganisationRow } from './structure.entities';
import { StructureProjection } from './structure.projection';

describe('StructureProjection', () => {
  const projection = new StructureProjection();
  const bed = projectionTestBed(projection);
  const { project } = bed;
  const tables = ['rm_organisations', 'rm_bodies', 'rm_meetings', 'rm_decisions'];

  const networkId = randomUUID();
  const kita = randomUUID();
  const jugendamt = randomUUID();
  const schule = randomUUID();
  const steering = randomUUID();
  const workingGroup = randomUUID();
  const march = randomUUID();
  const june = randomUUID();
  const topic = randomUUID();
  const goalsDecision = randomUUID();
  const otherDecision = randomUUID();
  const kitaContact = sealed();
  const representative = sealed();
  const collector = sealed();

  /** Three organisations, a steering group with two meetings and decisions, a working group that forms and dissolves. */
  function aNetworkStructure(): StructureHistory {
    return new StructureHistory()
      .join(kita, { networkId, name: 'Kita Sonnenschein', contactPerson: kitaContact, joinedOn: '2026-01-10' })
      .join(jugendamt, { networkId, name: 'Jugendamt', sector: 'youth_welfare', namedInKkg: true, joinedOn: '2026-01-10' })
      .join(schule, { networkId, name: 'Grundschule Kalk', sector: 'school', namedInKkg: false, joinedOn: '2026-01-20' })
      .describe(kita, '2026-03-01', { name: 'Kita Sonnenschein', tasks: 'Betreuung, Sprachförderung', contactPerson: kitaContact })
      .establish(steering, { networkId, name: 'Steuerungsgruppe', members: [{ organisationId: kita, representative }, { organisationId: jugendamt, representative: null }], establishedOn: '2026-02-01' })
      .establish(workingGroup, { networkId, kind: 'working_group', name: 'AK Kitas', meetingsPerYear: 4, members: [{ organisationId: kita, representative: null }], establishedOn: '2026-02-15' })
      .schedule(march, steering, '2026-03-10', 'Steuerungsgruppe März', collector)
      .propose(march, topic, '2026-03-01', 'Ziele 2026', kita)
      .hold(march, '2026-03-10', [kita, jugendamt])
      .decide(march, goalsDecision, 'goal_definition', 'Die Ziele 2026 werden beschlossen.', topic)
      .decide(march, otherDecision, 'other', 'Nächste Sitzung im Juni.')
      .changeMembers(steering, [{ organisationId: kita, representative }, { organisationId: jugendamt, representative: null }, { organisationId: schule, representative: null }], '2026-04-01')
      .schedule(june, steering, '2026-06-10', 'Steuerungsgruppe Juni')
      .dissolve(workingGroup, '2026-05-01', 'Auftrag erfüllt')
      .leave(jugendamt, '2026-06-30', 'Zuständigkeit gewechselt');
  }

  describe('applied again', () => {
    const events = aNetworkStructure().storedEvents();

    it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
      // given the rows after every event once
      await project(events);
      const once = await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table)));
      await bed.dataSource.query(`TRUNCATE ${tables.join(', ')}`);

      // when the events are applied again
      await project(...batchesOf(events));

      // then the rows are the same
      expect(await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table)))).toEqual(once);
    });
  });

  describe('rows for each event', () => {
    beforeEach(async () => {
      await project(aNetworkStructure().storedEvents());
    });

    it('keeps an organisation with its latest description and every description by date', async () => {
      const row = await bed.dataSource.manager.findOneByOrFail(OrganisationRow, { id: kita });
      expect(row).toMatchObject({
        networkId,
        name: 'Kita Sonnenschein',
        sector: 'day_care',
        namedInKkg: true,
        tasks: 'Betreuung, Sprachförderung',
        contactPerson: kitaContact,
        joinedOn: '2026-01-10',
        leftOn: null,
        version: 1,
      });
      expect(row.descriptions.map((description) => [description.since, description.tasks])).toEqual([
        ['2026-01-10', 'Betreuung und Familienberatung'],
        ['2026-03-01', 'Betreuung, Sprachförderung'],
      ]);
    });

    it('marks an organisation that left, with the reason', async () => {
      expect(await bed.dataSource.manager.findOneByOrFail(OrganisationRow, { id: jugendamt })).toMatchObject({
        sector: 'youth_welfare',
        leftOn: '2026-06-30',
        leftReason: 'Zuständigkeit gewechselt',
        version: 1,
      });
    });

    it('keeps a body with its members now and over time, and a dissolved working group', async () => {
      const body = await bed.dataSource.manager.findOneByOrFail(BodyRow, { id: steering });
      expect(body).toMatchObject({ networkId, kind: 'steering_group', name: 'Steuerungsgruppe', meetingsPerYear: 5, establishedOn: '2026-02-01', dissolvedOn: null, version: 1 });
      expect(body.members.map((member) => member.organisationId)).toEqual([kita, jugendamt, schule]);
      expect(body.members[0].representative).toEqual(representative);
      expect(body.memberHistory.map(({ since, members }) => [since, members.length])).toEqual([
        ['2026-02-01', 2],
        ['2026-04-01', 3],
      ]);
      expect(await bed.dataSource.manager.findOneByOrFail(BodyRow, { id: workingGroup })).toMatchObject({
        kind: 'working_group',
        dissolvedOn: '2026-05-01',
        dissolvedReason: 'Auftrag erfüllt',
      });
    });

    it('keeps a meeting with its topics, attendance and decisions', async () => {
      const meeting = await bed.dataSource.manager.findOneByOrFail(MeetingRow, { id: march });
      expect(meeting).toMatchObject({
        networkId,
        bodyId: steering,
        title: 'Steuerungsgruppe März',
        scheduledFor: '2026-03-10',
        contactPerson: collector,
        heldOn: '2026-03-10',
        attendance: [kita, jugendamt],
        topics: [{ topicId: topic, title: 'Ziele 2026', proposedByOrganisationId: kita, proposedOn: '2026-03-01' }],
        decisions: [
          { decisionId: goalsDecision, subject: 'goal_definition', topicId: topic, decidedOn: '2026-03-10' },
          { decisionId: otherDecision, subject: 'other', topicId: null, decidedOn: '2026-03-10' },
        ],
        version: 4,
      });
      expect(await bed.dataSource.manager.findOneByOrFail(MeetingRow, { id: june })).toMatchObject({ heldOn: null, topics: [], attendance: [], decisions: [], contactPerson: null, version: 0 });
    });

    it('fills a decision row with its meeting and the body the meeting belongs to', async () => {
      const decisions = await bed.dataSource.manager.find(DecisionRow, { order: { text: 'ASC' } });
      expect(decisions).toEqual([
        { id: goalsDecision, networkId, meetingId: march, bodyId: steering, bodyName: 'Steuerungsgruppe', bodyKind: 'steering_group', decidedOn: '2026-03-10', text: 'Die Ziele 2026 werden beschlossen.', subject: 'goal_definition' },
        { id: otherDecision, networkId, meetingId: march, bodyId: steering, bodyName: 'Steuerungsgruppe', bodyKind: 'steering_group', decidedOn: '2026-03-10', text: 'Nächste Sitzung im Juni.', subject: 'other' },
      ]);
    });
  });

  it('names the body of a decision when the body was projected in an earlier batch', async () => {
    const events = aNetworkStructure().storedEvents();
    const firstDecision = events.findIndex((event) => event.type === 'DecisionRecorded');
    await project(events.slice(0, firstDecision), events.slice(firstDecision));
    expect(await bed.dataSource.manager.findOneByOrFail(DecisionRow, { id: goalsDecision })).toMatchObject({ bodyName: 'Steuerungsgruppe', bodyKind: 'steering_group' });
  });
});
