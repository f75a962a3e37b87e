import { DecisionFact } from '../catalogues/decision-subjects';
import { IsoDate } from '../domain-event';

/** A guiding principle (Leitsatz) of a Leitbild; strategic goals cite it by its key. */
export interface Principle {
  key: string;
  text: string;
}

/** A new version of the network's Leitbild: the first draft, or a revision of the latest version. */
export interface DraftLeitbild {
  type: 'DraftLeitbild';
  networkId: string;
  data: { vision: string; principles: Principle[]; draftedOn: IsoDate };
}

export interface AdoptLeitbild {
  type: 'AdoptLeitbild';
  networkId: string;
  data: { version: number; adoptedOn: IsoDate; decisionId: string };
  facts: { decision: DecisionFact | null };
}
