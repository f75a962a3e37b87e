import { Provider, Type } from '@nestjs/common';

/** The offer landscape: controllers and providers the api module registers. */
export const OFFER_CONTROLLERS: Type[] = [];
export const OFFER_PROVIDERS: Provider[] = [];
