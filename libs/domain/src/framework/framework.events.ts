import { FrameworkContent } from '../catalogues/quality-framework';
import { DomainEvent, IsoDate } from '../domain-event';

export type FrameworkVersionPublished = DomainEvent<'FrameworkVersionPublished', FrameworkContent & { frameworkId: string; version: number; publishedOn: IsoDate }>;

export type FrameworkEvent = FrameworkVersionPublished;

export const FRAMEWORK_EVENT_TYPES: FrameworkEvent['type'][] = ['FrameworkVersionPublished'];
