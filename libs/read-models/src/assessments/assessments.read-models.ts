import { Assessments1764500000000 } from '../migrations/1764500000000-assessments';
import { Projection } from '../projection';
import { AssessmentItemGoalRow, AssessmentItemRow, AssessmentRatingRow, AssessmentRow, FrameworkVersionRow } from './assessment.entities';
import { AssessmentsProjection } from './assessments.projection';
import { FrameworksProjection } from './frameworks.projection';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes entity and migration classes as Function
type EntityOrMigration = Function;

/** Self-assessment rounds against a quality framework: its entities, migrations, projections and tables. */
export const ASSESSMENT_ENTITIES: EntityOrMigration[] = [FrameworkVersionRow, AssessmentRow, AssessmentRatingRow, AssessmentItemRow, AssessmentItemGoalRow];
export const ASSESSMENT_MIGRATIONS: EntityOrMigration[] = [Assessments1764500000000];
export const ASSESSMENT_TABLES: Record<string, string> = {
  rm_framework_versions: 'framework_id, version',
  rm_assessments: 'id',
  rm_assessment_ratings: 'assessment_id, rater_id, item_key',
  rm_assessment_items: 'assessment_id, key',
  rm_assessment_item_goals: 'goal_id',
};

export function assessmentProjections(): Projection[] {
  return [new FrameworksProjection(), new AssessmentsProjection()];
}
