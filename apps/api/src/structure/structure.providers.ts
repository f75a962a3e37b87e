import { Provider, Type } from '@nestjs/common';
import { BodiesController } from './bodies.controller';
import { MeetingsController } from './meetings.controller';
import { OrganisationsController } from './organisations.controller';
import { BodyWrites, MeetingWrites, OrganisationWrites } from './structure.writes';
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
  OrganisationWrites,
  BodyWrites,
  MeetingWrites,
  GetOrganisationsOverviewHandler,
  GetOrganisationChangesHandler,
  GetOrganisationHandler,
  GetBodiesOverviewHandler,
  GetBodyHandler,
  GetMeetingHandler,
  GetDecisionsHandler,
];
