import { CYCLE_PHASES } from '@kreislauf/domain';
import { BoardGoal, CycleBoard, DueReview } from '../api/types';
import { today } from '../forms/validate';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useResource, useSession } from '../session-context';
import { AssessmentBadge, ErrorNotice, Loading, PageTitle, ProgressBar, StatusBadge } from '../ui/components';

export function BoardPage({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t, date, concept } = useI18n();
  const { can } = useSession();
  const day = today();
  const resource = useResource(`board:${networkId}`, async (api, after) => {
    const [board, due] = await Promise.all([
      api.get<CycleBoard>(`/networks/${networkId}/cycle-board`, { after }),
      api.getAll<DueReview>(`/networks/${networkId}/reviews-due?on=${day}`, { after }),
    ]);
    return { board, due };
  });
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const { board, due } = resource.data;
  const cycle = board.cycle;
  const currentIndex = cycle?.currentPhase ? CYCLE_PHASES.indexOf(cycle.currentPhase as (typeof CYCLE_PHASES)[number]) : -1;
  const flat = board.goals.flatMap((goal) => [goal, ...goal.children]);
  const upcoming = flat
    .filter((goal) => goal.status === 'active' && goal.nextReviewOn && goal.nextReviewOn > day)
    .sort((a, b) => (a.nextReviewOn ?? '').localeCompare(b.nextReviewOn ?? ''))
    .slice(0, 5);
  const overdue = new Set(due.map((review) => review.goalId));
  return (
    <>
      <PageTitle subtitle={cycle ? t('board.cycle', { title: cycle.title, from: date(cycle.periodFrom), to: date(cycle.periodTo) }) : networkName}>{t('board.title')}</PageTitle>
      {!cycle ? (
        <p>{t('board.noCycle')}</p>
      ) : (
        <section aria-labelledby="phases-title">
          <h2 id="phases-title">{t('board.phases')}</h2>
          <ol className="phases">
            {CYCLE_PHASES.map((phase, index) => {
              const entered = cycle.phases.find((entry) => entry.phase === phase);
              const state = index === currentIndex && cycle.status === 'open' ? 'current' : index <= currentIndex ? 'done' : 'later';
              return (
                <li key={phase} className={`phase phase-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
                  <span className="phase-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="phase-name">{concept('phase', phase)}</span>
                  <span className="phase-state">
                    {state === 'current' ? `${t('board.currentPhase')} · ` : state === 'done' ? `${t('board.phaseDone')} · ` : ''}
                    {entered ? t('board.phaseSince', { date: date(entered.enteredOn) }) : t('board.phaseLater')}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      <div className="board-columns">
        <section aria-labelledby="goals-title" className="board-goals">
          <div className="section-head">
            <h2 id="goals-title">{t('board.goals')}</h2>
            {cycle?.status === 'open' && can('goal.define', networkId) ? (
              <Link to={`/n/${networkId}/goals/new`} className="button">
                {t('board.defineGoal')}
              </Link>
            ) : null}
          </div>
          {board.goals.length === 0 ? (
            <p>{t('board.noGoals')}</p>
          ) : (
            <ul className="goal-tree">
              {board.goals.map((goal) => (
                <GoalNode key={goal.id} goal={goal} networkId={networkId} overdue={overdue} />
              ))}
            </ul>
          )}
        </section>
        <aside className="board-side" aria-label={t('board.upcoming')}>
          <section aria-labelledby="overdue-title" className="card">
            <h2 id="overdue-title">{t('board.overdue')}</h2>
            {due.length === 0 ? (
              <p>{t('board.noOverdue')}</p>
            ) : (
              <ul className="plain-list">
                {due.map((review) => (
                  <li key={review.goalId} className="overdue-item">
                    <Link to={`/n/${networkId}/goals/${review.goalId}`}>{review.title}</Link>
                    <br />
                    <span className="badge badge-overdue">{t('board.overdueSince', { date: date(review.nextReviewOn) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="upcoming-title" className="card">
            <h2 id="upcoming-title">{t('board.upcoming')}</h2>
            {upcoming.length === 0 ? (
              <p>{t('board.noUpcoming')}</p>
            ) : (
              <ul className="plain-list">
                {upcoming.map((goal) => (
                  <li key={goal.id}>
                    <time dateTime={goal.nextReviewOn ?? ''}>{date(goal.nextReviewOn)}</time> – <Link to={`/n/${networkId}/goals/${goal.id}`}>{goal.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}

function GoalNode({ goal, networkId, overdue }: { goal: BoardGoal; networkId: string; overdue: Set<string> }) {
  const { t, date, concept } = useI18n();
  return (
    <li className={`goal goal-${goal.level} goal-assessment-${goal.lastAssessment ?? 'none'}`}>
      <div className="goal-card" data-goal-id={goal.id}>
        <p className="goal-level">{concept('level', goal.level)}</p>
        <h3 className="goal-title">
          <Link to={`/n/${networkId}/goals/${goal.id}`}>{goal.title}</Link>
        </h3>
        <p className="goal-meta">
          {goal.status !== 'active' ? <StatusBadge status={goal.status} /> : null} <AssessmentBadge assessment={goal.lastAssessment} />{' '}
          {overdue.has(goal.id) ? <span className="badge badge-overdue">{t('board.overdueBadge')}</span> : null}
        </p>
        <ProgressBar value={goal.progressPercent} label={`${t('board.progress')}: ${goal.title}`} />
        <p className="goal-review">{goal.nextReviewOn ? t('board.nextReview', { date: date(goal.nextReviewOn) }) : t('board.noReview')}</p>
      </div>
      {goal.children.length > 0 ? (
        <ul className="goal-children" aria-label={`${t('goal.children')}: ${goal.title}`}>
          {goal.children.map((child) => (
            <GoalNode key={child.id} goal={child} networkId={networkId} overdue={overdue} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
