import { Provider, Type } from '@nestjs/common';
import { GetGoalDiffHandler } from './goal-diff.query';
import { PastEvents } from '../past/past-events';
import { PastReadModels } from '../past/past-read-models';
import { TimeTravelController } from './time-travel.controller';

/** Reads as of a past time and goal diffs: controllers and providers the api module registers. */
export const TIME_TRAVEL_CONTROLLERS: Type[] = [TimeTravelController];
export const TIME_TRAVEL_PROVIDERS: Provider[] = [PastReadModels, PastEvents, GetGoalDiffHandler];
