import { randomUUID } from 'node:crypto';
import { EventHistory, steeringGroup } from '../testing/event-history';
import { projectionTestBed, rowsOf } from '../testing/read-model-database';
import { REPLAYS } from '../testing/replays';
import { OfferRow } from './offer.entity';
import { OfferHistory } from './offer-history';
import { OffersProjection } from './offers.projection';

describe('OffersProjection', () => {
  const projection = new OffersProjection();
  const bed = projectionTestBed(projection);
  const { project } = bed;
  const networkId = randomUUID();
  const offerId = randomUUID();

  async function offerRow(id: string): Promise<OfferRow> {
    return bed.dataSource.manager.findOneByOrFail(OfferRow, { id });
  }

  describe('applied again', () => {
    /** The network's own events, then eight offers listed, revised and withdrawn in turns: 25 events. */
    function aLandscape() {
      const network = new EventHistory().registerNetwork(networkId, { municipalities: ['Höhenberg', 'Vingst', 'Kalk'] }).storedEvents();
      const offers = new OfferHistory(networkId);
      const ids = Array.from({ length: 8 }, () => randomUUID());
      ids.forEach((id, index) => offers.list(id, { title: `Angebot ${index + 1}`, districts: index % 2 ? ['Kalk'] : ['Vingst', 'Höhenberg'] }));
      ids.forEach((id, index) => offers.revise(id, { revisedOn: '2026-04-15', targetGroups: [`Zielgruppe ${index}`, 'Familien'] }));
      ids.slice(0, 4).forEach((id) => offers.revise(id, { revisedOn: '2026-05-15', endsOn: '2026-12-31' }));
      ids.slice(2, 6).forEach((id) => offers.withdraw(id, '2026-06-30'));
      return [...network, ...offers.storedEvents()];
    }
    const events = aLandscape();

    it('is a history long enough for every replay', () => {
      expect(events.length).toBeGreaterThanOrEqual(25);
    });

    it.each(REPLAYS)('%s leaves the rows of applying every event once', async (_, batchesOf) => {
      // given the rows after every event once
      await project(events);
      const once = await rowsOf(bed.dataSource, 'rm_offers');
      expect(once).toHaveLength(8);
      await bed.dataSource.query('TRUNCATE rm_offers');

      // when the events are applied again
      await project(...batchesOf(events));

      // then the rows are the same
      expect(await rowsOf(bed.dataSource, 'rm_offers')).toEqual(once);
    });
  });

  describe('a listed offer', () => {
    it('carries its content, listed and not revised', async () => {
      // given / when
      await project(
        new OfferHistory(networkId)
          .list(offerId, {
            title: 'Babylotsen',
            description: 'Lotsen in der Geburtsklinik',
            lifePhases: ['pregnancy', 'age_0_3'],
            districts: ['Vingst', 'Kalk'],
            targetGroups: ['Alleinerziehende', 'Familien mit Zuwanderungsgeschichte'],
            startsOn: '2026-04-01',
            endsOn: '2027-03-31',
            listedOn: '2026-03-10',
          })
          .storedEvents(),
      );

      // then
      expect(await offerRow(offerId)).toEqual({
        id: offerId,
        networkId,
        title: 'Babylotsen',
        description: 'Lotsen in der Geburtsklinik',
        providerOrganisationId: '00000000-0000-4000-8000-00000000000a',
        lifePhases: ['pregnancy', 'age_0_3'],
        districts: ['Vingst', 'Kalk'],
        targetGroups: ['Alleinerziehende', 'Familien mit Zuwanderungsgeschichte'],
        startsOn: '2026-04-01',
        endsOn: '2027-03-31',
        status: 'listed',
        listedOn: '2026-03-10',
        revisedOn: null,
        withdrawnOn: null,
        withdrawalReason: null,
        version: 0,
      });
    });
  });

  describe('a revision', () => {
    it('replaces the content and keeps the network and the listing date', async () => {
      // given an offer in Kalk revised to reach Höhenberg too, for a year only
      const history = new OfferHistory(networkId)
        .list(offerId, { districts: ['Kalk'], listedOn: '2026-03-10' })
        .as(steeringGroup)
        .revise(offerId, { revisedOn: '2026-05-01', districts: ['Kalk', 'Höhenberg'], endsOn: '2027-03-31', title: 'Elterncafé Kalk und Höhenberg' });

      // when
      await project(history.storedEvents());

      // then
      expect(await offerRow(offerId)).toMatchObject({
        networkId,
        title: 'Elterncafé Kalk und Höhenberg',
        districts: ['Kalk', 'Höhenberg'],
        endsOn: '2027-03-31',
        listedOn: '2026-03-10',
        revisedOn: '2026-05-01',
        status: 'listed',
        version: 1,
      });
    });
  });

  describe('a withdrawal', () => {
    it('marks the offer withdrawn, with the day and the reason', async () => {
      await project(new OfferHistory(networkId).list(offerId).withdraw(offerId, '2026-09-30', 'Die Förderung endet.').storedEvents());

      expect(await offerRow(offerId)).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-09-30', withdrawalReason: 'Die Förderung endet.', version: 1 });
    });
  });

  it('ignores events of an offer whose listing it never saw', async () => {
    const [, revised] = new OfferHistory(networkId).list(offerId).revise(offerId, { revisedOn: '2026-05-01' }).storedEvents();

    await project([revised]);

    expect(await rowsOf(bed.dataSource, 'rm_offers')).toEqual([]);
  });
});
