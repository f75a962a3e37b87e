import { randomUUID } from 'node:crypto';
import { StoredEvent } from '@kreislauf/event-store';
import { OfferHistory } from '../offers/offer-history';
import { sealed, StructureHistory } from '../structure/structure-history';
import { EventHistory, increase, steeringGroup } from '../testing/event-history';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { AuditLogProjection } from './audit-log.projection';
import { readAuditLog } from './audit-log.reader';

describe('AuditLogProjection', () => {
  const projection = new AuditLogProjection();
  const bed = projectionTestBed(projection);
  const { project } = bed;
  const tables = ['rm_audit_log', 'rm_audit_subjects'];

  const networkId = randomUUID();
  const cycleId = randomUUID();
  const strategic = randomUUID();
  const goalId = randomUUID();
  const kita = randomUUID();
  const steering = randomUUID();
  const meeting = randomUUID();
  const offerId = randomUUID();
  const contact = sealed();

  /** Events of every kind in one network, in one global order (positions numbered afresh across the histories). */
  function aNetworkHistory(): StoredEvent[] {
    const network = new EventHistory()
      .registerNetwork(networkId, { name: 'Kalker Netzwerk für Familien' })
      .openCycle(networkId, cycleId, { title: 'Qualitätskreislauf 2026' })
      .enterPhase(networkId, cycleId, 'leitbild', '2026-01-20')
      .grantRole(networkId, 'user-funder', 'funder', '2026-01-21')
      .adoptLeitbild(networkId, '2026-02-01')
      .as(steeringGroup)
      .defineGoal(strategic, { networkId, cycleId, title: 'Familien früh erreichen', definedOn: '2026-03-01' })
      .defineGoal(goalId, { networkId, cycleId, parentGoalId: strategic, title: 'Elternbeteiligung stärken', definedOn: '2026-03-10' })
      .concretise(goalId, '2026-03-11', [increase('eltern', 10, 40, { name: 'Eltern im Elternbeirat' })])
      .measure(goalId, 'eltern', 12.5, '2026-04-30')
      .review(goalId, '2026-06-15', 'at_risk')
      .reorient(goalId, { decision: 'adjust', reorientedOn: '2026-06-20', rationale: 'Zu wenige Eltern erreicht; Ziel auf Kitas konzentrieren.', changes: { title: 'Elternbeteiligung in Kitas stärken' } })
      .review(goalId, '2026-09-15', 'on_track')
      .storedEvents();
    const structure = new StructureHistory()
      .join(kita, { networkId, name: 'Kita Sonnenschein', contactPerson: contact, joinedOn: '2026-01-10' })
      .establish(steering, { networkId, name: 'Steuerungsgruppe Kalk', members: [{ organisationId: kita, representative: sealed() }], establishedOn: '2026-02-01' })
      .schedule(meeting, steering, '2026-03-10', 'Steuerungsgruppe März', sealed())
      .hold(meeting, '2026-03-10', [kita])
      .decide(meeting, randomUUID(), 'goal_definition', 'Die Ziele 2026 werden beschlossen.\nMit Zeilenumbruch.')
      .describe(kita, '2026-05-01', { name: 'Kita Sonnenschein gGmbH', contactPerson: contact })
      .leave(kita, '2026-12-31', 'Träger hat den Standort aufgegeben')
      .storedEvents();
    const offers = new OfferHistory(networkId).list(offerId, { title: 'Elterncafé' }).withdraw(offerId, '2026-09-30', 'Die Förderung endet.').storedEvents();
    const unknown = { ...offers[0], eventId: randomUUID(), type: 'SelfAssessmentOpened', streamId: `assessment-${randomUUID()}`, streamVersion: 0, data: {} };
    return [...network, ...structure, ...offers, unknown].map((event, index) => ({ ...event, position: { commit: BigInt(100 + index), prepare: BigInt(index + 1) } }));
  }

  const events = aNetworkHistory();
  const entries = () => readAuditLog(bed.dataSource.manager, networkId, {}, null, 1000);
  const entryOf = async (type: string, nth = 0) => (await entries()).filter((entry) => entry.type === type)[nth];

  describe('applied again', () => {
    it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
      // given the rows after every event once
      await project(events);
      const once = await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table)));
      expect(once[0]).toHaveLength(events.length);
      await bed.dataSource.query(`TRUNCATE ${tables.join(', ')}`);

      // when the events are applied again
      await project(...batchesOf(events));

      // then the rows are the same
      expect(await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table)))).toEqual(once);
    });
  });

  describe('an entry', () => {
    beforeEach(() => project(events));

    it('tells who, when (business and record time), where and why', async () => {
      const reoriented = events.find((event) => event.type === 'GoalReoriented')!;
      expect(await entryOf('GoalReoriented')).toEqual({
        position: `${reoriented.position.commit}.${reoriented.position.prepare}`,
        eventId: reoriented.eventId,
        networkId,
        stream: `goal-${goalId}`,
        streamVersion: 4,
        type: 'GoalReoriented',
        occurredAt: '2026-06-20',
        recordedAt: reoriented.recordedAt,
        actor: { userId: 'user-lenkungskreis', name: null, role: 'steering_group' },
        summary: {
          de: 'Ziel „Elternbeteiligung stärken“ neu ausgerichtet: anpassen (neuer Titel „Elternbeteiligung in Kitas stärken“)',
          en: 'Goal “Elternbeteiligung stärken” reoriented: adjust (new title “Elternbeteiligung in Kitas stärken”)',
        },
        reason: 'Zu wenige Eltern erreicht; Ziel auf Kitas konzentrieren.',
      });
    });

    it('names a goal by its title at the time, also after a batch boundary', async () => {
      await bed.dataSource.query(`TRUNCATE ${tables.join(', ')}`);
      const split = events.findIndex((event) => event.type === 'GoalReviewed');
      await project(events.slice(0, split), events.slice(split));

      expect((await entryOf('GoalReviewed', 0)).summary).toEqual({ de: 'Ziel „Elternbeteiligung stärken“ überprüft: gefährdet', en: 'Goal “Elternbeteiligung stärken” reviewed: at risk' });
      expect((await entryOf('GoalReviewed', 1)).summary).toEqual({
        de: 'Ziel „Elternbeteiligung in Kitas stärken“ überprüft: auf Kurs',
        en: 'Goal “Elternbeteiligung in Kitas stärken” reviewed: on track',
      });
    });

    it('summarises every kind of event in both languages', async () => {
      const summaries = (await entries()).map((entry) => [entry.type, entry.summary.de, entry.summary.en]);
      expect(summaries).toEqual([
        ['NetworkRegistered', 'Netzwerk „Kalker Netzwerk für Familien“ registriert', 'Network “Kalker Netzwerk für Familien” registered'],
        ['CycleOpened', 'Zyklus „Qualitätskreislauf 2026“ eröffnet (01.01.2026 bis 31.12.2026)', 'Cycle “Qualitätskreislauf 2026” opened (2026-01-01 to 2026-12-31)'],
        [
          'CyclePhaseEntered',
          'Zyklus „Qualitätskreislauf 2026“: Phase „Entwicklung eines kommunalen Präventionsleitbilds“ begonnen',
          'Cycle “Qualitätskreislauf 2026”: phase “Developing a municipal prevention vision” entered',
        ],
        ['RoleGranted', 'Rolle „Fördermittelgeber“ an user-funder vergeben', 'Role “funder” granted to user-funder'],
        ['LeitbildDrafted', 'Leitbild Version 1 entworfen: 1 Leitsatz', 'Leitbild version 1 drafted: 1 principle'],
        ['LeitbildAdopted', 'Leitbild Version 1 beschlossen', 'Leitbild version 1 adopted'],
        ['GoalDefined', 'Strategisches Ziel „Familien früh erreichen“ festgelegt', 'Strategic goal “Familien früh erreichen” defined'],
        ['GoalDefined', 'Handlungsziel „Elternbeteiligung stärken“ festgelegt unter „Familien früh erreichen“', 'Operational goal “Elternbeteiligung stärken” defined under “Familien früh erreichen”'],
        ['GoalConcretised', 'Ziel „Elternbeteiligung stärken“ konkretisiert: 1 Indikator, 0 Maßnahmen', 'Goal “Elternbeteiligung stärken” concretised: 1 indicator, 0 measures'],
        [
          'MeasurementRecorded',
          'Messwert für Ziel „Elternbeteiligung stärken“ erfasst: Eltern im Elternbeirat = 12,5',
          'Measurement for goal “Elternbeteiligung stärken” recorded: Eltern im Elternbeirat = 12.5',
        ],
        ['GoalReviewed', 'Ziel „Elternbeteiligung stärken“ überprüft: gefährdet', 'Goal “Elternbeteiligung stärken” reviewed: at risk'],
        [
          'GoalReoriented',
          'Ziel „Elternbeteiligung stärken“ neu ausgerichtet: anpassen (neuer Titel „Elternbeteiligung in Kitas stärken“)',
          'Goal “Elternbeteiligung stärken” reoriented: adjust (new title “Elternbeteiligung in Kitas stärken”)',
        ],
        ['GoalReviewed', 'Ziel „Elternbeteiligung in Kitas stärken“ überprüft: auf Kurs', 'Goal “Elternbeteiligung in Kitas stärken” reviewed: on track'],
        ['OrganisationJoined', 'Organisation „Kita Sonnenschein“ beigetreten; Kontaktperson angegeben', 'Organisation “Kita Sonnenschein” joined; contact person given'],
        ['BodyEstablished', 'Gremium „Steuerungsgruppe Kalk“ (Steuerungsgruppe) eingerichtet: 1 Mitglied', 'Body “Steuerungsgruppe Kalk” (steering group) established: 1 member'],
        [
          'MeetingScheduled',
          'Sitzung „Steuerungsgruppe März“ des Gremiums „Steuerungsgruppe Kalk“ für 10.03.2026 angesetzt; Kontaktperson angegeben',
          'Meeting “Steuerungsgruppe März” of body “Steuerungsgruppe Kalk” scheduled for 2026-03-10; contact person given',
        ],
        ['MeetingHeld', 'Sitzung „Steuerungsgruppe März“ abgehalten: 1 Organisation anwesend', 'Meeting “Steuerungsgruppe März” held: 1 organisation present'],
        [
          'DecisionRecorded',
          'Beschluss in der Sitzung „Steuerungsgruppe März“ (Zielfestlegung): „Die Ziele 2026 werden beschlossen. Mit Zeilenumbruch.“',
          'Decision in meeting “Steuerungsgruppe März” (goal definition): “Die Ziele 2026 werden beschlossen. Mit Zeilenumbruch.”',
        ],
        [
          'OrganisationDescribed',
          'Beschreibung der Organisation „Kita Sonnenschein gGmbH“ geändert (vorher „Kita Sonnenschein“); Kontaktperson angegeben',
          'Description of organisation “Kita Sonnenschein gGmbH” changed (formerly “Kita Sonnenschein”); contact person given',
        ],
        ['OrganisationLeft', 'Organisation „Kita Sonnenschein gGmbH“ ausgetreten', 'Organisation “Kita Sonnenschein gGmbH” left'],
        ['OfferListed', 'Angebot „Elterncafé“ aufgenommen', 'Offer “Elterncafé” listed'],
        ['OfferWithdrawn', 'Angebot „Elterncafé“ zurückgezogen', 'Offer “Elterncafé” withdrawn'],
        ['SelfAssessmentOpened', `Ereignis SelfAssessmentOpened in ${events[events.length - 1].streamId}`, `Event SelfAssessmentOpened in ${events[events.length - 1].streamId}`],
      ]);
    });

    it('keeps the reason a person gave', async () => {
      expect((await entryOf('OrganisationLeft')).reason).toBe('Träger hat den Standort aufgegeben');
      expect((await entryOf('OfferWithdrawn')).reason).toBe('Die Förderung endet.');
      expect((await entryOf('GoalReviewed')).reason).toBeNull();
    });

    it('holds no personal data: neither the sealed contact nor the person id', async () => {
      const stored = JSON.stringify(await Promise.all(tables.map((table) => rowsOf(bed.dataSource, table))));
      for (const event of events.filter((e) => JSON.stringify(e.data).includes('"sealed"'))) {
        for (const match of JSON.stringify(event.data).matchAll(/"personId":"([^"]+)","sealed":"([^"]+)"/g)) {
          expect(stored).not.toContain(match[1]);
          expect(stored).not.toContain(match[2]);
        }
      }
      expect(stored).toContain('Kontaktperson angegeben');
    });
  });

  it('leaves out an event without a network', async () => {
    const [first] = events;
    await project([{ ...first, metadata: { ...first.metadata, networkId: '' } }]);

    expect(await rowsOf(bed.dataSource, 'rm_audit_log')).toEqual([]);
  });
});
