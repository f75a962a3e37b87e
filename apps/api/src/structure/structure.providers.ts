import { Provider, Type } from '@nestjs/common';
import { BodiesController } from './bodies.controller';
import { MeetingsController } from './meetings.controller';
import { OrganisationsController } from './organisations.controller';
import {
  ChangeBodyMembersHandler,
  DissolveBodyHandler,
  EstablishBodyHandler,
  ExecuteMeetingHandler,
  ExecuteOrganisationHandler,
  JoinOrganisationHandler,
  RecordAttendanceHandler,
  ScheduleMeetingHandler,
} from './structure-command.handlers';
import {
  GetBodiesOverviewHandler,
  GetBodyHandler,
  GetDecisionsHandler,
  GetMeetingHandler,
  GetOrganisationChangesHandler,
  GetOrganisationHandler,
  GetOrganisationsOverviewHandler,
} from './structure.queries';

/** Organisations, bodies, meetings and decisions: controllers and providers the api module registers. */
export const STRUCTURE_CONTROLLERS: Type[] = [OrganisationsController, BodiesController, MeetingsController];
export const STRUCTURE_PROVIDERS: Provider[] = [
  JoinOrganisationHandler,
  ExecuteOrganisationHandler,
  EstablishBodyHandler,
  ChangeBodyMembersHandler,
  DissolveBodyHandler,
  ScheduleMeetingHandler,
  RecordAttendanceHandler,
  ExecuteMeetingHandler,
  GetOrganisationsOverviewHandler,
  GetOrganisationChangesHandler,
  GetOrganisationHandler,
  GetBodiesOverviewHandler,
  GetBodyHandler,
  GetMeetingHandler,
  GetDecisionsHandler,
];
