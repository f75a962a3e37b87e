import { FRAMEWORK_EVENT_TYPES, FrameworkVersionPublished } from '@kreislauf/domain';
import { StoredEvent } from '@kreislauf/event-store';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { FrameworkVersionRow } from './assessment.entities';

/** One row per version an administrator published; a version never changes, so applying it again writes the same row. */
export class FrameworksProjection implements Projection {
  readonly name = 'frameworks';
  readonly eventTypes = FRAMEWORK_EVENT_TYPES;
  readonly tables = ['rm_framework_versions'];

  async apply(events: StoredEvent[], manager: EntityManager): Promise<void> {
    const rows = new Map<string, FrameworkVersionRow>();
    for (const stored of events) {
      if (stored.type !== 'FrameworkVersionPublished') continue;
      const { frameworkId, version, publishedOn, title, dimensions } = (stored as unknown as FrameworkVersionPublished).data;
      rows.set(`${frameworkId} ${version}`, Object.assign(new FrameworkVersionRow(), { frameworkId, version, publishedOn, title, dimensions }));
    }
    if (rows.size > 0) await manager.upsert(FrameworkVersionRow, [...rows.values()], ['frameworkId', 'version']);
  }
}
