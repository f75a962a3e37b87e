import { Provider, Type } from '@nestjs/common';

/** Self-assessment rounds and the quality frameworks: controllers and providers the api module registers. */
export const ASSESSMENT_CONTROLLERS: Type[] = [];
export const ASSESSMENT_PROVIDERS: Provider[] = [];
