import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BODY_KINDS, BodyKind, DECISION_SUBJECTS, DecisionSubject, Sector, SECTOR_KEYS } from '@kreislauf/domain';
import { IsCalendarDate } from '../http/calendar-date.decorator';
import { ReadQueryDto } from '../http/query-params.dto';
import { WithPage } from '../http/pagination';

const DESCRIPTION_LENGTH = 2000;

/** A contact person or representative: sealed before it reaches an event. */
export class PersonDto {
  @ApiPropertyOptional({ description: 'A person named before in this network (the personId reads show): sealed under their key again, so one erasure reaches every mention' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiProperty({ example: 'Maria Schmitz', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'maria.schmitz@example.org' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '0221 123456', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string;
}

/** What an organisation is and does; every text may be empty. */
export class OrganisationDescriptionDto {
  @ApiProperty({ example: 'Kita Sonnenschein', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: SECTOR_KEYS })
  @IsIn(SECTOR_KEYS)
  sector!: Sector;

  @ApiProperty({ description: 'The child-protection co-operation law (KKG § 3) names it as a network partner' })
  @IsBoolean()
  namedInKkg!: boolean;

  @ApiProperty({ example: 'Betreuung und Familienberatung', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @MaxLength(DESCRIPTION_LENGTH)
  tasks!: string;

  @ApiProperty({ example: 'SGB VIII § 22', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @MaxLength(DESCRIPTION_LENGTH)
  mandates!: string;

  @ApiProperty({ example: 'Anlaufstelle im Quartier', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @MaxLength(DESCRIPTION_LENGTH)
  roles!: string;

  @ApiProperty({ example: 'Zwei Fachkräfte, ein Elterncafé', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @MaxLength(DESCRIPTION_LENGTH)
  resources!: string;

  @ApiProperty({ example: 'Keine Einzelfallberatung', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @MaxLength(DESCRIPTION_LENGTH)
  limits!: string;

  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'Stored sealed; omitted or null: no contact person' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  contactPerson?: PersonDto | null;
}

export class JoinOrganisationDto extends OrganisationDescriptionDto {
  @IsCalendarDate()
  joinedOn!: string;
}

/** A description replaces the whole previous one, the contact person included. */
export class DescribeOrganisationDto extends OrganisationDescriptionDto {
  @IsCalendarDate()
  describedOn!: string;
}

export class LeaveOrganisationDto {
  @IsCalendarDate()
  leftOn!: string;

  @ApiProperty({ example: 'Der Träger hat die Einrichtung geschlossen.', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @Length(1, DESCRIPTION_LENGTH)
  reason!: string;
}

export class BodyMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'The person who represents the organisation in the body; stored sealed' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  representative?: PersonDto | null;
}

export class BodyMembersDto {
  @ApiProperty({ type: [BodyMemberDto], maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BodyMemberDto)
  members!: BodyMemberDto[];
}

export class EstablishBodyDto extends BodyMembersDto {
  @ApiProperty({ enum: BODY_KINDS })
  @IsIn(BODY_KINDS)
  kind!: BodyKind;

  @ApiProperty({ example: 'Steuerungsgruppe', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 52 })
  @IsInt()
  @Min(1)
  @Max(52)
  meetingsPerYear!: number;

  @IsCalendarDate()
  establishedOn!: string;
}

export class ChangeBodyMembersDto extends BodyMembersDto {
  @IsCalendarDate()
  changedOn!: string;
}

export class DissolveBodyDto {
  @IsCalendarDate()
  dissolvedOn!: string;

  @ApiProperty({ example: 'Der Arbeitskreis hat seinen Auftrag erfüllt.', maxLength: DESCRIPTION_LENGTH })
  @IsString()
  @Length(1, DESCRIPTION_LENGTH)
  reason!: string;
}

export class ScheduleMeetingDto {
  @IsCalendarDate()
  scheduledFor!: string;

  @ApiProperty({ example: 'Steuerungsgruppe März', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'Who collects the topics beforehand; stored sealed' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  contactPerson?: PersonDto | null;
}

export class ProposeTopicDto {
  @ApiProperty({ example: 'Ziele 2026 beschließen', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ example: 'Entwurf der Arbeitsgruppe', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  proposedByOrganisationId?: string | null;

  @IsCalendarDate()
  proposedOn!: string;
}

export class RecordAttendanceDto {
  @IsCalendarDate({ description: 'The day the meeting was held' })
  heldOn!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'The member organisations that attended', maxItems: 200 })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  attendance!: string[];
}

export class RecordDecisionDto {
  @ApiProperty({ example: 'Die strategischen Ziele 2026 werden beschlossen.', maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  text!: string;

  @ApiProperty({ enum: DECISION_SUBJECTS })
  @IsIn(DECISION_SUBJECTS)
  subject!: DecisionSubject;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The meeting’s topic the decision answers' })
  @IsOptional()
  @IsUUID()
  topicId?: string | null;
}

export class OnDayQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'The day to show; today by default' })
  on?: string;
}

export class PeriodQueryDto extends ReadQueryDto {
  @IsOptional()
  @IsCalendarDate({ required: false, description: 'First day of the period (inclusive)' })
  from?: string;

  @IsOptional()
  @IsCalendarDate({ required: false, description: 'Last day of the period (inclusive)' })
  to?: string;
}

export class DecisionsQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ enum: DECISION_SUBJECTS })
  @IsOptional()
  @IsIn(DECISION_SUBJECTS)
  subject?: DecisionSubject;
}

export class OnDayPageQueryDto extends WithPage(OnDayQueryDto) {}
export class PeriodPageQueryDto extends WithPage(PeriodQueryDto) {}
export class DecisionsPageQueryDto extends WithPage(DecisionsQueryDto) {}
