import { KINDERSTARK_QUALITY_GOALS, LIFE_PHASES } from '@kreislauf/domain';
import { Goal, HistoryEntry, NetworkDecision } from '../api/types';
import { ConcretiseForm, MeasurementForm, ReorientForm, ReviewForm } from '../forms/goal-forms';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
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
  const { t, date, number, label } = i18n;
  const { can } = useSession();
  const resource = useResource<GoalPageData>(`goal:${goalId}`, async (api, after) => {
    const [goal, history, decisions] = await Promise.all([
      api.get<Goal>(`/goals/${goalId}`, { after }),
      api.get<HistoryEntry[]>(`/goals/${goalId}/history`, { after }),
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
            {t(`goal.level.${goal.level}` as MessageKey)} · <StatusBadge status={goal.status} /> · {t('goal.definedOn', { date: date(goal.definedOn) })}
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
                {t('goal.indicator.baseline')} {number(indicator.baseline)} → {t('goal.indicator.target')} {number(indicator.target)} ({t(`direction.${indicator.direction}` as MessageKey)},{' '}
                {t('goal.indicator.due', { date: date(indicator.dueOn) })}) · {t(`impact.${indicator.impactLevel}` as MessageKey)}
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

function HistoryItem({ entry }: { entry: HistoryEntry }) {
  const { t, date, dateTime, number } = useI18n();
  const data = entry.data;
  const detail = (() => {
    switch (entry.type) {
      case 'GoalReviewed':
        return `${t(`assessment.${String(data.assessment)}` as MessageKey)}: ${String(data.evidence ?? '')}`;
      case 'GoalReoriented':
        return t(`decision.${String(data.decision)}` as MessageKey);
      case 'MeasurementRecorded':
        return `${String(data.indicatorKey)}: ${number(Number(data.value))} (${String(data.source ?? '')})`;
      case 'GoalDefined':
        return String(data.title ?? '');
      case 'GoalConcretised':
        return `${(data.indicators as unknown[] | undefined)?.length ?? 0} ${t('goal.indicators')}, ${(data.measures as unknown[] | undefined)?.length ?? 0} ${t('goal.measures')}`;
      default:
        return '';
    }
  })();
  const known = ['GoalDefined', 'GoalConcretised', 'MeasurementRecorded', 'GoalReviewed', 'GoalReoriented'].includes(entry.type);
  return (
    <li className={`timeline-item timeline-${entry.type}`}>
      <p className="timeline-head">
        <strong>{known ? t(`event.${entry.type}` as MessageKey) : entry.type}</strong> · <time dateTime={entry.occurredAt}>{date(entry.occurredAt)}</time>
      </p>
      <p>{detail}</p>
      <p className="muted">
        {t('goal.history.by', { actor: entry.actor.displayName ?? entry.actor.userId, role: t(`role.${entry.actor.role}` as MessageKey) })} ·{' '}
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
