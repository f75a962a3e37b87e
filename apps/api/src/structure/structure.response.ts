import { ApiProperty, OmitType, PickType } from '@nestjs/swagger';
import { DecisionResponse, KeyedLabelResponse } from '../http/openapi/read-parts.response';

export class OrganisationOverviewItemContactPersonResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  personId!: string;

  @ApiProperty({ type: Boolean })
  erased!: boolean;

  @ApiProperty({ type: String, required: false })
  name?: string;

  @ApiProperty({ type: String, nullable: true, required: false })
  email?: string | null;

  @ApiProperty({ type: String, nullable: true, required: false })
  phone?: string | null;
}

export class BodySeatResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  bodyId!: string;

  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: () => OrganisationOverviewItemContactPersonResponse, nullable: true })
  representative!: OrganisationOverviewItemContactPersonResponse | null;
}

export class OrganisationOverviewItemResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: () => KeyedLabelResponse })
  sector!: KeyedLabelResponse;

  @ApiProperty({ type: Boolean })
  namedInKkg!: boolean;

  @ApiProperty({ type: String })
  tasks!: string;

  @ApiProperty({ type: String })
  mandates!: string;

  @ApiProperty({ type: String })
  roles!: string;

  @ApiProperty({ type: String })
  resources!: string;

  @ApiProperty({ type: String })
  limits!: string;

  @ApiProperty({ type: () => OrganisationOverviewItemContactPersonResponse, nullable: true })
  contactPerson!: OrganisationOverviewItemContactPersonResponse | null;

  @ApiProperty({ type: String, format: 'date' })
  joinedOn!: string;

  @ApiProperty({ type: String })
  describedSince!: string;

  @ApiProperty({ type: () => [BodySeatResponse] })
  bodies!: BodySeatResponse[];
}

export class OrganisationChangesJoinedResponse extends PickType(OrganisationOverviewItemResponse, ['id', 'name', 'sector', 'joinedOn'] as const) {
  @ApiProperty({ enum: ['joined'] })
  change!: 'joined';
}

export class OrganisationChangesLeftResponse extends PickType(OrganisationOverviewItemResponse, ['id', 'name', 'sector'] as const) {
  @ApiProperty({ enum: ['left'] })
  change!: 'left';

  @ApiProperty({ type: String, format: 'date' })
  leftOn!: string;

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
}

export class OrganisationDetailDescriptionResponse extends PickType(OrganisationOverviewItemResponse, ['name', 'sector', 'tasks', 'mandates', 'roles', 'resources', 'limits', 'contactPerson'] as const) {
  @ApiProperty({ type: Boolean, description: 'The child-protection co-operation law (KKG § 3) names it as a partner of the network.' })
  namedInKkg!: boolean;

  @ApiProperty({ type: String })
  since!: string;
}

export class OrganisationDetailResponse extends OmitType(OrganisationOverviewItemResponse, ['describedSince'] as const) {
  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  leftOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  leftReason!: string | null;

  @ApiProperty({ type: () => [OrganisationDetailDescriptionResponse] })
  descriptions!: OrganisationDetailDescriptionResponse[];

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class BodyMemberResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  organisationId!: string;

  @ApiProperty({ type: String, nullable: true })
  organisationName!: string | null;

  @ApiProperty({ type: () => OrganisationOverviewItemContactPersonResponse, nullable: true })
  representative!: OrganisationOverviewItemContactPersonResponse | null;
}

export class CadenceResponse {
  @ApiProperty({ type: String, format: 'date' })
  windowFrom!: string;

  @ApiProperty({ type: String, format: 'date' })
  windowTo!: string;

  @ApiProperty({ type: 'integer' })
  held!: number;

  @ApiProperty({ type: 'integer', description: 'Meetings due in the window at meetingsPerYear, pro-rated for a body younger than twelve months, rounded down.' })
  expected!: number;

  @ApiProperty({ type: Boolean })
  belowCadence!: boolean;
}

export class BodyOverviewItemResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  kind!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: Number })
  meetingsPerYear!: number;

  @ApiProperty({ type: String, format: 'date' })
  establishedOn!: string;

  @ApiProperty({ type: () => [BodyMemberResponse] })
  members!: BodyMemberResponse[];

  @ApiProperty({ type: () => CadenceResponse })
  cadence!: CadenceResponse;
}

export class BodyDetailMemberHistoryResponse {
  @ApiProperty({ type: String })
  since!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  organisationIds!: string[];
}

export class BodyDetailMeetingResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  scheduledFor!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  heldOn!: string | null;

  @ApiProperty({ type: 'integer' })
  topics!: number;

  @ApiProperty({ type: 'integer' })
  decisions!: number;
}

export class BodyDetailResponse extends OmitType(BodyOverviewItemResponse, ['cadence'] as const) {
  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  dissolvedOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  dissolvedReason!: string | null;

  @ApiProperty({ type: () => [BodyDetailMemberHistoryResponse] })
  memberHistory!: BodyDetailMemberHistoryResponse[];

  @ApiProperty({ type: () => [BodyDetailMeetingResponse] })
  meetings!: BodyDetailMeetingResponse[];

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class MeetingDetailBodyResponse extends PickType(BodyOverviewItemResponse, ['id', 'kind', 'name'] as const) {}

export class MeetingDetailTopicResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  topicId!: string;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  description!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  proposedByOrganisationId!: string | null;

  @ApiProperty({ type: String, format: 'date' })
  proposedOn!: string;

  @ApiProperty({ type: String, nullable: true })
  proposedByOrganisationName!: string | null;
}

export class MeetingDetailAttendanceResponse extends PickType(BodyMemberResponse, ['organisationId', 'organisationName'] as const) {}

export class MeetingDecisionResponse extends PickType(DecisionResponse, ['decisionId', 'decidedOn', 'subject', 'text'] as const) {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  topicId!: string | null;
}

export class MeetingDetailResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'uuid' })
  networkId!: string;

  @ApiProperty({ type: () => MeetingDetailBodyResponse })
  body!: MeetingDetailBodyResponse;

  @ApiProperty({ type: String })
  title!: string;

  @ApiProperty({ type: String })
  scheduledFor!: string;

  @ApiProperty({ type: () => OrganisationOverviewItemContactPersonResponse, nullable: true })
  contactPerson!: OrganisationOverviewItemContactPersonResponse | null;

  @ApiProperty({ type: String, enum: ['scheduled', 'held'] })
  status!: 'scheduled' | 'held';

  @ApiProperty({ type: () => [MeetingDetailTopicResponse] })
  topics!: MeetingDetailTopicResponse[];

  @ApiProperty({ type: String, format: 'date', nullable: true })
  heldOn!: string | null;

  @ApiProperty({ type: () => [MeetingDetailAttendanceResponse] })
  attendance!: MeetingDetailAttendanceResponse[];

  @ApiProperty({ type: () => [MeetingDecisionResponse] })
  decisions!: MeetingDecisionResponse[];

  @ApiProperty({ type: 'integer' })
  version!: number;
}

export class RecordedDecisionResponse extends OmitType(DecisionResponse, ['decisionId', 'summary'] as const) {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
}
