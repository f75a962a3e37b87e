import { NetworkNotFound } from '../network/network.errors';
import { OrganisationNotFound } from '../organisation/organisation.errors';
import { specify } from '../testing/decider-specification';
import { ListOffer, OfferFacts, OfferListing, ReviseOffer, WithdrawOffer } from './offer.commands';
import { offerDecider } from './offer.decider';
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
import { OfferListed, OfferRevised, OfferWithdrawn } from './offer.events';
import { targetGroupKey } from './target-groups';

const networkId = 'n0000000-0000-4000-8000-000000000001';
const otherNetworkId = 'n0000000-0000-4000-8000-000000000002';
const offerId = 'o0000000-0000-4000-8000-000000000001';
const providerId = 'p0000000-0000-4000-8000-000000000001';

const listing: OfferListing = {
  networkId,
  title: 'Elterncafé im Familienzentrum',
  description: 'Offener Treff für Eltern mit Kindern bis drei Jahre, mit Hebamme.',
  providerOrganisationId: providerId,
  lifePhases: ['pregnancy', 'age_0_3'],
  districts: ['Kalk', 'Vingst'],
  targetGroups: ['Alleinerziehende', 'Familien mit Zuwanderungsgeschichte'],
  startsOn: '2026-04-01',
  endsOn: '2026-12-31',
  listedOn: '2026-03-10',
};
const facts: OfferFacts = {
  network: { municipalities: ['Höhenberg', 'Vingst', 'Kalk'] },
  provider: { networkId, left: false },
};

const list = (data: Partial<OfferListing> = {}, given: Partial<OfferFacts> = {}): ListOffer => ({
  type: 'ListOffer',
  offerId,
  data: { ...listing, ...data },
  facts: { ...facts, ...given },
});
const { networkId: _networkId, listedOn: _listedOn, ...content } = listing;
const revise = (data: Partial<ReviseOffer['data']> = {}, given: Partial<OfferFacts> = {}): ReviseOffer => ({
  type: 'ReviseOffer',
  offerId,
  data: { ...content, revisedOn: '2026-05-01', ...data },
  facts: { ...facts, ...given },
});
const withdraw = (data: Partial<WithdrawOffer['data']> = {}): WithdrawOffer => ({
  type: 'WithdrawOffer',
  offerId,
  data: { withdrawnOn: '2026-09-30', reason: 'Die Förderung endet.', ...data },
});

const listed: OfferListed = { type: 'OfferListed', schemaVersion: 1, data: listing };
const revised: OfferRevised = { type: 'OfferRevised', schemaVersion: 1, data: revise().data };
const withdrawn: OfferWithdrawn = { type: 'OfferWithdrawn', schemaVersion: 1, data: withdraw().data };

const offer = specify(offerDecider);

describe('offer decider', () => {
  describe('list', () => {
    it('lists an offer of a member organisation in districts of the network', () => {
      offer.given().when(list()).then([listed]);
    });

    it('lists an offer without an end', () => {
      offer
        .given()
        .when(list({ endsOn: null }))
        .then([{ ...listed, data: { ...listing, endsOn: null } }]);
    });

    it('lists an offer of a single day', () => {
      offer
        .given()
        .when(list({ endsOn: listing.startsOn }))
        .then([{ ...listed, data: { ...listing, endsOn: listing.startsOn } }]);
    });

    it('refuses to list the same offer twice', () => {
      offer.given(listed).when(list()).thenThrows(OfferAlreadyListed, 'offer.already_listed');
    });

    it('refuses an unknown network', () => {
      offer.given().when(list({}, { network: null })).thenThrows(NetworkNotFound, 'network.not_found');
    });

    it('refuses an unknown provider', () => {
      offer.given().when(list({}, { provider: null })).thenThrows(OrganisationNotFound, 'organisation.not_found');
    });

    it('refuses a provider of another network', () => {
      offer
        .given()
        .when(list({}, { provider: { networkId: otherNetworkId, left: false } }))
        .thenThrows(OrganisationNotFound, 'organisation.not_found');
    });

    it('refuses a provider that has left the network', () => {
      offer
        .given()
        .when(list({}, { provider: { networkId, left: true } }))
        .thenThrows(ProviderNotMember, 'offer.provider_not_member');
    });

    it('refuses a district that is not one of the network', () => {
      offer
        .given()
        .when(list({ districts: ['Kalk', 'Nippes'] }))
        .thenThrows(UnknownDistrict, 'offer.unknown_district');
    });

    it('refuses a life phase outside the catalogue', () => {
      offer
        .given()
        .when(list({ lifePhases: ['age_0_3', 'retirement'] }))
        .thenThrows(UnknownLifePhase, 'offer.unknown_life_phase');
    });

    it.each([['lifePhases'], ['districts'], ['targetGroups']] as const)('refuses an empty list of %s', (field) => {
      offer
        .given()
        .when(list({ [field]: [] }))
        .thenThrows(MissingOfferEntries, 'offer.missing_entries');
    });

    it('refuses a blank target group', () => {
      offer
        .given()
        .when(list({ targetGroups: ['Alleinerziehende', '  '] }))
        .thenThrows(MissingOfferEntries, 'offer.missing_entries');
    });

    it.each([
      ['lifePhases', ['age_0_3', 'age_0_3']],
      ['districts', ['Kalk', 'Vingst', 'Kalk']],
      ['targetGroups', ['Alleinerziehende', 'Familien', 'Alleinerziehende']],
    ] as const)('refuses the same entry twice in %s', (field, entries) => {
      offer
        .given()
        .when(list({ [field]: [...entries] }))
        .thenThrows(DuplicateOfferEntries, 'offer.duplicate_entries');
    });

    it('takes target groups that differ only in case and spaces for the same', () => {
      offer
        .given()
        .when(list({ targetGroups: ['Familien mit Zuwanderungsgeschichte', ' familien  mit zuwanderungsgeschichte'] }))
        .thenThrows(DuplicateOfferEntries);
    });

    it('refuses an offer that ends before it starts', () => {
      offer
        .given()
        .when(list({ startsOn: '2026-04-01', endsOn: '2026-03-31' }))
        .thenThrows(InvalidOfferPeriod, 'offer.invalid_period');
    });
  });

  describe('revise', () => {
    it('revises a listed offer', () => {
      offer.given(listed).when(revise()).then([revised]);
    });

    it('revises an offer again, and on the day it was listed', () => {
      offer
        .given(listed, revised)
        .when(revise({ revisedOn: listing.listedOn, districts: ['Höhenberg'] }))
        .then([{ ...revised, data: { ...revised.data, revisedOn: listing.listedOn, districts: ['Höhenberg'] } }]);
    });

    it('refuses an offer that was never listed', () => {
      offer.given().when(revise()).thenThrows(OfferNotFound, 'offer.not_found');
    });

    it('refuses a withdrawn offer', () => {
      offer.given(listed, withdrawn).when(revise()).thenThrows(OfferWithdrawnAlready, 'offer.withdrawn');
    });

    it('refuses a revision dated before the listing', () => {
      offer
        .given(listed)
        .when(revise({ revisedOn: '2026-03-09' }))
        .thenThrows(DateBeforeListing, 'offer.date_before_listing');
    });

    it('refuses a provider that has left, of another network, or unknown', () => {
      offer.given(listed).when(revise({}, { provider: { networkId, left: true } })).thenThrows(ProviderNotMember);
      offer.given(listed).when(revise({}, { provider: { networkId: otherNetworkId, left: false } })).thenThrows(OrganisationNotFound);
      offer.given(listed).when(revise({}, { provider: null })).thenThrows(OrganisationNotFound);
    });

    it('refuses what a listing refuses', () => {
      offer.given(listed).when(revise({ districts: ['Nippes'] })).thenThrows(UnknownDistrict);
      offer.given(listed).when(revise({ lifePhases: ['retirement'] })).thenThrows(UnknownLifePhase);
      offer.given(listed).when(revise({ targetGroups: [] })).thenThrows(MissingOfferEntries);
      offer.given(listed).when(revise({ districts: ['Kalk', 'Kalk'] })).thenThrows(DuplicateOfferEntries);
      offer.given(listed).when(revise({ endsOn: '2026-01-01' })).thenThrows(InvalidOfferPeriod);
    });
  });

  describe('withdraw', () => {
    it('withdraws a listed offer', () => {
      offer.given(listed).when(withdraw()).then([withdrawn]);
    });

    it('withdraws a revised offer on the day it was listed', () => {
      offer
        .given(listed, revised)
        .when(withdraw({ withdrawnOn: listing.listedOn }))
        .then([{ ...withdrawn, data: { ...withdrawn.data, withdrawnOn: listing.listedOn } }]);
    });

    it('refuses an offer that was never listed', () => {
      offer.given().when(withdraw()).thenThrows(OfferNotFound, 'offer.not_found');
    });

    it('refuses to withdraw twice', () => {
      offer.given(listed, withdrawn).when(withdraw()).thenThrows(OfferWithdrawnAlready, 'offer.withdrawn');
    });

    it('refuses a withdrawal dated before the listing', () => {
      offer
        .given(listed)
        .when(withdraw({ withdrawnOn: '2026-03-09' }))
        .thenThrows(DateBeforeListing, 'offer.date_before_listing');
    });

    it('refuses a withdrawal without a reason', () => {
      offer
        .given(listed)
        .when(withdraw({ reason: '   ' }))
        .thenThrows(WithdrawalReasonMissing, 'offer.reason_required');
    });
  });

  describe('target groups', () => {
    it('compare without case and without extra spaces', () => {
      expect(targetGroupKey('  Familien   mit\tZuwanderungsgeschichte ')).toBe('familien mit zuwanderungsgeschichte');
      expect(targetGroupKey('ALLEINERZIEHENDE')).toBe(targetGroupKey('Alleinerziehende'));
    });
  });
});
