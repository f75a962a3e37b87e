import { Provider, Type } from '@nestjs/common';

/** Verification of the hash chains: controllers and providers the api module registers. */
export const AUDIT_CHAIN_CONTROLLERS: Type[] = [];
export const AUDIT_CHAIN_PROVIDERS: Provider[] = [];
