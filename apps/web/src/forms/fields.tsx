import { ChangeEvent, ReactNode, useId } from 'react';
import { useI18n } from '../i18n/i18n';

export type FieldErrors = Record<string, string[]>;

interface FieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

/** Label, hint and the messages for one field, tied to the control by id so screen readers read them. */
function FieldFrame({ name, label, errors, hint, required, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const messages = errors[name] ?? [];
  const describedBy = [hint ? hintId : null, messages.length > 0 ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${messages.length > 0 ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label} {required ? <span className="required">{t('app.required')}</span> : <span className="optional">{t('app.optional')}</span>}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, name, 'aria-invalid': messages.length > 0 ? true : undefined, 'aria-describedby': describedBy, 'aria-required': required || undefined })}
      {messages.length > 0 ? (
        <p className="field-error" id={errorId} data-field={name}>
          {messages.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

interface ControlProps {
  id: string;
  name: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'aria-required'?: boolean;
}

export function TextField(props: FieldProps & { value: string; onChange(value: string): void; type?: 'text' | 'date' | 'number'; step?: string; inputMode?: 'decimal' | 'numeric' }) {
  const { value, onChange, type = 'text', step, inputMode, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {(control) => <input {...control} type={type} step={step} inputMode={inputMode} value={value} onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)} />}
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onChange(value: string): void; rows?: number }) {
  const { value, onChange, rows = 4, ...frame } = props;
  return <FieldFrame {...frame}>{(control) => <textarea {...control} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} />}</FieldFrame>;
}

export function SelectField(props: FieldProps & { value: string; onChange(value: string): void; options: { value: string; label: string }[]; placeholder?: string }) {
  const { value, onChange, options, placeholder, ...frame } = props;
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A group of check boxes with one legend and one message. */
export function CheckboxGroup(props: FieldProps & { values: string[]; onChange(values: string[]): void; options: { value: string; label: string }[] }) {
  const { name, label, errors, values, onChange, options, required } = props;
  const { t } = useI18n();
  const id = useId();
  const messages = errors[name] ?? [];
  return (
    <fieldset className={`field checkbox-group${messages.length > 0 ? ' field-invalid' : ''}`} aria-describedby={messages.length > 0 ? `${id}-error` : undefined}>
      <legend>
        {label} {required ? <span className="required">{t('app.required')}</span> : null}
      </legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={values.includes(option.value)}
            onChange={(event) => onChange(event.target.checked ? [...values, option.value] : values.filter((value) => value !== option.value))}
          />
          {option.label}
        </label>
      ))}
      {messages.length > 0 ? (
        <p className="field-error" id={`${id}-error`} data-field={name}>
          {messages.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One choice of several as radio buttons: Tab enters the group, the arrow keys choose. */
export function RadioGroup(props: FieldProps & { value: string; onChange(value: string): void; options: { value: string; label: string }[] }) {
  const { name, label, errors, value, onChange, options, required } = props;
  const { t } = useI18n();
  const id = useId();
  const messages = errors[name] ?? [];
  return (
    <fieldset className={`field radio-group${messages.length > 0 ? ' field-invalid' : ''}`} aria-describedby={messages.length > 0 ? `${id}-error` : undefined}>
      <legend>
        {label} {required ? <span className="required">{t('app.required')}</span> : null}
      </legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="radio" name={`${name}-${id}`} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
      {messages.length > 0 ? (
        <p className="field-error" id={`${id}-error`} data-field={name}>
          {messages.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

export function FormStatus({ problem, success }: { problem: string | null; success: string | null }) {
  return (
    <>
      {problem ? (
        <div className="notice notice-error" role="alert">
          {problem}
        </div>
      ) : null}
      {success ? (
        <div className="notice notice-success" role="status">
          {success}
        </div>
      ) : null}
    </>
  );
}
