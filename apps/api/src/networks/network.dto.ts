import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CYCLE_PHASES, CyclePhase, NETWORK_ROLES, NetworkRole } from '@kreislauf/domain';
import { IsCalendarDate } from '../http/calendar-date.decorator';

export class RegisterNetworkDto {
  @ApiProperty({ example: 'Netzwerk Frühe Hilfen Kreis Viersen', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 'Kreis Viersen', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  region!: string;

  @ApiProperty({ example: 'Kreisjugendamt Viersen', maxLength: 200, description: 'The body that holds the steering responsibility' })
  @IsString()
  @Length(1, 200)
  responsibleBody!: string;

  @ApiProperty({ type: [String], example: ['Brüggen', 'Grefrath'], maxItems: 100 })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  municipalities!: string[];

  @ApiPropertyOptional({ type: String, example: 'kinderstark – NRW schafft Chancen', maxLength: 200, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  programme?: string | null;

  @IsCalendarDate({ description: 'Since when the network works together' })
  registeredOn!: string;
}

export class OpenCycleDto {
  @ApiProperty({ example: 'Qualitätskreislauf 2026', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsCalendarDate({ example: '2026-01-01' })
  periodFrom!: string;

  @IsCalendarDate({ example: '2026-12-31' })
  periodTo!: string;

  @IsCalendarDate({ example: '2026-01-15', description: 'The day the cycle was opened (business time)' })
  openedOn!: string;
}

export class EnterCyclePhaseDto {
  @ApiProperty({ enum: CYCLE_PHASES, example: 'leitbild' })
  @IsIn([...CYCLE_PHASES])
  phase!: CyclePhase;

  @IsCalendarDate()
  enteredOn!: string;
}

export class CloseCycleDto {
  @IsCalendarDate()
  closedOn!: string;
}

export class RoleChangeDto {
  @ApiProperty({ example: 'kc-4711', description: 'The user id as it appears in tokens (the `sub` claim)', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  @Matches(/^[\w.@:|-]+$/, { message: 'userId may hold letters, digits and . @ : | _ -' })
  userId!: string;

  @ApiProperty({ enum: NETWORK_ROLES })
  @IsIn([...NETWORK_ROLES])
  role!: NetworkRole;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'When it takes effect (business time); today by default' })
  on?: string;
}
