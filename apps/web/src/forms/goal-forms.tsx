import { FormEvent, ReactNode, useState } from 'react';
import { ASSESSMENTS, IMPACT_LEVELS, INDICATOR_DIRECTIONS, REORIENTATION_DECISIONS } from '@kreislauf/domain';
import { ApiError, WriteResult } from '../api/client';
import { goalHistory } from '../api/goal-history';
import { Goal, HistoryEntry, NetworkDecision } from '../api/types';
import { I18n, useI18n } from '../i18n/i18n';
import { useSession } from '../session-context';
import { FieldErrors, FormStatus, SelectField, TextAreaField, TextField } from './fields';
import { problemOf, today, Validator } from './validate';

interface GoalFormProps {
  goal: Goal;
  decisions: NetworkDecision[];
  /** Called with the write's position once the api has taken it. */
  onSaved(result: WriteResult): void;
}

/** A changed field of the goal since the form was opened: what it was and what it is. */
export interface GoalChange {
  field: string;
  before: string;
  after: string;
}

/** The fields a person sees on the goal page, as text, so a conflict can say what changed. */
export function goalChanges(before: Goal, after: Goal, i18n: I18n): GoalChange[] {
  const { t, date, percent, number, concept } = i18n;
  const assessment = (value: string | null) => (value ? concept('assessment', value) : t('assessment.none'));
  const rows: [string, string, string][] = [
    [t('field.title'), before.title, after.title],
    [t('field.description'), before.description, after.description],
    [t('field.status'), concept('goalStatus', before.status), concept('goalStatus', after.status)],
    [t('field.lastAssessment'), assessment(before.lastAssessment), assessment(after.lastAssessment)],
    [t('field.lastReviewOn'), date(before.lastReviewOn), date(after.lastReviewOn)],
    [t('field.nextReviewOn'), date(before.nextReviewOn), date(after.nextReviewOn)],
    [t('field.reviewIntervalDays'), String(before.reviewIntervalDays), String(after.reviewIntervalDays)],
    [t('field.progressPercent'), percent(before.progressPercent), percent(after.progressPercent)],
  ];
  for (const indicator of after.indicators) {
    const old = before.indicators.find((candidate) => candidate.key === indicator.key);
    rows.push([t('field.indicator', { name: indicator.name }), number(old?.latestValue ?? null), number(indicator.latestValue)]);
  }
  return rows.filter(([, was, now]) => was !== now).map(([field, was, now]) => ({ field, before: was, after: now }));
}

interface Conflict {
  current: Goal;
  changes: GoalChange[];
  entries: HistoryEntry[];
}

/**
 * Sends a goal write with If-Match for the version the form was based on. A 409 means someone else changed the
 * goal: the form then reads the goal again and shows what differs, and may send again on the new version.
 */
/** What a goal form sends: where, the body as the form stands when sent, the text on success, and what to do then. */
interface GoalWriteSpec {
  path: string;
  body(): unknown;
  savedText: string;
  onDone(): void;
}

/** A form's fields as strings, each with its setter, and a reset to the blank form. */
function useFields<T extends Record<string, string>>(blank: T) {
  const [values, setValues] = useState(blank);
  const set = (field: keyof T) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  return { values, set, reset: () => setValues(blank) };
}

function useGoalWrite(goal: Goal, onSaved: (result: WriteResult) => void, spec: GoalWriteSpec) {
  const i18n = useI18n();
  const { api, recordWrite } = useSession();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);

  /** The goal and its history once the read models show the version the 409 named (they follow the store shortly). */
  const currentState = async (atLeast: number): Promise<{ goal: Goal; history: HistoryEntry[] } | null> => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const [current, history] = await Promise.all([api.get<Goal>(`/goals/${goal.id}`), goalHistory(api, goal.id)]).catch(() => [null, []] as const);
      if (!current) return null;
      const newest = history.reduce((max, entry) => Math.max(max, entry.version), -1);
      if ((current.version >= atLeast && newest >= atLeast) || attempt === 19) return { goal: current, history: [...history] };
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    return null;
  };

  const send = async (path: string, body: unknown, savedText: string, version: number, onDone: () => void) => {
    setBusy(true);
    setProblem(null);
    setSuccess(null);
    try {
      const result = await api.post(path, body, { ifMatch: version });
      setErrors({});
      setConflict(null);
      setSuccess(savedText);
      onDone();
      recordWrite(result.position);
      onSaved(result);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const current = await currentState(typeof error.problem.currentVersion === 'number' ? error.problem.currentVersion : version + 1);
        if (current) setConflict({ current: current.goal, changes: goalChanges(goal, current.goal, i18n), entries: current.history.filter((entry) => entry.version > version) });
        setProblem(null);
      } else {
        const { fieldErrors, problem: text } = problemOf(error, i18n.t);
        setErrors(fieldErrors);
        setProblem(text);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (validator: Validator) => {
    setErrors(validator.errors);
    setConflict(null);
    if (!validator.valid) {
      setSuccess(null);
      setProblem(i18n.t('form.invalidFields'));
      return;
    }
    void send(spec.path, spec.body(), spec.savedText, goal.version, spec.onDone);
  };

  /** Sends the form again on the version someone else wrote. */
  const retry = () => {
    if (conflict) void send(spec.path, spec.body(), spec.savedText, conflict.current.version, spec.onDone);
  };

  return { errors, problem, success, conflict, busy, submit, retry };
}

function ConflictNotice({ conflict, onRetry }: { conflict: Conflict; onRetry(): void }) {
  const i18n = useI18n();
  const { t, date, eventTitle } = i18n;
  return (
    <div className="notice notice-conflict" role="alert" data-testid="conflict">
      <p>
        <strong>{t('conflict.title')}</strong>
      </p>
      <p>{t('conflict.intro')}</p>
      {conflict.changes.length > 0 ? (
        <ul>
          {conflict.changes.map((change) => (
            <li key={change.field}>{t('conflict.field', { field: change.field, before: change.before, after: change.after })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('conflict.noFieldChanges')}</p>
      )}
      {conflict.entries.length > 0 ? (
        <>
          <p>{t('conflict.newEntries')}</p>
          <ul>
            {conflict.entries.map((entry) => (
              <li key={entry.version}>
                {eventTitle(entry.type)} – {date(entry.occurredAt)} – {entry.actor.name ?? entry.actor.userId}
                {entry.reason ? `: ${entry.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={onRetry}>
        {t('conflict.retry')}
      </button>
    </div>
  );
}

function FormFrame({ title, id, onSubmit, busy, submitLabel, status, children }: { title: string; id: string; onSubmit(): void; busy: boolean; submitLabel: string; status: ReactNode; children: ReactNode }) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <section className="card form-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <form noValidate onSubmit={handle} aria-labelledby={`${id}-title`} id={id}>
        {status}
        {children}
        <div className="form-actions">
          <button type="submit" disabled={busy} aria-disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}

/** A goal form with its problem, success and conflict messages above the fields. */
function GoalFormFrame({ id, title, submitLabel, write, onSubmit, children }: { id: string; title: string; submitLabel: string; write: ReturnType<typeof useGoalWrite>; onSubmit(): void; children: ReactNode }) {
  return (
    <FormFrame
      id={id}
      title={title}
      onSubmit={onSubmit}
      busy={write.busy}
      submitLabel={submitLabel}
      status={
        <>
          <FormStatus problem={write.problem} success={write.success} />
          {write.conflict ? <ConflictNotice conflict={write.conflict} onRetry={write.retry} /> : null}
        </>
      }
    >
      {children}
    </FormFrame>
  );
}

function decisionOptions(decisions: NetworkDecision[], subjects: string[], i18n: I18n) {
  return decisions
    .filter((decision) => subjects.includes(decision.subject))
    .map((decision) => ({ value: decision.id, label: `${i18n.date(decision.decidedOn)} – ${decision.bodyName}: ${decision.text.slice(0, 80)}` }));
}

export function ReviewForm({ goal, decisions, onSaved }: GoalFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const blank = { reviewedOn: today(), assessment: '', evidence: '', decisionId: '' };
  const { values, set, reset } = useFields(blank);
  const body = () => ({ reviewedOn: values.reviewedOn, assessment: values.assessment, evidence: values.evidence, ...(values.decisionId ? { decisionId: values.decisionId } : {}) });
  const path = `/goals/${goal.id}/reviews`;
  const write = useGoalWrite(goal, onSaved, { path, body, savedText: t('form.review.saved'), onDone: reset });
  const onSubmit = () => {
    const check = new Validator(t);
    check.date('reviewedOn', values.reviewedOn);
    check.oneOf('assessment', values.assessment, ASSESSMENTS);
    check.text('evidence', values.evidence, 1, 5000);
    write.submit(check);
  };
  return (
    <GoalFormFrame id="review-form" title={t('form.review.title')} submitLabel={t('form.review.submit')} write={write} onSubmit={onSubmit}>
      <TextField name="reviewedOn" label={t('form.review.reviewedOn')} type="date" required value={values.reviewedOn} onChange={set('reviewedOn')} errors={write.errors} />
      <SelectField
        name="assessment"
        label={t('form.review.assessment')}
        required
        value={values.assessment}
        onChange={set('assessment')}
        errors={write.errors}
        placeholder="—"
        options={ASSESSMENTS.map((assessment) => ({ value: assessment, label: i18n.concept('assessment', assessment) }))}
      />
      <TextAreaField name="evidence" label={t('form.review.evidence')} hint={t('form.review.evidenceHint')} required value={values.evidence} onChange={set('evidence')} errors={write.errors} />
      <SelectField
        name="decisionId"
        label={t('form.decisionId')}
        value={values.decisionId}
        onChange={set('decisionId')}
        errors={write.errors}
        placeholder={t('form.decisionNone')}
        options={decisionOptions(decisions, ['goal_review'], i18n)}
      />
    </GoalFormFrame>
  );
}

export function MeasurementForm({ goal, onSaved }: GoalFormProps) {
  const { t } = useI18n();
  const blank = { indicatorKey: goal.indicators[0]?.key ?? '', value: '', measuredOn: today(), source: '' };
  const { values, set, reset } = useFields(blank);
  const path = `/goals/${goal.id}/measurements`;
  const body = () => ({ indicatorKey: values.indicatorKey, value: Number(values.value.trim().replace(',', '.')), measuredOn: values.measuredOn, source: values.source });
  const write = useGoalWrite(goal, onSaved, { path, body, savedText: t('form.measurement.saved'), onDone: reset });
  const onSubmit = () => {
    const check = new Validator(t);
    check.oneOf('indicatorKey', values.indicatorKey, goal.indicators.map((indicator) => indicator.key));
    check.number('value', values.value);
    check.date('measuredOn', values.measuredOn);
    check.text('source', values.source, 1, 500);
    write.submit(check);
  };
  return (
    <GoalFormFrame id="measurement-form" title={t('form.measurement.title')} submitLabel={t('form.measurement.submit')} write={write} onSubmit={onSubmit}>
      <SelectField
        name="indicatorKey"
        label={t('form.measurement.indicator')}
        required
        value={values.indicatorKey}
        onChange={set('indicatorKey')}
        errors={write.errors}
        options={goal.indicators.map((indicator) => ({ value: indicator.key, label: `${indicator.name} (${indicator.unit})` }))}
      />
      <TextField name="value" label={t('form.measurement.value')} inputMode="decimal" required value={values.value} onChange={set('value')} errors={write.errors} />
      <TextField name="measuredOn" label={t('form.measurement.measuredOn')} type="date" required value={values.measuredOn} onChange={set('measuredOn')} errors={write.errors} />
      <TextField name="source" label={t('form.measurement.source')} required value={values.source} onChange={set('source')} errors={write.errors} />
    </GoalFormFrame>
  );
}

export function ReorientForm({ goal, decisions, onSaved }: GoalFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const blank = { decision: '', rationale: '', reorientedOn: today(), decisionId: '', title: goal.title, reviewIntervalDays: String(goal.reviewIntervalDays), replacementTitle: '', replacementDescription: '' };
  const { values, set, reset } = useFields(blank);
  const path = `/goals/${goal.id}/reorientations`;
  const body = () => {
    const changes: Record<string, unknown> = {};
    if (values.title !== goal.title) changes.title = values.title;
    if (Number(values.reviewIntervalDays) !== goal.reviewIntervalDays) changes.reviewIntervalDays = Number(values.reviewIntervalDays);
    return {
      decision: values.decision,
      rationale: values.rationale,
      reorientedOn: values.reorientedOn,
      ...(values.decisionId ? { decisionId: values.decisionId } : {}),
      ...(values.decision === 'adjust' ? { changes } : {}),
      ...(values.decision === 'replace'
        ? {
            replacement: {
              title: values.replacementTitle,
              description: values.replacementDescription,
              qualityGoals: goal.qualityGoals,
              lifePhase: goal.lifePhase,
              district: goal.district,
              reviewIntervalDays: goal.reviewIntervalDays,
            },
          }
        : {}),
    };
  };
  const write = useGoalWrite(goal, onSaved, { path, body, savedText: t('form.reorient.saved'), onDone: reset });
  const onSubmit = () => {
    const check = new Validator(t);
    check.oneOf('decision', values.decision, REORIENTATION_DECISIONS);
    check.text('rationale', values.rationale, 1, 5000);
    check.date('reorientedOn', values.reorientedOn);
    if (values.decision === 'adjust') {
      check.text('changes.title', values.title, 1, 300);
      check.integer('changes.reviewIntervalDays', values.reviewIntervalDays, 1, 3650);
    }
    if (values.decision === 'replace') {
      check.text('replacement.title', values.replacementTitle, 1, 300);
      check.text('replacement.description', values.replacementDescription, 0, 5000);
    }
    write.submit(check);
  };
  return (
    <GoalFormFrame id="reorient-form" title={t('form.reorient.title')} submitLabel={t('form.reorient.submit')} write={write} onSubmit={onSubmit}>
      <SelectField
        name="decision"
        label={t('form.reorient.decision')}
        required
        value={values.decision}
        onChange={set('decision')}
        errors={write.errors}
        placeholder="—"
        options={REORIENTATION_DECISIONS.map((decision) => ({ value: decision, label: i18n.concept('decision', decision) }))}
      />
      {values.decision === 'adjust' ? (
        <>
          <TextField name="changes.title" label={t('form.reorient.newTitle')} required value={values.title} onChange={set('title')} errors={write.errors} />
          <TextField name="changes.reviewIntervalDays" label={t('form.reorient.newInterval')} type="number" required value={values.reviewIntervalDays} onChange={set('reviewIntervalDays')} errors={write.errors} />
        </>
      ) : null}
      {values.decision === 'replace' ? (
        <>
          <TextField name="replacement.title" label={t('form.reorient.replacementTitle')} required value={values.replacementTitle} onChange={set('replacementTitle')} errors={write.errors} />
          <TextAreaField name="replacement.description" label={t('form.reorient.replacementDescription')} value={values.replacementDescription} onChange={set('replacementDescription')} errors={write.errors} />
        </>
      ) : null}
      <TextAreaField name="rationale" label={t('form.reorient.rationale')} required value={values.rationale} onChange={set('rationale')} errors={write.errors} />
      <TextField name="reorientedOn" label={t('form.reorient.reorientedOn')} type="date" required value={values.reorientedOn} onChange={set('reorientedOn')} errors={write.errors} />
      <SelectField
        name="decisionId"
        label={t('form.decisionId')}
        value={values.decisionId}
        onChange={set('decisionId')}
        errors={write.errors}
        placeholder={t('form.decisionNone')}
        options={decisionOptions(decisions, ['goal_reorientation'], i18n)}
      />
    </GoalFormFrame>
  );
}

interface IndicatorInput {
  key: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  direction: string;
  dueOn: string;
  impactLevel: string;
}

interface MeasureInput {
  title: string;
  responsibleOrganisation: string;
  startsOn: string;
  endsOn: string;
}

const blankIndicator = (): IndicatorInput => ({ key: '', name: '', unit: '', baseline: '', target: '', direction: 'increase', dueOn: '', impactLevel: 'output' });
const blankMeasure = (): MeasureInput => ({ title: '', responsibleOrganisation: '', startsOn: '', endsOn: '' });

export function ConcretiseForm({ goal, onSaved }: GoalFormProps) {
  const { t, concept } = useI18n();
  const [indicators, setIndicators] = useState<IndicatorInput[]>([blankIndicator()]);
  const [measures, setMeasures] = useState<MeasureInput[]>([]);
  const [concretisedOn, setConcretisedOn] = useState(today());
  const path = `/goals/${goal.id}/concretisations`;
  const reset = () => {
    setIndicators([blankIndicator()]);
    setMeasures([]);
  };
  const body = () => ({
    indicators: indicators.map((indicator) => ({
      ...indicator,
      baseline: Number(indicator.baseline.trim().replace(',', '.')),
      target: Number(indicator.target.trim().replace(',', '.')),
    })),
    measures,
    concretisedOn,
  });
  const write = useGoalWrite(goal, onSaved, { path, body, savedText: t('form.concretise.saved'), onDone: reset });
  const onSubmit = () => {
    const check = new Validator(t);
    indicators.forEach((indicator, index) => {
      const at = `indicators.${index}`;
      check.pattern(`${at}.key`, indicator.key, /^[a-z0-9_]{1,64}$/, t('validation.key'));
      check.text(`${at}.name`, indicator.name, 1, 300);
      check.text(`${at}.unit`, indicator.unit, 1, 50);
      check.number(`${at}.baseline`, indicator.baseline);
      check.number(`${at}.target`, indicator.target);
      check.oneOf(`${at}.direction`, indicator.direction, INDICATOR_DIRECTIONS);
      check.date(`${at}.dueOn`, indicator.dueOn);
      check.oneOf(`${at}.impactLevel`, indicator.impactLevel, IMPACT_LEVELS);
    });
    measures.forEach((measure, index) => {
      const at = `measures.${index}`;
      check.text(`${at}.title`, measure.title, 1, 300);
      check.text(`${at}.responsibleOrganisation`, measure.responsibleOrganisation, 1, 300);
      check.date(`${at}.startsOn`, measure.startsOn);
      check.date(`${at}.endsOn`, measure.endsOn);
      check.notBefore(`${at}.endsOn`, measure.startsOn, measure.endsOn);
    });
    check.date('concretisedOn', concretisedOn);
    write.submit(check);
  };
  const setIndicator = (index: number, field: keyof IndicatorInput) => (value: string) =>
    setIndicators((previous) => previous.map((indicator, at) => (at === index ? { ...indicator, [field]: value } : indicator)));
  const setMeasure = (index: number, field: keyof MeasureInput) => (value: string) =>
    setMeasures((previous) => previous.map((measure, at) => (at === index ? { ...measure, [field]: value } : measure)));
  return (
    <GoalFormFrame id="concretise-form" title={t('form.concretise.title')} submitLabel={t('form.concretise.submit')} write={write} onSubmit={onSubmit}>
      {indicators.map((indicator, index) => (
        <fieldset key={index} className="group">
          <legend>{t('form.concretise.indicator', { n: index + 1 })}</legend>
          <TextField name={`indicators.${index}.key`} label={t('form.concretise.key')} hint={t('form.concretise.keyHint')} required value={indicator.key} onChange={setIndicator(index, 'key')} errors={write.errors} />
          <TextField name={`indicators.${index}.name`} label={t('form.concretise.name')} required value={indicator.name} onChange={setIndicator(index, 'name')} errors={write.errors} />
          <TextField name={`indicators.${index}.unit`} label={t('form.concretise.unit')} required value={indicator.unit} onChange={setIndicator(index, 'unit')} errors={write.errors} />
          <div className="row">
            <TextField name={`indicators.${index}.baseline`} label={t('form.concretise.baseline')} inputMode="decimal" required value={indicator.baseline} onChange={setIndicator(index, 'baseline')} errors={write.errors} />
            <TextField name={`indicators.${index}.target`} label={t('form.concretise.target')} inputMode="decimal" required value={indicator.target} onChange={setIndicator(index, 'target')} errors={write.errors} />
          </div>
          <div className="row">
            <SelectField
              name={`indicators.${index}.direction`}
              label={t('form.concretise.direction')}
              required
              value={indicator.direction}
              onChange={setIndicator(index, 'direction')}
              errors={write.errors}
              options={INDICATOR_DIRECTIONS.map((direction) => ({ value: direction, label: concept('direction', direction) }))}
            />
            <SelectField
              name={`indicators.${index}.impactLevel`}
              label={t('form.concretise.impactLevel')}
              required
              value={indicator.impactLevel}
              onChange={setIndicator(index, 'impactLevel')}
              errors={write.errors}
              options={IMPACT_LEVELS.map((level) => ({ value: level, label: concept('impactLevel', level) }))}
            />
            <TextField name={`indicators.${index}.dueOn`} label={t('form.concretise.dueOn')} type="date" required value={indicator.dueOn} onChange={setIndicator(index, 'dueOn')} errors={write.errors} />
          </div>
          {indicators.length > 1 ? (
            <button type="button" className="secondary" onClick={() => setIndicators((previous) => previous.filter((_, at) => at !== index))}>
              {t('form.concretise.remove')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => setIndicators((previous) => [...previous, blankIndicator()])}>
        {t('form.concretise.addIndicator')}
      </button>
      {measures.map((measure, index) => (
        <fieldset key={index} className="group">
          <legend>{t('form.concretise.measure', { n: index + 1 })}</legend>
          <TextField name={`measures.${index}.title`} label={t('form.concretise.measureTitle')} required value={measure.title} onChange={setMeasure(index, 'title')} errors={write.errors} />
          <TextField
            name={`measures.${index}.responsibleOrganisation`}
            label={t('form.concretise.responsible')}
            required
            value={measure.responsibleOrganisation}
            onChange={setMeasure(index, 'responsibleOrganisation')}
            errors={write.errors}
          />
          <div className="row">
            <TextField name={`measures.${index}.startsOn`} label={t('form.concretise.startsOn')} type="date" required value={measure.startsOn} onChange={setMeasure(index, 'startsOn')} errors={write.errors} />
            <TextField name={`measures.${index}.endsOn`} label={t('form.concretise.endsOn')} type="date" required value={measure.endsOn} onChange={setMeasure(index, 'endsOn')} errors={write.errors} />
          </div>
          <button type="button" className="secondary" onClick={() => setMeasures((previous) => previous.filter((_, at) => at !== index))}>
            {t('form.concretise.remove')}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => setMeasures((previous) => [...previous, blankMeasure()])}>
        {t('form.concretise.addMeasure')}
      </button>
      <TextField name="concretisedOn" label={t('form.concretise.concretisedOn')} type="date" required value={concretisedOn} onChange={setConcretisedOn} errors={write.errors} />
    </GoalFormFrame>
  );
}
