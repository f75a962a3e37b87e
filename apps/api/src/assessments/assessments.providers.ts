import { Provider, Type } from '@nestjs/common';
import {
  CompareAssessmentsHandler,
  GetAssessmentAgendaHandler,
  GetAssessmentHandler,
  GetFrameworkVersionHandler,
  ListAssessmentsHandler,
  ListFrameworksHandler,
} from './assessment.queries';
import { AssessmentWrites, FrameworkWrites } from './assessment.writes';
import { AssessmentsController, NetworkAssessmentsController } from './assessments.controller';
import { FrameworkCatalogue } from './framework-catalogue';
import { FrameworksController } from './frameworks.controller';

/** Self-assessment rounds and the quality frameworks: controllers and providers the api module registers. */
export const ASSESSMENT_CONTROLLERS: Type[] = [FrameworksController, NetworkAssessmentsController, AssessmentsController];
export const ASSESSMENT_PROVIDERS: Provider[] = [
  FrameworkCatalogue,
  FrameworkWrites,
  AssessmentWrites,
  ListFrameworksHandler,
  GetFrameworkVersionHandler,
  ListAssessmentsHandler,
  GetAssessmentHandler,
  GetAssessmentAgendaHandler,
  CompareAssessmentsHandler,
];
