import { Provider, Type } from '@nestjs/common';

/** Organisations, bodies, meetings and decisions: controllers and providers the api module registers. */
export const STRUCTURE_CONTROLLERS: Type[] = [];
export const STRUCTURE_PROVIDERS: Provider[] = [];
