import { BodyIsDissolved, BodyNotFound } from '../body/body.errors';
import { OrganisationNotFound } from '../organisation/organisation.errors';
import { specify } from '../testing/decider-specification';
import { ProposeTopic, RecordAttendance, RecordDecision, ScheduleMeeting, SchedulingFacts } from './meeting.commands';
import { meetingDecider } from './meeting.decider';
import {
  DuplicateDecision,
  DuplicateTopic,
  InvalidAttendance,
  MeetingAlreadyHeld,
  MeetingAlreadyScheduled,
  MeetingDateTooEarly,
  MeetingNotFound,
  MeetingNotHeld,
  TopicTooLate,
  UnknownDecisionSubject,
  UnknownTopic,
} from './meeting.errors';
import { DecisionRecorded, MeetingHeld, MeetingScheduled, TopicProposed } from './meeting.events';

const networkId = 'n0000000-0000-4000-8000-000000000001';
const bodyId = 'b0000000-0000-4000-8000-000000000001';
const meetingId = 'm0000000-0000-4000-8000-000000000001';
const topicId = 't0000000-0000-4000-8000-000000000001';
const decisionId = 'd0000000-0000-4000-8000-000000000001';
const kita = 'o0000000-0000-4000-8000-000000000001';
const jugendamt = 'o0000000-0000-4000-8000-000000000002';
const contactPerson = { personId: 'p0000000-0000-4000-8000-000000000001', sealed: 'c2VhbGVk' };

const activeBody: SchedulingFacts['body'] = { networkId, status: 'active', establishedOn: '2026-02-01', dissolvedOn: null };
const schedule = (data: Partial<ScheduleMeeting['data']> = {}, body: SchedulingFacts['body'] = activeBody): ScheduleMeeting => ({
  type: 'ScheduleMeeting',
  meetingId,
  data: { networkId, bodyId, scheduledFor: '2026-03-10', title: 'Steuerungsgruppe März', contactPerson, ...data },
  facts: { body },
});
const propose = (data: Partial<ProposeTopic['data']> = {}): ProposeTopic => ({
  type: 'ProposeTopic',
  meetingId,
  data: { topicId, title: 'Ziele 2026 beschließen', description: 'Entwurf der AG', proposedByOrganisationId: kita, proposedOn: '2026-03-01', ...data },
  facts: { proposer: { networkId } },
});
const attend = (attendance = [kita, jugendamt], heldOn = '2026-03-10', bodyMemberIds = [kita, jugendamt]): RecordAttendance => ({
  type: 'RecordAttendance',
  meetingId,
  data: { heldOn, attendance },
  facts: { bodyMemberIds, organisations: Object.fromEntries(attendance.map((id) => [id, { networkId }])) },
});
const decide = (data: Partial<RecordDecision['data']> = {}): RecordDecision => ({
  type: 'RecordDecision',
  meetingId,
  data: { decisionId, text: 'Die strategischen Ziele 2026 werden beschlossen.', subject: 'goal_definition', topicId, ...data },
});

const scheduled: MeetingScheduled = { type: 'MeetingScheduled', schemaVersion: 1, data: schedule().data };
const proposed: TopicProposed = { type: 'TopicProposed', schemaVersion: 1, data: propose().data };
const held: MeetingHeld = { type: 'MeetingHeld', schemaVersion: 1, data: attend().data };
const decided: DecisionRecorded = { type: 'DecisionRecorded', schemaVersion: 1, data: { ...decide().data, decidedOn: '2026-03-10' } };

const meeting = specify(meetingDecider);

describe('meeting decider', () => {
  describe('schedule', () => {
    it('schedules a meeting of an active body with the person who collects topics', () => {
      meeting.given().when(schedule()).then([scheduled]);
    });

    it('refuses a body that does not exist or belongs to another network', () => {
      meeting.given().when(schedule({}, null)).thenThrows(BodyNotFound, 'body.not_found');
      meeting.given().when(schedule({}, { ...activeBody!, networkId: 'other' })).thenThrows(BodyNotFound);
    });

    it('refuses a dissolved body', () => {
      meeting.given().when(schedule({}, { ...activeBody!, status: 'dissolved', dissolvedOn: '2026-03-01' })).thenThrows(BodyIsDissolved, 'body.dissolved');
    });

    it('refuses a date before the body was established', () => {
      meeting.given().when(schedule({ scheduledFor: '2026-01-31' })).thenThrows(MeetingDateTooEarly, 'meeting.date_too_early');
    });

    it('refuses to schedule a meeting twice', () => {
      meeting.given(scheduled).when(schedule()).thenThrows(MeetingAlreadyScheduled, 'meeting.already_scheduled');
    });
  });

  describe('propose a topic', () => {
    it('collects a topic before the meeting, also on its day', () => {
      meeting.given(scheduled).when(propose()).then([proposed]);
      const onTheDay = propose({ proposedOn: '2026-03-10', proposedByOrganisationId: null });
      meeting.given(scheduled).when(onTheDay).then([{ ...proposed, data: onTheDay.data }]);
    });

    it('answers a proposer of another network, or none, as an organisation that does not exist', () => {
      meeting.given(scheduled).when({ ...propose(), facts: { proposer: { networkId: 'n0000000-0000-4000-8000-0000000000ff' } } }).thenThrows(OrganisationNotFound, 'organisation.not_found');
      meeting.given(scheduled).when({ ...propose(), facts: { proposer: null } }).thenThrows(OrganisationNotFound);
    });

    it('refuses a meeting that does not exist', () => {
      meeting.given().when(propose()).thenThrows(MeetingNotFound, 'meeting.not_found');
    });

    it('refuses a topic proposed after the scheduled day', () => {
      meeting.given(scheduled).when(propose({ proposedOn: '2026-03-11' })).thenThrows(TopicTooLate, 'meeting.topic_too_late');
    });

    it('refuses a topic once the meeting is held', () => {
      meeting.given(scheduled, held).when(propose()).thenThrows(MeetingAlreadyHeld, 'meeting.already_held');
    });

    it('refuses the same topic twice', () => {
      meeting.given(scheduled, proposed).when(propose()).thenThrows(DuplicateTopic, 'meeting.duplicate_topic');
    });
  });

  describe('record attendance', () => {
    it('records that the meeting was held and who attended', () => {
      meeting.given(scheduled, proposed).when(attend()).then([held]);
    });

    it('refuses to record it twice', () => {
      meeting.given(scheduled, held).when(attend()).thenThrows(MeetingAlreadyHeld);
    });

    it('refuses an attendee that is not a member of the body, or one named twice', () => {
      meeting.given(scheduled).when(attend([kita, jugendamt], '2026-03-10', [kita])).thenThrows(InvalidAttendance, 'meeting.invalid_attendance');
      meeting.given(scheduled).when(attend([kita, kita])).thenThrows(InvalidAttendance);
    });

    it('answers an attendee of another network, or none, as an organisation that does not exist', () => {
      const foreign = { ...attend([kita, jugendamt], '2026-03-10', [kita]), facts: { bodyMemberIds: [kita], organisations: { [jugendamt]: { networkId: 'n0000000-0000-4000-8000-0000000000ff' } } } };
      meeting.given(scheduled).when(foreign).thenThrows(OrganisationNotFound, 'organisation.not_found');
      meeting.given(scheduled).when({ ...foreign, facts: { bodyMemberIds: [kita], organisations: { [jugendamt]: null } } }).thenThrows(OrganisationNotFound);
    });

    it('refuses a day before a topic was proposed', () => {
      meeting.given(scheduled, proposed).when(attend([kita], '2026-02-28')).thenThrows(MeetingDateTooEarly);
    });

    it('refuses a meeting that does not exist', () => {
      meeting.given().when(attend()).thenThrows(MeetingNotFound);
    });
  });

  describe('record a decision', () => {
    it('records a decision on a topic, taken on the day the meeting was held', () => {
      meeting.given(scheduled, proposed, held).when(decide()).then([decided]);
    });

    it('records a decision without a topic', () => {
      meeting.given(scheduled, held).when(decide({ topicId: null, subject: 'other' })).then([{ ...decided, data: { ...decided.data, topicId: null, subject: 'other' } }]);
    });

    it('refuses a decision before the meeting was held', () => {
      meeting.given(scheduled, proposed).when(decide()).thenThrows(MeetingNotHeld, 'meeting.not_held');
    });

    it('refuses a topic that is not one of the meeting', () => {
      meeting.given(scheduled, held).when(decide()).thenThrows(UnknownTopic, 'meeting.unknown_topic');
    });

    it('refuses a subject outside the catalogue', () => {
      meeting.given(scheduled, proposed, held).when(decide({ subject: 'lunch' as never })).thenThrows(UnknownDecisionSubject);
    });

    it('refuses the same decision twice', () => {
      meeting.given(scheduled, proposed, held, decided).when(decide()).thenThrows(DuplicateDecision);
    });

    it('refuses a meeting that does not exist', () => {
      meeting.given().when(decide()).thenThrows(MeetingNotFound);
    });
  });
});
