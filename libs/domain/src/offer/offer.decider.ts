import { LIFE_PHASE_KEYS } from '../catalogues/life-phases';
import { Decider, IsoDate } from '../domain-event';
import { NetworkNotFound } from '../network/network.errors';
import { OrganisationNotFound } from '../organisation/organisation.errors';
import { OfferCommand, OfferContent, OfferFacts } from './offer.commands';
import {
  DateBeforeListing,
  DuplicateOfferEntries,
  InvalidOfferPeriod,
  MissingOfferEntries,
  OfferAlreadyListed,
  OfferNotFound,
  OfferWithdrawnAlready,
  ProviderNotMember,
  UnknownDistrict,
  UnknownLifePhase,
  WithdrawalReasonMissing,
} from './offer.errors';
import { OfferContentData, OfferEvent, offerEventRegistry, OfferListedData, OfferRevisedData, OfferWithdrawnData } from './offer.contract';
import { targetGroupKey } from './target-groups';

export type OfferState =
  | { status: 'none' }
  | { status: 'listed'; networkId: string; listedOn: IsoDate }
  | { status: 'withdrawn'; networkId: string; listedOn: IsoDate; withdrawnOn: IsoDate };

export const initialOfferState: OfferState = { status: 'none' };

export function decideOffer(command: OfferCommand, state: OfferState): OfferEvent[] {
  if (command.type === 'ListOffer') {
    if (state.status !== 'none') throw new OfferAlreadyListed(command.offerId);
    const { data } = command;
    checkContent(data, data.networkId, command.facts);
    const listed: OfferListedData = { networkId: data.networkId, ...storedContent(data), listedOn: data.listedOn };
    return [{ type: 'OfferListed', schemaVersion: offerEventRegistry.OfferListed.version, data: listed }];
  }
  if (state.status === 'none') throw new OfferNotFound(command.offerId);
  if (state.status === 'withdrawn') throw new OfferWithdrawnAlready(command.offerId, state.withdrawnOn);

  switch (command.type) {
    case 'ReviseOffer': {
      const { data } = command;
      notBefore(data.revisedOn, state.listedOn);
      checkContent(data, state.networkId, command.facts);
      const revised: OfferRevisedData = { ...storedContent(data), revisedOn: data.revisedOn };
      return [{ type: 'OfferRevised', schemaVersion: offerEventRegistry.OfferRevised.version, data: revised }];
    }
    case 'WithdrawOffer': {
      const { withdrawnOn, reason } = command.data;
      notBefore(withdrawnOn, state.listedOn);
      if (reason.trim() === '') throw new WithdrawalReasonMissing(command.offerId);
      const withdrawn: OfferWithdrawnData = { withdrawnOn, reason };
      return [{ type: 'OfferWithdrawn', schemaVersion: offerEventRegistry.OfferWithdrawn.version, data: withdrawn }];
    }
  }
}

export function evolveOffer(state: OfferState, event: OfferEvent): OfferState {
  switch (event.type) {
    case 'OfferListed':
      return { status: 'listed', networkId: event.data.networkId, listedOn: event.data.listedOn };
    case 'OfferRevised':
      return state;
    case 'OfferWithdrawn':
      // evolve never throws: a withdrawal without a listing (impossible through decide) keeps what it knows.
      return state.status === 'none'
        ? state
        : { status: 'withdrawn', networkId: state.networkId, listedOn: state.listedOn, withdrawnOn: event.data.withdrawnOn };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const offerDecider: Decider<OfferCommand, OfferEvent, OfferState> = {
  decide: decideOffer,
  evolve: evolveOffer,
  initialState: initialOfferState,
};

/** The content as a listing or revision stores it. */
function storedContent(content: OfferContent): OfferContentData {
  return {
    title: content.title,
    description: content.description,
    providerOrganisationId: content.providerOrganisationId,
    lifePhases: content.lifePhases,
    districts: content.districts,
    targetGroups: content.targetGroups,
    startsOn: content.startsOn,
    endsOn: content.endsOn,
  };
}

function checkContent(content: OfferContent, networkId: string, { network, provider }: OfferFacts): void {
  if (!network) throw new NetworkNotFound(networkId);
  if (!provider || provider.networkId !== networkId) throw new OrganisationNotFound(content.providerOrganisationId);
  if (provider.left) throw new ProviderNotMember(content.providerOrganisationId);

  checkList('lifePhases', content.lifePhases, (key) => key);
  checkList('districts', content.districts, (district) => district);
  checkList('targetGroups', content.targetGroups, targetGroupKey);

  const unknownPhases = content.lifePhases.filter((key) => !LIFE_PHASE_KEYS.includes(key));
  if (unknownPhases.length > 0) throw new UnknownLifePhase(unknownPhases);
  const unknownDistricts = content.districts.filter((district) => !network.municipalities.includes(district));
  if (unknownDistricts.length > 0) throw new UnknownDistrict(unknownDistricts);

  if (content.endsOn !== null && content.endsOn < content.startsOn) throw new InvalidOfferPeriod(content.startsOn, content.endsOn);
}

/** At least one entry, none blank, none twice (as compared by `key`). */
function checkList(field: 'lifePhases' | 'districts' | 'targetGroups', entries: string[], key: (entry: string) => string): void {
  if (entries.length === 0 || entries.some((entry) => entry.trim() === '')) throw new MissingOfferEntries(field);
  const seen = new Set<string>();
  const twice = entries.filter((entry) => {
    const known = seen.has(key(entry));
    seen.add(key(entry));
    return known;
  });
  if (twice.length > 0) throw new DuplicateOfferEntries(field, twice);
}

function notBefore(date: IsoDate, listedOn: IsoDate): void {
  if (date < listedOn) throw new DateBeforeListing(date, listedOn);
}
