import { ApiProperty, PickType } from '@nestjs/swagger';
import { KeyedLabelResponse } from '../http/openapi/read-parts.response';

/** One row per offer: its current content, and when it was withdrawn. */
export class OfferResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  description!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  providerOrganisationId!: string;

  @ApiProperty({ type: [String] })
  lifePhases!: string[];

  @ApiProperty({ type: [String] })
  districts!: string[];

  @ApiProperty({ type: [String] })
  targetGroups!: string[];

  @ApiProperty({ type: String, format: 'date' })
  startsOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn!: string | null;

  @ApiProperty({ type: String, enum: ['listed', 'withdrawn'] })
  status!: 'listed' | 'withdrawn';

  @ApiProperty({ type: String, format: 'date' })
  listedOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  revisedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  withdrawnOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawalReason!: string | null;

  @ApiProperty({ type: 'integer', description: 'The offer stream’s version this row reflects: events at or below it were applied.' })
  version!: number;
}

export class CellOfferResponse extends PickType(OfferResponse, ['id', 'title', 'providerOrganisationId', 'targetGroups'] as const) {}

export class LandscapeCellResponse {
  @ApiProperty({ type: String })
  district!: string;

  @ApiProperty({ type: () => [CellOfferResponse] })
  offers!: CellOfferResponse[];
}

export class LandscapeResponse {
  @ApiProperty({ type: () => KeyedLabelResponse })
  lifePhase!: KeyedLabelResponse;

  @ApiProperty({ type: () => [LandscapeCellResponse] })
  cells!: LandscapeCellResponse[];
}

export class OfferLandscapeGapResponse {
  @ApiProperty({ type: String })
  lifePhase!: string;

  @ApiProperty({ type: String })
  district!: string;
}

export class PossibleDuplicateOfferResponse extends PickType(OfferResponse, ['id', 'title', 'providerOrganisationId'] as const) {}

/** Two or more offers for the same families in the same life phase and district: a possible duplicate structure. */
export class PossibleDuplicateResponse {
  @ApiProperty({ type: String })
  lifePhase!: string;

  @ApiProperty({ type: String })
  district!: string;

  @ApiProperty({ type: String, description: 'As the first offer of the group spells it.' })
  targetGroup!: string;

  @ApiProperty({ type: () => [PossibleDuplicateOfferResponse] })
  offers!: PossibleDuplicateOfferResponse[];
}

export class OfferLandscapeSummaryResponse {
  @ApiProperty({ type: 'integer' })
  offers!: number;

  @ApiProperty({ type: 'integer' })
  cells!: number;

  @ApiProperty({ type: 'integer' })
  coveredCells!: number;

  @ApiProperty({ type: 'integer' })
  gaps!: number;

  @ApiProperty({ type: 'integer' })
  duplicates!: number;
}

export class OfferLandscapeResponse {
  @ApiProperty({ type: String })
  on!: string;

  @ApiProperty({ type: () => [KeyedLabelResponse] })
  lifePhases!: KeyedLabelResponse[];

  @ApiProperty({ type: [String] })
  districts!: string[];

  @ApiProperty({ type: () => [LandscapeResponse] })
  rows!: LandscapeResponse[];

  @ApiProperty({ type: () => [OfferLandscapeGapResponse], description: 'Cells without an offer running on the day.' })
  gaps!: OfferLandscapeGapResponse[];

  @ApiProperty({ type: () => [PossibleDuplicateResponse] })
  duplicates!: PossibleDuplicateResponse[];

  @ApiProperty({ type: () => OfferLandscapeSummaryResponse })
  summary!: OfferLandscapeSummaryResponse;

  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;
}
