/** Progress is worked out by the goal's view in the domain; re-exported for the read side. */
export { averageProgress, indicatorProgress } from '@kreislauf/domain';
