import { ApiError } from '../api/client';
import { Translate } from '../i18n/i18n';
import { FieldErrors } from './fields';

/** The rules of the api's DTOs (class-validator), checked before sending so a person sees them at once. */
export class Validator {
  readonly errors: FieldErrors = {};

  constructor(private readonly t: Translate) {}

  private add(field: string, message: string): void {
    this.errors[field] = [...(this.errors[field] ?? []), message];
  }

  text(field: string, value: string, min: number, max: number): string {
    if (min > 0 && value.trim() === '') this.add(field, this.t('validation.required'));
    else if (value.length < min || value.length > max) this.add(field, min > 0 ? this.t('validation.length', { min, max }) : this.t('validation.maxLength', { max }));
    return value;
  }

  /** A finite number; a decimal comma is read as a point. */
  number(field: string, value: string): number {
    const parsed = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(parsed)) this.add(field, this.t('validation.number'));
    return parsed;
  }

  integer(field: string, value: string, min: number, max: number): number {
    const parsed = Number(value.trim());
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) this.add(field, this.t('validation.integer', { min, max }));
    return parsed;
  }

  /** A calendar day, YYYY-MM-DD, that exists. */
  date(field: string, value: string): string {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) this.add(field, this.t('validation.date'));
    return value;
  }

  oneOf(field: string, value: string, allowed: readonly string[]): string {
    if (!allowed.includes(value)) this.add(field, this.t('validation.choose'));
    return value;
  }

  someOf(field: string, values: string[], allowed: readonly string[], max: number): string[] {
    if (values.length === 0 || values.length > max || values.some((value) => !allowed.includes(value))) this.add(field, this.t('validation.atLeastOne'));
    return values;
  }

  pattern(field: string, value: string, pattern: RegExp, message: string): string {
    if (!pattern.test(value)) this.add(field, message);
    return value;
  }

  notBefore(field: string, start: string, end: string): void {
    if (start && end && end < start) this.add(field, this.t('validation.endBeforeStart'));
  }

  get valid(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** What a failed write tells the form: messages per field (400), or one for the whole form. */
export function problemOf(error: unknown, t: Translate): { fieldErrors: FieldErrors; problem: string } {
  if (!(error instanceof ApiError)) return { fieldErrors: {}, problem: t('app.error', { detail: String(error) }) };
  if (error.status === 0) return { fieldErrors: {}, problem: t('app.unreachable') };
  if (error.status === 403) return { fieldErrors: {}, problem: t('app.forbidden') };
  const fieldErrors = error.fieldErrors();
  const detail = error.problem.detail ?? error.problem.title;
  return { fieldErrors, problem: Object.keys(fieldErrors).length > 0 ? t('form.invalidFields') : t('form.problem', { detail }) };
}
