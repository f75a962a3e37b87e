import { LIFE_PHASES, targetGroupKey } from '@kreislauf/domain';

/** What the landscape needs of an offer. */
export interface LandscapeOffer {
  id: string;
  title: string;
  providerOrganisationId: string;
  lifePhases: string[];
  districts: string[];
  targetGroups: string[];
  startsOn: string;
  endsOn: string | null;
  withdrawnOn: string | null;
}

export interface LifePhaseLabel {
  key: string;
  de: string;
  en: string;
}

export interface CellOffer {
  id: string;
  title: string;
  providerOrganisationId: string;
  targetGroups: string[];
}

export interface LandscapeCell {
  district: string;
  offers: CellOffer[];
}

export interface LandscapeRow {
  lifePhase: LifePhaseLabel;
  cells: LandscapeCell[];
}

/** Two or more offers for the same families in the same life phase and district: a possible duplicate structure. */
export interface PossibleDuplicate {
  lifePhase: string;
  district: string;
  /** As the first offer of the group spells it. */
  targetGroup: string;
  offers: Omit<CellOffer, 'targetGroups'>[];
}

export interface OfferLandscape {
  on: string;
  lifePhases: LifePhaseLabel[];
  districts: string[];
  rows: LandscapeRow[];
  /** Cells without an offer running on the day. */
  gaps: { lifePhase: string; district: string }[];
  duplicates: PossibleDuplicate[];
  summary: { offers: number; cells: number; coveredCells: number; gaps: number; duplicates: number };
}

/** Running on a day: started, not yet ended, and not withdrawn on or before that day. */
export function isRunningOn(offer: Pick<LandscapeOffer, 'startsOn' | 'endsOn' | 'withdrawnOn'>, on: string): boolean {
  return offer.startsOn <= on && (offer.endsOn === null || offer.endsOn >= on) && (offer.withdrawnOn === null || offer.withdrawnOn > on);
}

/**
 * The prevention chain on one day: life phases (in catalogue order) × the network's districts (in the
 * network's order), each cell with the offers running that day, the empty cells, and the possible duplicates.
 */
export function offerLandscape(districts: string[], offers: LandscapeOffer[], on: string): OfferLandscape {
  const columns = [...new Set(districts)];
  const running = offers.filter((offer) => isRunningOn(offer, on)).sort(byTitle);
  const lifePhases = LIFE_PHASES.map(({ key, de, en }) => ({ key, de, en }));

  const rows = lifePhases.map((lifePhase) => ({
    lifePhase,
    cells: columns.map((district) => ({
      district,
      offers: running
        .filter((offer) => offer.lifePhases.includes(lifePhase.key) && offer.districts.includes(district))
        .map(({ id, title, providerOrganisationId, targetGroups }) => ({ id, title, providerOrganisationId, targetGroups })),
    })),
  }));

  const gaps = rows.flatMap((row) => row.cells.filter((cell) => cell.offers.length === 0).map((cell) => ({ lifePhase: row.lifePhase.key, district: cell.district })));
  const duplicates = rows.flatMap((row) => row.cells.flatMap((cell) => duplicatesIn(row.lifePhase.key, cell)));
  const cells = rows.length * columns.length;

  return {
    on,
    lifePhases,
    districts: columns,
    rows,
    gaps,
    duplicates,
    summary: { offers: running.length, cells, coveredCells: cells - gaps.length, gaps: gaps.length, duplicates: duplicates.length },
  };
}

function duplicatesIn(lifePhase: string, cell: LandscapeCell): PossibleDuplicate[] {
  const groups = new Map<string, { targetGroup: string; offers: CellOffer[] }>();
  for (const offer of cell.offers) {
    for (const targetGroup of offer.targetGroups) {
      const key = targetGroupKey(targetGroup);
      const group = groups.get(key) ?? { targetGroup: targetGroup.trim().replace(/\s+/g, ' '), offers: [] };
      // An offer naming one group twice (which the decider refuses) still counts once.
      if (!group.offers.includes(offer)) group.offers.push(offer);
      groups.set(key, group);
    }
  }
  return [...groups.entries()]
    .filter(([, group]) => group.offers.length >= 2)
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([, group]) => ({
      lifePhase,
      district: cell.district,
      targetGroup: group.targetGroup,
      offers: group.offers.map(({ id, title, providerOrganisationId }) => ({ id, title, providerOrganisationId })),
    }));
}

function byTitle(a: LandscapeOffer, b: LandscapeOffer): number {
  return a.title.localeCompare(b.title, 'de') || a.id.localeCompare(b.id);
}
