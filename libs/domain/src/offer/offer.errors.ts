import { DomainError } from '../domain-error';

export class OfferNotFound extends DomainError {
  readonly code = 'offer.not_found';
  override readonly kind = 'not_found';
  constructor(offerId: string) {
    super(`Offer ${offerId} does not exist`, { offerId });
  }
}

export class OfferAlreadyListed extends DomainError {
  readonly code = 'offer.already_listed';
  override readonly kind = 'conflict';
  constructor(offerId: string) {
    super(`Offer ${offerId} is listed already`, { offerId });
  }
}

export class OfferWithdrawnAlready extends DomainError {
  readonly code = 'offer.withdrawn';
  constructor(offerId: string, withdrawnOn: string) {
    super(`Offer ${offerId} was withdrawn on ${withdrawnOn} and accepts no more changes`, { offerId, withdrawnOn });
  }
}

export class ProviderNotMember extends DomainError {
  readonly code = 'offer.provider_not_member';
  constructor(organisationId: string) {
    super(`Organisation ${organisationId} has left the network; an offer is provided by a current member organisation of its network`, {
      organisationId,
      reason: 'left',
    });
  }
}

export class UnknownDistrict extends DomainError {
  readonly code = 'offer.unknown_district';
  constructor(districts: string[]) {
    super(`Not a district of the network: ${districts.join(', ')}`, { districts });
  }
}

export class UnknownLifePhase extends DomainError {
  readonly code = 'offer.unknown_life_phase';
  constructor(keys: string[]) {
    super(`Not in the life-phase catalogue: ${keys.join(', ')}`, { keys });
  }
}

export class MissingOfferEntries extends DomainError {
  readonly code = 'offer.missing_entries';
  constructor(field: 'lifePhases' | 'districts' | 'targetGroups') {
    super(`An offer names at least one entry in ${field}, none blank`, { field });
  }
}

export class DuplicateOfferEntries extends DomainError {
  readonly code = 'offer.duplicate_entries';
  constructor(field: 'lifePhases' | 'districts' | 'targetGroups', values: string[]) {
    super(`${field} names the same entry more than once: ${values.join(', ')}`, { field, values });
  }
}

export class InvalidOfferPeriod extends DomainError {
  readonly code = 'offer.invalid_period';
  constructor(startsOn: string, endsOn: string) {
    super(`The offer ends on ${endsOn}, before it starts on ${startsOn}`, { startsOn, endsOn });
  }
}

export class DateBeforeListing extends DomainError {
  readonly code = 'offer.date_before_listing';
  constructor(date: string, listedOn: string) {
    super(`The date ${date} lies before the offer was listed on ${listedOn}`, { date, listedOn });
  }
}

export class WithdrawalReasonMissing extends DomainError {
  readonly code = 'offer.reason_required';
  constructor(offerId: string) {
    super(`Withdrawing offer ${offerId} needs a reason`, { offerId });
  }
}
