import { isRunningOn, LandscapeOffer, offerLandscape } from './offer-landscape';

const districts = ['Höhenberg', 'Vingst', 'Kalk'];
let next = 0;
const anOffer = (overrides: Partial<LandscapeOffer>): LandscapeOffer => ({
  id: `offer-${++next}`,
  title: `Angebot ${next}`,
  providerOrganisationId: 'org-1',
  lifePhases: ['age_0_3'],
  districts: ['Kalk'],
  targetGroups: ['Familien'],
  startsOn: '2026-01-01',
  endsOn: null,
  withdrawnOn: null,
  ...overrides,
});

describe('offer landscape', () => {
  describe('running on a day', () => {
    const offer = anOffer({ startsOn: '2026-04-01', endsOn: '2026-06-30', withdrawnOn: null });

    it('from its first to its last day', () => {
      expect(['2026-03-31', '2026-04-01', '2026-06-30', '2026-07-01'].map((on) => isRunningOn(offer, on))).toEqual([false, true, true, false]);
    });

    it('without an end, for good', () => {
      expect(isRunningOn({ ...offer, endsOn: null }, '2099-01-01')).toBe(true);
    });

    it('until the day before its withdrawal', () => {
      const withdrawn = { ...offer, withdrawnOn: '2026-05-15' };
      expect(['2026-05-14', '2026-05-15', '2026-05-16'].map((on) => isRunningOn(withdrawn, on))).toEqual([true, false, false]);
    });
  });

  it('has a row per life phase in catalogue order and a column per district in the network’s order', () => {
    const landscape = offerLandscape(districts, [], '2026-05-01');

    expect(landscape.rows.map((row) => row.lifePhase.key)).toEqual(['pregnancy', 'age_0_3', 'age_3_6', 'primary_school', 'secondary_school', 'transition_to_work']);
    expect(landscape.rows[0].lifePhase).toEqual({ key: 'pregnancy', de: 'Schwangerschaft', en: 'Pregnancy' });
    expect(landscape.districts).toEqual(districts);
    expect(landscape.rows.every((row) => row.cells.map((cell) => cell.district).join() === districts.join())).toBe(true);
    expect(landscape.summary).toEqual({ offers: 0, cells: 18, coveredCells: 0, gaps: 18, duplicates: 0 });
  });

  it('puts an offer in every cell of its life phases and districts', () => {
    const offer = anOffer({ title: 'Babylotsen', lifePhases: ['pregnancy', 'age_0_3'], districts: ['Vingst', 'Kalk'], targetGroups: ['Alleinerziehende'] });

    const landscape = offerLandscape(districts, [offer], '2026-05-01');

    const covered = landscape.rows.flatMap((row) => row.cells.filter((cell) => cell.offers.length > 0).map((cell) => `${row.lifePhase.key}/${cell.district}`));
    expect(covered).toEqual(['pregnancy/Vingst', 'pregnancy/Kalk', 'age_0_3/Vingst', 'age_0_3/Kalk']);
    expect(landscape.rows[0].cells[1].offers).toEqual([{ id: offer.id, title: 'Babylotsen', providerOrganisationId: 'org-1', targetGroups: ['Alleinerziehende'] }]);
    expect(landscape.summary).toMatchObject({ offers: 1, cells: 18, coveredCells: 4, gaps: 14 });
  });

  it('counts as gaps the cells whose offers have not started, have ended or were withdrawn', () => {
    // given in Kalk: one offer running, one not yet started, one ended and one withdrawn the day before
    const offers = [
      anOffer({ lifePhases: ['age_0_3'], startsOn: '2026-01-01' }),
      anOffer({ lifePhases: ['age_3_6'], startsOn: '2026-05-02' }),
      anOffer({ lifePhases: ['primary_school'], startsOn: '2025-01-01', endsOn: '2026-04-30' }),
      anOffer({ lifePhases: ['secondary_school'], withdrawnOn: '2026-05-01' }),
    ];

    // when
    const landscape = offerLandscape(['Kalk'], offers, '2026-05-01');

    // then only age 0–3 is covered
    expect(landscape.gaps).toEqual([
      { lifePhase: 'pregnancy', district: 'Kalk' },
      { lifePhase: 'age_3_6', district: 'Kalk' },
      { lifePhase: 'primary_school', district: 'Kalk' },
      { lifePhase: 'secondary_school', district: 'Kalk' },
      { lifePhase: 'transition_to_work', district: 'Kalk' },
    ]);
    expect(landscape.summary).toEqual({ offers: 1, cells: 6, coveredCells: 1, gaps: 5, duplicates: 0 });
  });

  describe('possible duplicates', () => {
    it('are offers in the same life phase, district and target group, compared without case and spaces', () => {
      // given three offers for single parents aged 0–3 in Kalk (spelt three ways), and one for other families
      const cafe = anOffer({ title: 'Elterncafé', targetGroups: ['Alleinerziehende', 'Familien mit Zuwanderungsgeschichte'] });
      const treff = anOffer({ title: 'Alleinerziehenden-Treff', targetGroups: [' alleinerziehende '] });
      const beratung = anOffer({ title: 'Beratung', targetGroups: ['ALLEINERZIEHENDE', 'Familien  mit zuwanderungsgeschichte'] });
      const sport = anOffer({ title: 'Eltern-Kind-Turnen', targetGroups: ['Väter'] });

      // when
      const landscape = offerLandscape(districts, [cafe, treff, beratung, sport], '2026-05-01');

      // then two groups, each in title order, named as the first offer spells the group
      expect(landscape.duplicates).toEqual([
        {
          lifePhase: 'age_0_3',
          district: 'Kalk',
          targetGroup: 'alleinerziehende',
          offers: [
            { id: treff.id, title: 'Alleinerziehenden-Treff', providerOrganisationId: 'org-1' },
            { id: beratung.id, title: 'Beratung', providerOrganisationId: 'org-1' },
            { id: cafe.id, title: 'Elterncafé', providerOrganisationId: 'org-1' },
          ],
        },
        {
          lifePhase: 'age_0_3',
          district: 'Kalk',
          targetGroup: 'Familien mit zuwanderungsgeschichte',
          offers: [
            { id: beratung.id, title: 'Beratung', providerOrganisationId: 'org-1' },
            { id: cafe.id, title: 'Elterncafé', providerOrganisationId: 'org-1' },
          ],
        },
      ]);
      expect(landscape.summary.duplicates).toBe(2);
    });

    it('need the same life phase and the same district', () => {
      const offers = [
        anOffer({ lifePhases: ['age_0_3'], districts: ['Kalk'], targetGroups: ['Familien'] }),
        anOffer({ lifePhases: ['age_3_6'], districts: ['Kalk'], targetGroups: ['Familien'] }),
        anOffer({ lifePhases: ['age_0_3'], districts: ['Vingst'], targetGroups: ['Familien'] }),
      ];

      expect(offerLandscape(districts, offers, '2026-05-01').duplicates).toEqual([]);
    });

    it('are found in every cell two offers share', () => {
      const offers = [
        anOffer({ lifePhases: ['pregnancy', 'age_0_3'], districts: ['Vingst', 'Kalk'], targetGroups: ['Familien'] }),
        anOffer({ lifePhases: ['age_0_3'], districts: ['Höhenberg', 'Vingst', 'Kalk'], targetGroups: ['Familien'] }),
      ];

      const cells = offerLandscape(districts, offers, '2026-05-01').duplicates.map((group) => `${group.lifePhase}/${group.district}`);

      expect(cells).toEqual(['age_0_3/Vingst', 'age_0_3/Kalk']);
    });

    it('count only offers running on the day', () => {
      const offers = [anOffer({ targetGroups: ['Familien'] }), anOffer({ targetGroups: ['Familien'], withdrawnOn: '2026-04-01' })];

      expect(offerLandscape(districts, offers, '2026-05-01').duplicates).toEqual([]);
      expect(offerLandscape(districts, offers, '2026-03-31').duplicates).toHaveLength(1);
    });
  });

  it('leaves out districts and life phases that are not the network’s or the catalogue’s', () => {
    const offers = [anOffer({ lifePhases: ['retirement', 'age_0_3'], districts: ['Nippes', 'Kalk'] })];

    const landscape = offerLandscape(['Kalk', 'Kalk'], offers, '2026-05-01');

    expect(landscape.districts).toEqual(['Kalk']);
    expect(landscape.summary).toEqual({ offers: 1, cells: 6, coveredCells: 1, gaps: 5, duplicates: 0 });
  });
});
