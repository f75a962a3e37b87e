import { ApiProperty } from '@nestjs/swagger';
import { DecisionResponse } from '../http/openapi/read-parts.response';

export class LeitbildVersionPrincipleResponse {
  @ApiProperty({ type: String })
  key!: string;

  @ApiProperty({ type: String })
  text!: string;
}

export class LeitbildVersionResponse {
  @ApiProperty({ type: () => DecisionResponse, nullable: true })
  decision!: DecisionResponse | null;

  @ApiProperty({ type: String, enum: ['draft', 'in_force', 'superseded'] })
  status!: 'draft' | 'in_force' | 'superseded';

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  revisesVersion!: number | null;

  @ApiProperty({ type: String })
  vision!: string;

  @ApiProperty({ type: () => [LeitbildVersionPrincipleResponse] })
  principles!: LeitbildVersionPrincipleResponse[];

  @ApiProperty({ type: String, format: 'date' })
  draftedOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  adoptedOn!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  supersededOn!: string | null;
}

export class LeitbildResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: () => LeitbildVersionResponse, nullable: true, description: 'The version in force; null while none is adopted.' })
  inForce!: LeitbildVersionResponse | null;

  @ApiProperty({ type: () => [LeitbildVersionResponse] })
  versions!: LeitbildVersionResponse[];
}
