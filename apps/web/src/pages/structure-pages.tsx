import { FormEvent, useState } from 'react';
import { DECISION_SUBJECTS } from '@kreislauf/domain';
import { Body, BodySummary, Meeting, Organisation } from '../api/types';
import { CheckboxGroup, FieldErrors, FormStatus, SelectField, TextAreaField, TextField } from '../forms/fields';
import { problemOf, today, Validator } from '../forms/validate';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router';
import { useResource, useSession } from '../session-context';
import { ErrorNotice, Loading, PageTitle } from '../ui/components';

export function OrganisationsPage({ networkId }: { networkId: string }) {
  const { t, date, label } = useI18n();
  const resource = useResource(`organisations:${networkId}`, (api, after) => api.getAll<Organisation>(`/networks/${networkId}/organisations`, { after }));
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const organisations = resource.data;
  return (
    <>
      <PageTitle>{t('organisations.title')}</PageTitle>
      {organisations.length === 0 ? <p>{t('organisations.none')}</p> : null}
      <ul className="card-list">
        {organisations.map((organisation) => (
          <li key={organisation.id} className="card">
            <h2>{organisation.name}</h2>
            <p className="muted">
              {label(organisation.sector, organisation.sector.key)} · {t('organisations.joinedOn', { date: date(organisation.joinedOn) })}
              {organisation.namedInKkg ? ` · ${t('organisations.kkg')}` : ''}
            </p>
            <dl className="facts">
              {(['tasks', 'mandates', 'resources', 'limits'] as const)
                .filter((field) => organisation[field])
                .map((field) => (
                  <div key={field}>
                    <dt>{t(`organisations.${field}`)}</dt>
                    <dd>{organisation[field]}</dd>
                  </div>
                ))}
              {organisation.contactPerson ? (
                <div>
                  <dt>{t('organisations.contact')}</dt>
                  <dd>
                    {organisation.contactPerson.erased
                      ? t('organisations.contactErased')
                      : [organisation.contactPerson.name, organisation.contactPerson.email, organisation.contactPerson.phone].filter(Boolean).join(', ')}
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

export function BodiesPage({ networkId }: { networkId: string }) {
  const { t, concept } = useI18n();
  const resource = useResource(`bodies:${networkId}`, (api, after) => api.getAll<BodySummary>(`/networks/${networkId}/bodies`, { after }));
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const bodies = resource.data;
  return (
    <>
      <PageTitle>{t('bodies.title')}</PageTitle>
      {bodies.length === 0 ? <p>{t('bodies.none')}</p> : null}
      <ul className="card-list">
        {bodies.map((body) => (
          <li key={body.id} className="card">
            <h2>
              <Link to={`/n/${networkId}/bodies/${body.id}`}>{body.name}</Link>
            </h2>
            <p className="muted">
              {concept('bodyKind', body.kind)} · {t('bodies.cadence', { held: body.cadence.held, expected: body.cadence.expected })}
              {body.cadence.belowCadence ? (
                <>
                  {' '}
                  <span className="badge badge-at_risk">{t('bodies.belowCadence')}</span>
                </>
              ) : null}
            </p>
            <p>
              {t('bodies.members')}: {body.members.map((member) => member.organisationName).join(', ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function BodyPage({ networkId, bodyId }: { networkId: string; bodyId: string }) {
  const { t, date, concept } = useI18n();
  const { api, can, recordWrite } = useSession();
  const { navigate } = useRouter();
  const resource = useResource(`body:${bodyId}`, (client, after) => client.get<Body>(`/bodies/${bodyId}`, { after }));
  const [values, setValues] = useState({ scheduledFor: today(), title: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const body = resource.data;
  const schedule = async (event: FormEvent) => {
    event.preventDefault();
    const check = new Validator(t);
    check.date('scheduledFor', values.scheduledFor);
    check.text('title', values.title, 1, 300);
    setErrors(check.errors);
    if (!check.valid) return setProblem(t('form.invalidFields'));
    try {
      const result = await api.post(`/bodies/${bodyId}/meetings`, values);
      recordWrite(result.position);
      navigate(`/n/${networkId}/meetings/${result.id}`);
    } catch (error) {
      const failed = problemOf(error, t);
      setErrors(failed.fieldErrors);
      setProblem(failed.problem);
    }
  };
  return (
    <>
      <nav aria-label={t('app.back')} className="breadcrumb">
        <Link to={`/n/${networkId}/bodies`}>{t('bodies.title')}</Link>
      </nav>
      <PageTitle subtitle={concept('bodyKind', body.kind)}>{body.name}</PageTitle>
      <section aria-labelledby="members-title" className="card">
        <h2 id="members-title">{t('bodies.members')}</h2>
        <ul>
          {body.members.map((member) => (
            <li key={member.organisationId}>{member.organisationName}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">{t('bodies.meetings')}</h2>
        {body.meetings.length === 0 ? <p>{t('bodies.noMeetings')}</p> : null}
        <ul className="plain-list">
          {[...body.meetings].reverse().map((meeting) => (
            <li key={meeting.id} className="card">
              <Link to={`/n/${networkId}/meetings/${meeting.id}`}>{t('bodies.meetingLine', { title: meeting.title, date: date(meeting.heldOn ?? meeting.scheduledFor) })}</Link> ·{' '}
              {meeting.heldOn ? t('bodies.held') : t('bodies.planned')} · {t('bodies.decisionsCount', { n: meeting.decisions })}
            </li>
          ))}
        </ul>
      </section>
      {can('meeting.schedule', networkId) && !body.dissolvedOn ? (
        <form noValidate onSubmit={schedule} className="card form-card" aria-labelledby="schedule-title">
          <h2 id="schedule-title">{t('form.meeting.title')}</h2>
          <FormStatus problem={problem} success={null} />
          <TextField name="scheduledFor" label={t('form.meeting.scheduledFor')} type="date" required value={values.scheduledFor} onChange={(scheduledFor) => setValues({ ...values, scheduledFor })} errors={errors} />
          <TextField name="title" label={t('form.meeting.meetingTitle')} required value={values.title} onChange={(title) => setValues({ ...values, title })} errors={errors} />
          <div className="form-actions">
            <button type="submit">{t('form.meeting.submit')}</button>
          </div>
        </form>
      ) : null}
    </>
  );
}

export function MeetingPage({ networkId, meetingId }: { networkId: string; meetingId: string }) {
  const { t, date, concept } = useI18n();
  const { can } = useSession();
  const resource = useResource(`meeting:${meetingId}`, async (api, after) => {
    const meeting = await api.get<Meeting>(`/meetings/${meetingId}`, { after });
    const body = await api.get<Body>(`/bodies/${meeting.body.id}`, { after });
    return { meeting, body };
  });
  if (resource.error) return <ErrorNotice error={resource.error} />;
  if (!resource.data) return <Loading />;
  const { meeting, body } = resource.data;
  return (
    <>
      <nav aria-label={t('app.back')} className="breadcrumb">
        <Link to={`/n/${networkId}/bodies/${body.id}`}>{body.name}</Link>
      </nav>
      <PageTitle subtitle={meeting.heldOn ? t('meeting.heldOn', { date: date(meeting.heldOn) }) : t('meeting.scheduledFor', { date: date(meeting.scheduledFor) })}>{meeting.title}</PageTitle>
      {meeting.heldOn ? (
        <section className="card" aria-labelledby="attendance-title">
          <h2 id="attendance-title">{t('meeting.attendance')}</h2>
          <ul>
            {meeting.attendance.map((entry) => (
              <li key={entry.organisationId}>{entry.organisationName}</li>
            ))}
          </ul>
        </section>
      ) : can('meeting.record_attendance', networkId) ? (
        <AttendanceForm meeting={meeting} body={body} />
      ) : null}
      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t('meeting.decisions')}</h2>
        {meeting.decisions.length === 0 ? <p>{t('meeting.noDecisions')}</p> : null}
        <ul className="plain-list">
          {meeting.decisions.map((decision) => (
            <li key={decision.decisionId} className="card">
              <p className="muted">
                {date(decision.decidedOn)} · {concept('decisionSubject', decision.subject)}
              </p>
              <p>{decision.text}</p>
            </li>
          ))}
        </ul>
      </section>
      {meeting.heldOn && can('meeting.record_decision', networkId) ? <DecisionForm meeting={meeting} /> : null}
    </>
  );
}

function AttendanceForm({ meeting, body }: { meeting: Meeting; body: Body }) {
  const { t } = useI18n();
  const { api, recordWrite } = useSession();
  const [heldOn, setHeldOn] = useState(meeting.scheduledFor);
  const [attendance, setAttendance] = useState<string[]>(body.members.map((member) => member.organisationId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = new Validator(t);
    check.date('heldOn', heldOn);
    setErrors(check.errors);
    if (!check.valid) return setProblem(t('form.invalidFields'));
    try {
      const result = await api.post(`/meetings/${meeting.id}/attendance`, { heldOn, attendance });
      recordWrite(result.position);
    } catch (error) {
      const failed = problemOf(error, t);
      setErrors(failed.fieldErrors);
      setProblem(failed.problem);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="card form-card" aria-labelledby="attendance-form-title">
      <h2 id="attendance-form-title">{t('form.attendance.title')}</h2>
      <FormStatus problem={problem} success={null} />
      <TextField name="heldOn" label={t('form.attendance.heldOn')} type="date" required value={heldOn} onChange={setHeldOn} errors={errors} />
      <CheckboxGroup
        name="attendance"
        label={t('form.attendance.attendance')}
        values={attendance}
        onChange={setAttendance}
        errors={errors}
        options={body.members.map((member) => ({ value: member.organisationId, label: member.organisationName ?? member.organisationId }))}
      />
      <div className="form-actions">
        <button type="submit">{t('form.attendance.submit')}</button>
      </div>
    </form>
  );
}

function DecisionForm({ meeting }: { meeting: Meeting }) {
  const { t, concept } = useI18n();
  const { api, recordWrite } = useSession();
  const [values, setValues] = useState({ text: '', subject: '', topicId: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = new Validator(t);
    check.text('text', values.text, 1, 5000);
    check.oneOf('subject', values.subject, DECISION_SUBJECTS);
    setErrors(check.errors);
    setSuccess(null);
    if (!check.valid) return setProblem(t('form.invalidFields'));
    try {
      const result = await api.post(`/meetings/${meeting.id}/decisions`, { text: values.text, subject: values.subject, ...(values.topicId ? { topicId: values.topicId } : {}) });
      setProblem(null);
      setSuccess(t('form.decision.saved'));
      setValues({ text: '', subject: '', topicId: '' });
      recordWrite(result.position);
    } catch (error) {
      const failed = problemOf(error, t);
      setErrors(failed.fieldErrors);
      setProblem(failed.problem);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="card form-card" aria-labelledby="decision-form-title">
      <h2 id="decision-form-title">{t('form.decision.title')}</h2>
      <FormStatus problem={problem} success={success} />
      <TextAreaField name="text" label={t('form.decision.text')} required value={values.text} onChange={(text) => setValues({ ...values, text })} errors={errors} />
      <SelectField
        name="subject"
        label={t('form.decision.subject')}
        required
        value={values.subject}
        onChange={(subject) => setValues({ ...values, subject })}
        errors={errors}
        placeholder="—"
        options={DECISION_SUBJECTS.map((subject) => ({ value: subject, label: concept('decisionSubject', subject) }))}
      />
      {meeting.topics.length > 0 ? (
        <SelectField
          name="topicId"
          label={t('form.decision.topic')}
          value={values.topicId}
          onChange={(topicId) => setValues({ ...values, topicId })}
          errors={errors}
          placeholder="—"
          options={meeting.topics.map((topic) => ({ value: topic.topicId, label: topic.title }))}
        />
      ) : null}
      <div className="form-actions">
        <button type="submit">{t('form.decision.submit')}</button>
      </div>
    </form>
  );
}
