import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class WriteResponseDto {
  @ApiProperty({ format: 'uuid', description: 'The id of the resource written (new for a create)' })
  id!: string;

  @ApiProperty({ example: 3, description: 'The stream version after the write; also sent as ETag, send it back as If-Match' })
  version!: number;

  @ApiProperty({ example: '748.12', description: 'The global position written; pass it as ?after= to read your write' })
  position!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'For a reorientation: the new goal of a replacement, else null' })
  replacementGoalId?: string | null;

  @ApiPropertyOptional({ example: 2, description: 'For a Leitbild draft: the number of the new version' })
  leitbildVersion?: number;

  @ApiPropertyOptional({ example: 2, description: 'For a framework version published: its number' })
  frameworkVersion?: number;
}
