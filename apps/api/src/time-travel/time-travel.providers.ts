import { Provider, Type } from '@nestjs/common';

/** Reads as of a past time and goal diffs: controllers and providers the api module registers. */
export const TIME_TRAVEL_CONTROLLERS: Type[] = [];
export const TIME_TRAVEL_PROVIDERS: Provider[] = [];
