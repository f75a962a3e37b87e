import { Provider, Type } from '@nestjs/common';

/** The audit log and its exports: controllers and providers the api module registers. */
export const AUDIT_LOG_CONTROLLERS: Type[] = [];
export const AUDIT_LOG_PROVIDERS: Provider[] = [];
