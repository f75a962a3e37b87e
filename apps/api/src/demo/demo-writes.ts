import { INestApplicationContext } from '@nestjs/common';
import { AssessmentWrites } from '../assessments/assessment.writes';
import { GoalWrites } from '../goals/goal.writes';
import { NetworkWrites } from '../networks/network.writes';
import { OfferWrites } from '../offers/offer.writes';
import { BodyWrites, MeetingWrites, OrganisationWrites } from '../structure/structure.writes';

/** The writes the demo loaders send, the same the HTTP controllers call. */
export interface DemoWrites {
  networks: Pick<NetworkWrites, 'execute'>;
  organisations: Pick<OrganisationWrites, 'join' | 'leave'>;
  bodies: Pick<BodyWrites, 'establish' | 'changeMembers' | 'dissolve'>;
  meetings: Pick<MeetingWrites, 'schedule' | 'proposeTopic' | 'recordAttendance' | 'recordDecision'>;
  offers: Pick<OfferWrites, 'list'>;
  assessments: Pick<AssessmentWrites, 'open' | 'submitRatings' | 'close' | 'prioritise' | 'defineGoalFromPriority'>;
  goals: Pick<GoalWrites, 'define' | 'concretise' | 'recordMeasurement' | 'review' | 'reorient'>;
}

export function demoWritesOf(app: INestApplicationContext): DemoWrites {
  return {
    networks: app.get(NetworkWrites),
    organisations: app.get(OrganisationWrites),
    bodies: app.get(BodyWrites),
    meetings: app.get(MeetingWrites),
    offers: app.get(OfferWrites),
    assessments: app.get(AssessmentWrites),
    goals: app.get(GoalWrites),
  };
}
