import { Provider, Type } from '@nestjs/common';

/** Progress reports and programme histories: controllers and providers the api module registers. */
export const REPORT_CONTROLLERS: Type[] = [];
export const REPORT_PROVIDERS: Provider[] = [];
