import { Provider, Type } from '@nestjs/common';
import { DefineGoalFromPriorityHandler, ExecuteAssessmentHandler, OpenAssessmentHandler, PublishFrameworkVersionHandler } from './assessment-command.handlers';
import {
  CompareAssessmentsHandler,
  GetAssessmentAgendaHandler,
  GetAssessmentHandler,
  GetFrameworkVersionHandler,
  ListAssessmentsHandler,
  ListFrameworksHandler,
} from './assessment.queries';
import { AssessmentsController, NetworkAssessmentsController } from './assessments.controller';
import { FrameworkCatalogue } from './framework-catalogue';
import { FrameworksController } from './frameworks.controller';

/** Self-assessment rounds and the quality frameworks: controllers and providers the api module registers. */
export const ASSESSMENT_CONTROLLERS: Type[] = [FrameworksController, NetworkAssessmentsController, AssessmentsController];
export const ASSESSMENT_PROVIDERS: Provider[] = [
  FrameworkCatalogue,
  PublishFrameworkVersionHandler,
  OpenAssessmentHandler,
  ExecuteAssessmentHandler,
  DefineGoalFromPriorityHandler,
  ListFrameworksHandler,
  GetFrameworkVersionHandler,
  ListAssessmentsHandler,
  GetAssessmentHandler,
  GetAssessmentAgendaHandler,
  CompareAssessmentsHandler,
];
