import { IsMoment } from '../http/as-of';

export class GoalDiffQueryDto {
  @IsMoment({ description: 'The earlier moment' })
  from!: string;

  @IsMoment({ description: 'The later moment, not before from' })
  to!: string;
}
