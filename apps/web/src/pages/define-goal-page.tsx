import { FormEvent, useState } from 'react';
import { KINDERSTARK_QUALITY_GOALS, LIFE_PHASES, QUALITY_GOAL_KEYS } from '@kreislauf/domain';
import { CycleBoard, NetworkDecision } from '../api/types';
import { CheckboxGroup, FieldErrors, FormStatus, SelectField, TextAreaField, TextField } from '../forms/fields';
import { problemOf, today, Validator } from '../forms/validate';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router';
import { useResource, useSession } from '../session-context';
import { ErrorNotice, Loading, PageTitle } from '../ui/components';

export function DefineGoalPage({ networkId }: { networkId: string }) {
  const i18n = useI18n();
  const { t, label, date, concept } = i18n;
  const { api, recordWrite } = useSession();
  const { navigate } = useRouter();
  const resource = useResource(`define:${networkId}`, async (client, after) => {
    const [board, decisions] = await Promise.all([
      client.get<CycleBoard>(`/networks/${networkId}/cycle-board`, { after }),
      client.getAll<NetworkDecision>(`/networks/${networkId}/decisions`).catch(() => []),
    ]);
    return { board, decisions };
  });
  const [values, setValues] = useState({
    level: 'strategic',
    parentGoalId: '',
    title: '',
    description: '',
    qualityGoals: [] as string[],
    lifePhase: '',
    district: '',
    reviewIntervalDays: '90',
    definedOn: today(),
    decisionId: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const { board, decisions } = resource.data;
  const cycle = board.cycle?.status === 'open' ? board.cycle : null;
  const set = (field: keyof typeof values) => (value: string) => setValues((previous) => ({ ...previous, [field]: value }));
  const strategic = board.goals.filter((goal) => goal.level === 'strategic' && goal.status === 'active');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!cycle) return;
    const check = new Validator(t);
    check.oneOf('level', values.level, ['strategic', 'operational']);
    if (values.level === 'operational') check.oneOf('parentGoalId', values.parentGoalId, strategic.map((goal) => goal.id));
    check.text('title', values.title, 1, 300);
    check.text('description', values.description, 0, 5000);
    check.someOf('qualityGoals', values.qualityGoals, QUALITY_GOAL_KEYS, 7);
    if (values.district) check.text('district', values.district, 1, 200);
    check.integer('reviewIntervalDays', values.reviewIntervalDays, 1, 3650);
    check.date('definedOn', values.definedOn);
    setErrors(check.errors);
    if (!check.valid) {
      setProblem(t('form.invalidFields'));
      return;
    }
    setBusy(true);
    try {
      const result = await api.post(`/networks/${networkId}/goals`, {
        cycleId: cycle.id,
        level: values.level,
        ...(values.level === 'operational' ? { parentGoalId: values.parentGoalId } : {}),
        title: values.title,
        description: values.description,
        qualityGoals: values.qualityGoals,
        ...(values.lifePhase ? { lifePhase: values.lifePhase } : {}),
        ...(values.district ? { district: values.district } : {}),
        reviewIntervalDays: Number(values.reviewIntervalDays),
        definedOn: values.definedOn,
        ...(values.decisionId ? { decisionId: values.decisionId } : {}),
      });
      recordWrite(result.position);
      navigate(`/n/${networkId}/goals/${result.id}`);
    } catch (error) {
      const { fieldErrors, problem: text } = problemOf(error, t);
      setErrors(fieldErrors);
      setProblem(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle subtitle={cycle ? cycle.title : undefined}>{t('form.define.title')}</PageTitle>
      {!cycle ? (
        <p>{t('form.define.noCycle')}</p>
      ) : (
        <form noValidate onSubmit={onSubmit} className="card form-card" aria-label={t('form.define.title')}>
          <FormStatus problem={problem} success={null} />
          <SelectField
            name="level"
            label={t('form.define.level')}
            required
            value={values.level}
            onChange={set('level')}
            errors={errors}
            options={[
              { value: 'strategic', label: concept('level', 'strategic') },
              { value: 'operational', label: concept('level', 'operational') },
            ]}
          />
          {values.level === 'operational' ? (
            <SelectField
              name="parentGoalId"
              label={t('form.define.parent')}
              required
              value={values.parentGoalId}
              onChange={set('parentGoalId')}
              errors={errors}
              placeholder="—"
              options={strategic.map((goal) => ({ value: goal.id, label: goal.title }))}
            />
          ) : null}
          <TextField name="title" label={t('form.define.goalTitle')} required value={values.title} onChange={set('title')} errors={errors} />
          <TextAreaField name="description" label={t('form.define.description')} value={values.description} onChange={set('description')} errors={errors} />
          <CheckboxGroup
            name="qualityGoals"
            label={t('form.define.qualityGoals')}
            required
            values={values.qualityGoals}
            onChange={(qualityGoals) => setValues((previous) => ({ ...previous, qualityGoals }))}
            errors={errors}
            options={KINDERSTARK_QUALITY_GOALS.map((goal) => ({ value: goal.key, label: label(goal, goal.key) }))}
          />
          <SelectField
            name="lifePhase"
            label={t('form.define.lifePhase')}
            value={values.lifePhase}
            onChange={set('lifePhase')}
            errors={errors}
            placeholder={t('form.define.lifePhaseNone')}
            options={LIFE_PHASES.map((phase) => ({ value: phase.key, label: label(phase, phase.key) }))}
          />
          <TextField name="district" label={t('form.define.district')} value={values.district} onChange={set('district')} errors={errors} />
          <TextField name="reviewIntervalDays" label={t('form.define.reviewIntervalDays')} type="number" required value={values.reviewIntervalDays} onChange={set('reviewIntervalDays')} errors={errors} />
          <TextField name="definedOn" label={t('form.define.definedOn')} type="date" required value={values.definedOn} onChange={set('definedOn')} errors={errors} />
          <SelectField
            name="decisionId"
            label={t('form.decisionId')}
            value={values.decisionId}
            onChange={set('decisionId')}
            errors={errors}
            placeholder={t('form.decisionNone')}
            options={decisions
              .filter((decision) => decision.subject === 'goal_definition')
              .map((decision) => ({ value: decision.id, label: `${date(decision.decidedOn)} – ${decision.bodyName}: ${decision.text.slice(0, 80)}` }))}
          />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t('form.define.submit')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
