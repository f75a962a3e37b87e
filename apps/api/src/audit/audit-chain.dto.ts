import { ApiProperty } from '@nestjs/swagger';

const PROBLEMS = ['content_hash_mismatch', 'previous_hash_mismatch', 'version_gap', 'missing_hash', 'missing_tail', 'missing_stream'];

export class AuditSummaryDto {
  @ApiProperty({ description: 'Deutsch' })
  de!: string;

  @ApiProperty({ description: 'English' })
  en!: string;
}

export class BrokenLinkDto {
  @ApiProperty()
  streamId!: string;

  @ApiProperty({ description: 'Where the chain breaks; for a missing tail the first version missing' })
  streamVersion!: number;

  @ApiProperty({ type: String, nullable: true, description: 'The event found there; null when it is missing' })
  eventId!: string | null;

  @ApiProperty({ enum: PROBLEMS })
  problem!: string;

  @ApiProperty({ type: String, nullable: true, description: 'What the chain expected there (a hash or a version)' })
  expected!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What was found instead' })
  found!: string | null;

  @ApiProperty({ type: AuditSummaryDto })
  summary!: AuditSummaryDto;
}

export class AuditChainVerificationDto {
  @ApiProperty()
  networkId!: string;

  @ApiProperty({ description: 'Every chain of the network holds' })
  ok!: boolean;

  @ApiProperty()
  checkedEvents!: number;

  @ApiProperty()
  checkedStreams!: number;

  @ApiProperty({ description: 'Streams with a broken link; brokenLinks lists at most 100 of them' })
  brokenStreams!: number;

  @ApiProperty({ type: BrokenLinkDto, nullable: true, description: 'The first broken link in the store’s order' })
  firstBrokenLink!: BrokenLinkDto | null;

  @ApiProperty({ type: [BrokenLinkDto], description: 'The first broken link of each broken stream' })
  brokenLinks!: BrokenLinkDto[];

  @ApiProperty({ description: 'Whether stream ends were compared with the store’s own record of stream versions (PostgreSQL), which catches removed tails' })
  streamEndsChecked!: boolean;

  @ApiProperty({ description: 'When the verification ran, ISO 8601' })
  verifiedAt!: string;

  @ApiProperty({ type: AuditSummaryDto })
  summary!: AuditSummaryDto;
}
