import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../http/calendar-date.decorator';

export class PrincipleDto {
  @ApiProperty({ example: 'P1', pattern: '^[A-Za-z0-9_.-]{1,32}$', description: 'How strategic goals cite the principle' })
  @Matches(/^[A-Za-z0-9_.-]{1,32}$/, { message: 'key must be 1 to 32 letters, digits, . _ or -' })
  key!: string;

  @ApiProperty({ example: 'Alle Familien finden früh und ohne Hürden passende Unterstützung.', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  text!: string;
}

export class DraftLeitbildDto {
  @ApiProperty({ example: 'Jedes Kind im Kreis Viersen wächst gesund, geschützt und mit guten Chancen auf.', maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  vision!: string;

  @ApiProperty({ type: [PrincipleDto], minItems: 1, maxItems: 30, description: 'The guiding principles (Leitsätze)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PrincipleDto)
  principles!: PrincipleDto[];

  @IsCalendarDate()
  draftedOn!: string;
}

export class AdoptLeitbildDto {
  @IsCalendarDate()
  adoptedOn!: string;

  @ApiProperty({ format: 'uuid', description: 'The decision (subject leitbild_adoption) of a body that adopts this version' })
  @IsUUID()
  decisionId!: string;
}
