import { IsoDate } from '../domain-event';

/** Erase a person's data: their key goes, the events that carry it sealed stay as they are. */
export interface ErasePersonalData {
  type: 'ErasePersonalData';
  personId: string;
  /** The network the person was named in; null for a person sealed before networks were kept whom no event names. */
  networkId: string | null;
  erasedOn: IsoDate;
  /** Why, in a person's words: the request of the data subject, for example. */
  reason: string;
}

export type PersonCommand = ErasePersonalData;
