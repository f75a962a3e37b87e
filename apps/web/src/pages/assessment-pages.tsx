import { FormEvent, useState } from 'react';
import { RATING_LEVELS, RATINGS } from '@kreislauf/domain';
import { AgendaEntry, Assessment, AssessmentItem, AssessmentSummary, FrameworkSummary, ItemResult } from '../api/types';
import { FieldErrors, FormStatus, RadioGroup, TextAreaField, TextField } from '../forms/fields';
import { problemOf, today, Validator } from '../forms/validate';
import { I18n, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { useResource, useSession } from '../session-context';
import { ErrorNotice, Loading, PageTitle } from '../ui/components';

function RoundStatus({ status }: { status: Assessment['status'] }) {
  const { concept } = useI18n();
  return <span className={`badge ${status === 'open' ? 'badge-status-active' : 'badge-none'}`}>{concept('roundStatus', status)}</span>;
}

/** A network's self-assessment rounds, newest first. */
export function AssessmentsPage({ networkId }: { networkId: string }) {
  const { t, date, label } = useI18n();
  const resource = useResource(`assessments:${networkId}`, async (api, after) => {
    const [rounds, frameworks] = await Promise.all([
      api.getAll<AssessmentSummary>(`/networks/${networkId}/assessments`, { after }),
      api.getAll<FrameworkSummary>('/frameworks').catch(() => [] as FrameworkSummary[]),
    ]);
    return { rounds, frameworks };
  });
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const { rounds, frameworks } = resource.data;
  const versionOf = (round: AssessmentSummary) => frameworks.find((framework) => framework.frameworkId === round.frameworkId);
  const dimensions = (round: AssessmentSummary) => {
    const known = versionOf(round)?.versions.find((version) => version.version === round.frameworkVersion)?.dimensions ?? [];
    return round.dimensionKeys
      .map((key) => {
        const dimension = known.find((candidate) => candidate.key === key);
        return dimension ? `${dimension.number}. ${label(dimension.title, key)}` : key;
      })
      .join(', ');
  };
  return (
    <>
      <PageTitle>{t('assessments.title')}</PageTitle>
      <p>{t('assessments.intro')}</p>
      {rounds.length === 0 ? (
        <p>{t('assessments.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="assessments">
            <caption>{t('assessments.rounds')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessments.col.round')}</th>
                <th scope="col">{t('assessments.col.framework')}</th>
                <th scope="col">{t('assessments.col.dimensions')}</th>
                <th scope="col">{t('assessments.col.status')}</th>
                <th scope="col">{t('assessments.col.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {[...rounds].reverse().map((round) => (
                <tr key={round.id} data-assessment-id={round.id}>
                  <td>
                    <Link to={`/n/${networkId}/assessments/${round.id}`}>{t('assessments.round', { date: date(round.openedOn) })}</Link>
                  </td>
                  <td>{t('round.frameworkVersion', { title: label(versionOf(round)?.title, round.frameworkId), version: round.frameworkVersion })}</td>
                  <td>{dimensions(round)}</td>
                  <td>
                    <RoundStatus status={round.status} />
                    {round.closedOn ? ` ${date(round.closedOn)}` : ''}
                  </td>
                  <td className="number">{t('assessments.submitted', { submitted: round.submitted, raters: round.raters })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One round: while open the rater's forms, once closed the results per development goal and the agenda. */
export function AssessmentPage({ networkId, assessmentId }: { networkId: string; assessmentId: string }) {
  const { t, date, label, concept } = useI18n();
  const { can } = useSession();
  const resource = useResource(`assessment:${assessmentId}`, async (api, after) => {
    const round = await api.get<Assessment>(`/assessments/${assessmentId}`, { after });
    const agenda = round.status === 'closed' ? (await api.get<{ items: AgendaEntry[] }>(`/assessments/${assessmentId}/agenda`, { after })).items : [];
    return { round, agenda };
  });
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const { round, agenda } = resource.data;
  const open = round.status === 'open';
  const rates = open && round.youRate && can('assessment.rate', networkId);
  const rated = round.items.filter((item) => item.yourRating).length;
  return (
    <>
      <nav aria-label={t('app.back')} className="breadcrumb">
        <Link to={`/n/${networkId}/assessments`}>{t('assessments.title')}</Link>
      </nav>
      <PageTitle subtitle={label(round.framework.title ?? undefined, round.framework.frameworkId)}>{t('round.title', { date: date(round.openedOn) })}</PageTitle>

      <section className="card" aria-labelledby="round-summary">
        <h2 id="round-summary" className="visually-hidden">
          {t('round.summary')}
        </h2>
        <dl className="facts round-facts">
          <div>
            <dt>{t('round.framework')}</dt>
            <dd>{t('round.frameworkVersion', { title: label(round.framework.title ?? undefined, round.framework.frameworkId), version: round.framework.version })}</dd>
          </div>
          <div>
            <dt>{t('round.dimensions')}</dt>
            <dd>{round.dimensions.map((dimension) => `${dimension.number ?? ''}${dimension.number ? '. ' : ''}${label(dimension.title ?? undefined, dimension.key)}`).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('round.submitted')}</dt>
            <dd data-testid="submitted">{t('round.submittedValue', { submitted: round.submitted, raters: round.raters })}</dd>
          </div>
          <div>
            <dt>{t('round.status')}</dt>
            <dd>
              <RoundStatus status={round.status} />
            </dd>
          </div>
          <div>
            <dt>{t('round.visibility')}</dt>
            <dd>{concept('visibility', round.visibility)}</dd>
          </div>
          <div>
            <dt>{t('round.openedOn')}</dt>
            <dd>{date(round.openedOn)}</dd>
          </div>
          {round.closedOn ? (
            <div>
              <dt>{t('round.closedOn')}</dt>
              <dd>{date(round.closedOn)}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {open ? <p className="notice">{t('round.hidden')}</p> : null}

      {rates ? (
        <section aria-labelledby="rate-title">
          <h2 id="rate-title">{t('round.rate.title')}</h2>
          <p>{t('round.rate.intro')}</p>
          <p data-testid="rated">{t('round.rate.progress', { rated, total: round.items.length })}</p>
          <div className="form-grid">
            {round.items.map((item, index) => (
              <RatingForm key={item.key} assessmentId={round.id} item={item} index={index} />
            ))}
          </div>
        </section>
      ) : open ? (
        <section aria-labelledby="items-title">
          <h2 id="items-title">{t('round.items')}</h2>
          <ul>
            {round.items.map((item) => (
              <li key={item.key}>{label(item.text ?? undefined, item.key)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {open && can('assessment.close', networkId) ? <CloseForm round={round} /> : null}

      {!open ? (
        <>
          <AgendaSection networkId={networkId} round={round} agenda={agenda} />
          <section aria-labelledby="results-title">
            <h2 id="results-title">{t('round.results')}</h2>
            <p className="muted">{t('round.resultsIntro')}</p>
            <ul className="card-list">
              {round.items.map((item) => (
                <ItemResultCard key={item.key} networkId={networkId} item={item} />
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

/** A rater's answer for one development goal; sent again, it replaces the earlier one until the round closes. */
function RatingForm({ assessmentId, item, index }: { assessmentId: string; item: AssessmentItem; index: number }) {
  const { t, date, label, concept } = useI18n();
  const { api, recordWrite } = useSession();
  const [rating, setRating] = useState<string>(item.yourRating?.rating ?? '');
  const [comment, setComment] = useState(item.yourRating?.comment ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = new Validator(t);
    check.oneOf('rating', rating, RATINGS);
    check.text('comment', comment, 0, 2000);
    setErrors(check.errors);
    setSuccess(null);
    if (!check.valid) return setProblem(t('form.invalidFields'));
    setBusy(true);
    try {
      const result = await api.post(`/assessments/${assessmentId}/ratings`, { ratings: [{ itemKey: item.key, rating, comment }], ratedOn: today() });
      setProblem(null);
      setSuccess(t('round.rate.saved'));
      recordWrite(result.position);
    } catch (error) {
      const failed = problemOf(error, t);
      // The api names fields of the one rating sent as ratings.0.<field>.
      setErrors(Object.fromEntries(Object.entries(failed.fieldErrors).map(([field, messages]) => [field.replace(/^ratings\.\d+\./, ''), messages])));
      setProblem(failed.problem);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `rate-item-${index}`;
  return (
    <form noValidate onSubmit={submit} className="card form-card rating-form" aria-labelledby={headingId} data-item-key={item.key}>
      {item.theme ? <p className="muted theme">{label(item.theme, item.themeKey)}</p> : null}
      <h3 id={headingId}>{label(item.text ?? undefined, item.key)}</h3>
      <p className="your-rating">
        {item.yourRating ? t('round.rate.yours', { date: date(item.yourRating.ratedOn), rating: concept('rating', item.yourRating.rating) }) : t('round.rate.notYet')}
      </p>
      <FormStatus problem={problem} success={success} />
      <RadioGroup
        name="rating"
        label={t('round.rate.rating')}
        required
        value={rating}
        onChange={setRating}
        errors={errors}
        options={RATINGS.map((value) => ({ value, label: concept('rating', value) }))}
      />
      <TextAreaField name="comment" label={t('round.rate.comment')} rows={2} value={comment} onChange={setComment} errors={errors} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('round.rate.submit')}
        </button>
      </div>
    </form>
  );
}

function CloseForm({ round }: { round: Assessment }) {
  const { t } = useI18n();
  const { api, recordWrite } = useSession();
  const [closedOn, setClosedOn] = useState(today());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = new Validator(t);
    check.date('closedOn', closedOn);
    setErrors(check.errors);
    if (!check.valid) return setProblem(t('form.invalidFields'));
    try {
      const result = await api.post(`/assessments/${round.id}/close`, { closedOn });
      setProblem(null);
      recordWrite(result.position);
    } catch (error) {
      const failed = problemOf(error, t);
      setErrors(failed.fieldErrors);
      setProblem(failed.problem);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="card form-card" aria-labelledby="close-form-title" id="close-form">
      <h2 id="close-form-title">{t('round.close.title')}</h2>
      <p>{t('round.close.intro')}</p>
      <FormStatus problem={problem} success={null} />
      <TextField name="closedOn" label={t('round.close.closedOn')} type="date" required value={closedOn} onChange={setClosedOn} errors={errors} />
      <div className="form-actions">
        <button type="submit">{t('round.close.submit')}</button>
      </div>
    </form>
  );
}

/** The median as a number and in words; a half step lies between two levels of the scale. */
function medianText(i18n: I18n, median: number | null): string {
  const { t, number, concept } = i18n;
  if (median === null) return t('app.none');
  const level = (value: number) => concept('rating', RATING_LEVELS[value - 1]);
  if (Number.isInteger(median)) return t('round.medianAt', { value: number(median, 1), label: level(median) });
  return t('round.medianBetween', { value: number(median, 1), lower: level(Math.floor(median)), upper: level(Math.ceil(median)) });
}

function AgendaSection({ networkId, round, agenda }: { networkId: string; round: Assessment; agenda: AgendaEntry[] }) {
  const i18n = useI18n();
  const { t, number, label } = i18n;
  const { api, can, recordWrite } = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const mayPrioritise = can('assessment.prioritise', networkId);
  const prioritise = async (entry: AgendaEntry) => {
    setSuccess(null);
    try {
      const result = await api.post(`/assessments/${round.id}/priorities`, { itemKey: entry.key, prioritisedOn: today() });
      setProblem(null);
      setSuccess(t('round.prioritised', { goal: label(entry.text ?? undefined, entry.key) }));
      recordWrite(result.position);
    } catch (error) {
      setProblem(problemOf(error, t).problem);
    }
  };
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('round.agenda')}</h2>
      <p className="muted">{t('round.agendaIntro')}</p>
      <FormStatus problem={problem} success={success} />
      <div className="table-scroll">
        <table className="agenda" aria-labelledby="agenda-title">
          <thead>
            <tr>
              <th scope="col">{t('round.agenda.rank')}</th>
              <th scope="col">{t('round.agenda.goal')}</th>
              <th scope="col">{t('round.divergence')}</th>
              <th scope="col">{t('round.median')}</th>
              <th scope="col">{t('round.rated')}</th>
              <th scope="col">{t('round.agenda.priority')}</th>
            </tr>
          </thead>
          <tbody>
            {agenda.map((entry) => {
              const text = label(entry.text ?? undefined, entry.key);
              return (
                <tr key={entry.key} data-item-key={entry.key}>
                  <td className="number">{entry.rank}</td>
                  <td>{text}</td>
                  <td className="number">{number(entry.divergence, 3)}</td>
                  <td>{medianText(i18n, entry.median)}</td>
                  <td className="number">{entry.rated}</td>
                  <td>
                    {entry.prioritised ? (
                      <span className="badge badge-status-active">{t('round.agenda.isPriority')}</span>
                    ) : mayPrioritise ? (
                      <button type="button" className="secondary compact" onClick={() => void prioritise(entry)}>
                        {t('round.prioritise')}
                        <span className="visually-hidden">: {text}</span>
                      </button>
                    ) : (
                      t('app.none')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ItemResultCard({ networkId, item }: { networkId: string; item: AssessmentItem }) {
  const i18n = useI18n();
  const { t, date, number, label, concept } = i18n;
  const result = item.result;
  const commented = item.ratings.filter((rating) => rating.comment);
  return (
    <li className="card item-result" data-item-key={item.key}>
      {item.theme ? <p className="muted theme">{label(item.theme, item.themeKey)}</p> : null}
      <h3>{label(item.text ?? undefined, item.key)}</h3>
      {item.priority ? (
        <p>
          <span className="badge badge-status-active">{t('round.priority', { date: date(item.priority.prioritisedOn) })}</span>
          {item.priority.note ? ` ${item.priority.note}` : ''}
        </p>
      ) : null}
      {result ? (
        <div className="result-row">
          <Distribution result={result} />
          <dl className="facts">
            <div>
              <dt>{t('round.median')}</dt>
              <dd className="median">{medianText(i18n, result.median)}</dd>
            </div>
            <div>
              <dt>{t('round.divergence')}</dt>
              <dd className="divergence">{number(result.divergence, 3)}</dd>
            </div>
            <div>
              <dt>{t('round.rated')}</dt>
              <dd>{t('round.ratedValue', { rated: result.rated, cannotJudge: result.cannotJudge })}</dd>
            </div>
          </dl>
        </div>
      ) : null}
      {commented.length > 0 ? (
        <>
          <p className="list-title">{t('round.comments')}</p>
          <ul className="comments">
            {commented.map((rating, index) => (
              <li key={index}>
                <span className="muted">
                  {concept('rating', rating.rating)} · {rating.rater ? (rating.rater.displayName ?? rating.rater.userId) : t('round.anonymous')}:
                </span>{' '}
                {rating.comment}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {item.derivedGoals.length > 0 ? (
        <>
          <p className="list-title">{t('round.derivedGoals')}</p>
          <ul className="derived-goals">
            {item.derivedGoals.map((goal) => (
              <li key={goal.goalId}>
                <Link to={`/n/${networkId}/goals/${goal.goalId}`}>{goal.title}</Link>{' '}
                <span className="muted">
                  ({concept('level', goal.level)}, {t('goal.definedOn', { date: date(goal.definedOn) })})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/** The distribution as small horizontal bars; the same counts are its text alternative. */
function Distribution({ result }: { result: ItemResult }) {
  const { t, concept } = useI18n();
  const labelWidth = 190;
  const barWidth = 120;
  const row = 20;
  const most = Math.max(1, ...RATINGS.map((rating) => result.counts[rating]));
  const description = t('round.distribution', { counts: RATINGS.map((rating) => `${concept('rating', rating)} ${result.counts[rating]}`).join(', ') });
  return (
    <figure className="distribution">
      <svg viewBox={`0 0 ${labelWidth + barWidth + 30} ${row * RATINGS.length}`} role="img" aria-label={description}>
        {RATINGS.map((rating, index) => {
          const count = result.counts[rating];
          const width = (count / most) * barWidth;
          const y = index * row;
          return (
            <g key={rating}>
              <text x={labelWidth - 6} y={y + 14} textAnchor="end" className="distribution-label">
                {concept('rating', rating)}
              </text>
              <rect x={labelWidth} y={y + 3} width={Math.max(width, count > 0 ? 2 : 0)} height={row - 6} className={`distribution-bar distribution-${rating}`} />
              <text x={labelWidth + width + 4} y={y + 14} className="distribution-count">
                {count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
