import { EVENT_TYPES } from '@kreislauf/domain';
import { FormEvent, useState } from 'react';
import { AuditEntry, AuditPage as AuditPageBody, CycleBoard } from '../api/types';
import { FieldErrors, FormStatus, SelectField, TextField } from '../forms/fields';
import { problemOf, today, Validator } from '../forms/validate';
import { useI18n } from '../i18n/i18n';
import { useResource, useSession } from '../session-context';
import { ErrorNotice, Loading, PageTitle } from '../ui/components';


interface Filters {
  from: string;
  to: string;
  actor: string;
  type: string;
  goalId: string;
}

const EMPTY: Filters = { from: '', to: '', actor: '', type: '', goalId: '' };

function query(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}

/** The audit log for funders and coordinators: filters, pages after a cursor, and the CSV export. */
export function AuditLogPage({ networkId }: { networkId: string }) {
  const i18n = useI18n();
  const { t, date, dateTime, locale, concept, eventTitle } = i18n;
  const { api, can } = useSession();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [more, setMore] = useState<{ items: AuditEntry[]; nextCursor: string | null } | null>(null);
  const key = `audit:${networkId}:${query(filters).toString()}`;
  const resource = useResource(key, async (client, after) => {
    const [page, board] = await Promise.all([
      client.get<AuditPageBody>(`/networks/${networkId}/audit?${query(filters).toString()}`, { after }),
      client.get<CycleBoard>(`/networks/${networkId}/cycle-board`).catch(() => null),
    ]);
    setMore(null);
    return { page, cycle: board?.cycle ?? null, goals: board ? board.goals.flatMap((goal) => [goal, ...goal.children]) : [] };
  });
  if (resource.error && resource.error.status === 404 && resource.error.problem.code === 'http.404') {
    return (
      <>
        <PageTitle>{t('audit.title')}</PageTitle>
        <p>{t('audit.unavailable')}</p>
      </>
    );
  }
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const check = new Validator(t);
    if (draft.from) check.date('from', draft.from);
    if (draft.to) check.date('to', draft.to);
    if (draft.actor) check.text('actor', draft.actor, 1, 200);
    setErrors(check.errors);
    if (!check.valid) return setProblem(t('form.invalidFields'));
    setProblem(null);
    setFilters(draft);
  };
  const loadMore = async () => {
    const cursor = more?.nextCursor ?? resource.data?.page.nextCursor;
    if (!cursor) return;
    const params = query(filters);
    params.set('cursor', cursor);
    try {
      const page = await api.get<AuditPageBody>(`/networks/${networkId}/audit?${params.toString()}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setProblem(problemOf(error, t).problem);
    }
  };
  const download = async (path: string, fileName: string) => {
    try {
      const file = await api.download(path);
      const url = URL.createObjectURL(file);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(problemOf(error, t).problem);
    }
  };
  const downloadCsv = () => {
    const params = query(filters);
    params.set('format', 'csv');
    params.set('lang', locale);
    return download(`/networks/${networkId}/audit?${params.toString()}`, `audit-log-${networkId}.csv`);
  };
  const period = {
    from: filters.from || resource.data?.cycle?.periodFrom || `${today().slice(0, 4)}-01-01`,
    to: filters.to || resource.data?.cycle?.periodTo || today(),
  };
  const downloadReport = (kind: 'progress' | 'history', format: 'html' | 'pdf') => {
    const params = new URLSearchParams({ format, lang: locale, ...period });
    return download(`/networks/${networkId}/reports/${kind}?${params.toString()}`, `${kind === 'progress' ? 'fortschrittsbericht' : 'programmhistorie'}-${period.from}-${period.to}.${format}`);
  };
  const set = (field: keyof Filters) => (value: string) => setDraft((previous) => ({ ...previous, [field]: value }));
  const entries = [...(resource.data?.page.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (resource.data?.page.nextCursor ?? null);
  return (
    <>
      <PageTitle subtitle={t('audit.intro')}>{t('audit.title')}</PageTitle>
      <form noValidate onSubmit={apply} className="card form-card filters" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('audit.filters')}</h2>
        <FormStatus problem={problem} success={null} />
        <div className="row">
          <TextField name="from" label={t('audit.from')} type="date" value={draft.from} onChange={set('from')} errors={errors} />
          <TextField name="to" label={t('audit.to')} type="date" value={draft.to} onChange={set('to')} errors={errors} />
          <TextField name="actor" label={t('audit.actor')} value={draft.actor} onChange={set('actor')} errors={errors} />
        </div>
        <div className="row">
          <SelectField name="type" label={t('audit.type')} value={draft.type} onChange={set('type')} errors={errors} placeholder={t('audit.typeAll')} options={EVENT_TYPES.map((type) => ({ value: type, label: eventTitle(type) }))} />
          <SelectField
            name="goalId"
            label={t('audit.goal')}
            value={draft.goalId}
            onChange={set('goalId')}
            errors={errors}
            placeholder={t('audit.goalAll')}
            options={(resource.data?.goals ?? []).map((goal) => ({ value: goal.id, label: goal.title }))}
          />
        </div>
        <div className="form-actions">
          <button type="submit">{t('audit.apply')}</button>
          <button type="button" className="secondary" onClick={() => void downloadCsv()}>
            {t('audit.csv')}
          </button>
        </div>
      </form>
      {resource.error ? <ErrorNotice error={resource.error} /> : null}
      {!resource.data && !resource.error ? <Loading /> : null}
      {resource.data ? (
        entries.length === 0 ? (
          <p>{t('audit.none')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-caption">
            <table className="audit">
              <caption id="audit-caption">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.occurred')}</th>
                  <th scope="col">{t('audit.col.recorded')}</th>
                  <th scope="col">{t('audit.col.actor')}</th>
                  <th scope="col">{t('audit.col.what')}</th>
                  <th scope="col">{t('audit.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.position}>
                    <td>{/^\d{4}-\d{2}-\d{2}$/.test(entry.occurredAt) ? date(entry.occurredAt) : dateTime(entry.occurredAt)}</td>
                    <td>{dateTime(entry.recordedAt)}</td>
                    <td>
                      {entry.actor.name ?? entry.actor.userId} ({concept('role', entry.actor.role)})
                    </td>
                    <td>{entry.summary[locale]}</td>
                    <td>{entry.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {nextCursor ? (
        <button type="button" className="secondary" onClick={() => void loadMore()}>
          {t('audit.more')}
        </button>
      ) : null}
      {can('reports.read', networkId) ? (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">{t('audit.reports')}</h2>
          <p>{t('audit.reportsIntro', { from: date(period.from), to: date(period.to) })}</p>
          <div className="form-actions">
            {(['html', 'pdf'] as const).map((format) => (
              <button key={`progress-${format}`} type="button" className="secondary" onClick={() => void downloadReport('progress', format)}>
                {t('audit.progressReport', { format: format.toUpperCase() })}
              </button>
            ))}
            {(['html', 'pdf'] as const).map((format) => (
              <button key={`history-${format}`} type="button" className="secondary" onClick={() => void downloadReport('history', format)}>
                {t('audit.historyReport', { format: format.toUpperCase() })}
              </button>
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
