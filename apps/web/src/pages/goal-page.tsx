import { KINDERSTARK_QUALITY_GOALS, LIFE_PHASES } from '@kreislauf/domain';
import { goalHistory } from '../api/goal-history';
import { GoalContentFields, Goal, HistoryEntry, NetworkDecision } from '../api/types';
import { ConcretiseForm, MeasurementForm, ReorientForm, ReviewForm } from '../forms/goal-forms';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useResource, useSession } from '../session-context';
import { AssessmentBadge, ErrorNotice, LineChart, Loading, PageTitle, ProgressBar, StatusBadge } from '../ui/components';

interface GoalPageData {
  goal: Goal;
  history: HistoryEntry[];
  decisions: NetworkDecision[];
  parent: Goal | null;
}

export function GoalPage({ networkId, goalId }: { networkId: string; goalId: string }) {
  const i18n = useI18n();
  const { t, date, number, label, concept } = i18n;
  const { can } = useSession();
  const resource = useResource<GoalPageData>(`goal:${goalId}`, async (api, after) => {
    const [goal, history, decisions] = await Promise.all([
      api.get<Goal>(`/goals/${goalId}`, { after }),
      goalHistory(api, goalId, { after }),
      api.getAll<NetworkDecision>(`/networks/${networkId}/decisions`).catch(() => []),
    ]);
    const parent = goal.parentGoalId ? await api.get<Goal>(`/goals/${goal.parentGoalId}`).catch(() => null) : null;
    return { goal, history, decisions, parent };
  });
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const { goal, history, decisions, parent } = resource.data;
  const active = goal.status === 'active';
  const qualityGoal = (key: string) => label(KINDERSTARK_QUALITY_GOALS.find((entry) => entry.key === key), key);
  const lifePhase = (key: string | null) => (key ? label(LIFE_PHASES.find((entry) => entry.key === key), key) : t('app.none'));
  const board = `/n/${networkId}`;
  const formProps = { goal, decisions, onSaved: () => undefined };
  return (
    <>
      <nav aria-label={t('app.back')} className="breadcrumb">
        <Link to={board}>{t('board.title')}</Link>
        {parent ? (
          <>
            {' › '}
            <Link to={`${board}/goals/${parent.id}`}>{parent.title}</Link>
          </>
        ) : null}
      </nav>
      <PageTitle
        subtitle={
          <>
            {concept('level', goal.level)} · <StatusBadge status={goal.status} /> · {t('goal.definedOn', { date: date(goal.definedOn) })}
          </>
        }
      >
        {goal.title}
      </PageTitle>

      <section className="card" aria-labelledby="goal-summary">
        <h2 id="goal-summary" className="visually-hidden">
          {t('goal.title')}
        </h2>
        {goal.description ? <p>{goal.description}</p> : null}
        <dl className="facts">
          <div>
            <dt>{t('field.lastAssessment')}</dt>
            <dd>
              <AssessmentBadge assessment={goal.lastAssessment} /> {goal.lastReviewOn ? `(${date(goal.lastReviewOn)})` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('field.nextReviewOn')}</dt>
            <dd>{goal.nextReviewOn ? date(goal.nextReviewOn) : t('board.noReview')}</dd>
          </div>
          <div>
            <dt>{t('board.progress')}</dt>
            <dd>
              <ProgressBar value={goal.progressPercent} label={t('board.progress')} />
            </dd>
          </div>
          <div>
            <dt>{t('goal.qualityGoals')}</dt>
            <dd>{goal.qualityGoals.map(qualityGoal).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('goal.lifePhase')}</dt>
            <dd>{lifePhase(goal.lifePhase)}</dd>
          </div>
          <div>
            <dt>{t('goal.district')}</dt>
            <dd>{goal.district ?? t('app.none')}</dd>
          </div>
          <div>
            <dt>{t('field.reviewIntervalDays')}</dt>
            <dd>{t('goal.reviewInterval', { days: goal.reviewIntervalDays })}</dd>
          </div>
        </dl>
        {goal.replacedByGoalId ? <Link to={`${board}/goals/${goal.replacedByGoalId}`}>{t('goal.replacedBy')}</Link> : null}
        {goal.replacesGoalId ? <Link to={`${board}/goals/${goal.replacesGoalId}`}>{t('goal.replaces')}</Link> : null}
      </section>

      {goal.level === 'operational' ? (
        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t('goal.indicators')}</h2>
          {goal.indicators.length === 0 ? <p>{t('goal.noIndicators')}</p> : null}
          {goal.indicators.map((indicator) => (
            <article key={indicator.key} className="card indicator">
              <h3>
                {indicator.name} <span className="muted">({indicator.unit})</span>
              </h3>
              <p>
                {t('goal.indicator.baseline')} {number(indicator.baseline)} → {t('goal.indicator.target')} {number(indicator.target)} ({concept('direction', indicator.direction)},{' '}
                {t('goal.indicator.due', { date: date(indicator.dueOn) })}) · {concept('impactLevel', indicator.impactLevel)}
              </p>
              <ProgressBar value={indicator.progressPercent} label={`${t('board.progress')}: ${indicator.name}`} />
              <LineChart
                points={indicator.measurements.map((measurement) => ({ date: measurement.measuredOn, value: measurement.value }))}
                baseline={indicator.baseline}
                target={indicator.target}
                start={goal.definedOn}
                end={indicator.dueOn}
                label={t('goal.indicator.chart', { name: indicator.name, baseline: number(indicator.baseline), target: number(indicator.target), unit: indicator.unit })}
              />
              {indicator.measurements.length === 0 ? (
                <p>{t('goal.indicator.none')}</p>
              ) : (
                <table>
                  <caption>{`${t('goal.indicator.measurements')}: ${indicator.name}`}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('form.measurement.measuredOn')}</th>
                      <th scope="col">{t('form.measurement.value')}</th>
                      <th scope="col">{t('goal.indicator.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {indicator.measurements.map((measurement, index) => (
                      <tr key={index}>
                        <td>{date(measurement.measuredOn)}</td>
                        <td className="number">{number(measurement.value)}</td>
                        <td>{measurement.source}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          ))}
          <h2>{t('goal.measures')}</h2>
          {goal.measures.length === 0 ? (
            <p>{t('goal.noMeasures')}</p>
          ) : (
            <ul className="plain-list">
              {goal.measures.map((measure) => (
                <li key={measure.measureId} className="card">
                  <strong>{measure.title}</strong>
                  <br />
                  {t('goal.measure.period', { from: date(measure.startsOn), to: date(measure.endsOn) })} · {t('goal.measure.responsible', { organisation: measure.responsibleOrganisation })}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {active && (can('goal.review', networkId) || can('goal.record_measurement', networkId)) ? (
        <section aria-labelledby="record-title" className="record">
          <h2 id="record-title">{t('goal.actions')}</h2>
          <div className="form-grid">
            {can('goal.review', networkId) ? <ReviewForm {...formProps} /> : null}
            {can('goal.record_measurement', networkId) && goal.indicators.length > 0 ? <MeasurementForm {...formProps} /> : null}
            {can('goal.reorient', networkId) ? <ReorientForm {...formProps} /> : null}
            {can('goal.concretise', networkId) && goal.level === 'operational' && goal.indicators.length === 0 ? <ConcretiseForm {...formProps} /> : null}
          </div>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('goal.history')}</h2>
        <ol className="timeline">
          {[...history].reverse().map((entry) => (
            <HistoryItem key={entry.version} entry={entry} />
          ))}
        </ol>
      </section>
    </>
  );
}

/** One entry of the history as the api tells it: what changed is typed by the event's type. */
function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const { t, date, dateTime, number, concept, eventTitle } = useI18n();
  const detail = (() => {
    switch (entry.type) {
      case 'GoalReviewed':
        return `${concept('assessment', entry.change.assessment)}: ${entry.change.evidence}`;
      case 'GoalReoriented':
        return concept('decision', entry.change.decision);
      case 'MeasurementRecorded':
        return `${entry.change.indicatorName ?? entry.change.indicatorKey}: ${number(entry.change.value)} (${entry.change.source})`;
      case 'GoalDefined':
        return entry.change.title;
      case 'GoalConcretised':
        return `${entry.change.indicators.length} ${t('goal.indicators')}, ${entry.change.measures.length} ${t('goal.measures')}`;
    }
  })();
  const adjusted = entry.type === 'GoalReoriented' ? entry.change.adjusted : null;
  return (
    <li className={`timeline-item timeline-${entry.type}`}>
      <p className="timeline-head">
        <strong>{eventTitle(entry.type)}</strong> · <time dateTime={entry.occurredAt}>{date(entry.occurredAt)}</time>
      </p>
      <p>{detail}</p>
      {adjusted ? <AdjustedFields adjusted={adjusted} /> : null}
      <p className="muted">
        {t('goal.history.by', { actor: entry.actor.name ?? entry.actor.userId, role: concept('role', entry.actor.role) })} ·{' '}
        {t('goal.history.recorded', { date: dateTime(entry.recordedAt) })}
      </p>
      {entry.reason ? (
        <p>
          <span className="muted">{t('goal.history.reason')}:</span> {entry.reason}
        </p>
      ) : null}
      {entry.decision ? (
        <blockquote>
          <p className="muted">{t('goal.history.decision', { body: entry.decision.bodyName, date: date(entry.decision.decidedOn) })}</p>
          <p>{entry.decision.text}</p>
        </blockquote>
      ) : null}
    </li>
  );
}

/** The fields an adjustment changed, each as it was and as it is after. */
function AdjustedFields({ adjusted }: { adjusted: { before: GoalContentFields; after: GoalContentFields } }) {
  const { t, label } = useI18n();
  const qualityGoal = (key: string) => label(KINDERSTARK_QUALITY_GOALS.find((entry) => entry.key === key), key);
  const lifePhase = (key: string | null | undefined) => (key ? label(LIFE_PHASES.find((entry) => entry.key === key), key) : t('app.none'));
  const shown = (fields: GoalContentFields): [keyof GoalContentFields, string, string][] => [
    ['title', t('field.title'), fields.title ?? ''],
    ['description', t('field.description'), fields.description || t('app.none')],
    ['qualityGoals', t('goal.qualityGoals'), (fields.qualityGoals ?? []).map(qualityGoal).join(', ')],
    ['lifePhase', t('goal.lifePhase'), lifePhase(fields.lifePhase)],
    ['district', t('goal.district'), fields.district ?? t('app.none')],
    ['reviewIntervalDays', t('field.reviewIntervalDays'), String(fields.reviewIntervalDays ?? '')],
  ];
  const before = shown(adjusted.before);
  const lines = shown(adjusted.after)
    .map(([field, name, after], index) => ({ field, line: t('conflict.field', { field: name, before: before[index][2], after }) }))
    .filter(({ field }) => field in adjusted.after);
  return (
    <ul className="adjusted-fields">
      {lines.map(({ field, line }) => (
        <li key={field}>{line}</li>
      ))}
    </ul>
  );
}
