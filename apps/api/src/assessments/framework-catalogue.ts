import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FrameworkVersion, FrameworkVersionPublished, latestShippedVersion, SHIPPED_FRAMEWORK_VERSIONS, shippedFrameworkVersion } from '@kreislauf/domain';
import { FrameworkVersionRow } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { EventSourcedExecutor } from '../write/event-sourced-executor';

export const frameworkStream = (frameworkId: string) => `framework-${frameworkId}`;

/**
 * The quality frameworks: the versions shipped as code merged with those an administrator published. Writes read
 * the framework's stream (consistent at once); reads use the read model.
 */
@Injectable()
export class FrameworkCatalogue {
  constructor(
    private readonly executor: EventSourcedExecutor,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A version as the event store has it now, for a command to check against. */
  async versionForCommand(frameworkId: string, version: number): Promise<FrameworkVersion | null> {
    const shipped = shippedFrameworkVersion(frameworkId, version);
    if (shipped) return shipped;
    const events = await this.executor.readStream(frameworkStream(frameworkId));
    const published = events.map((event) => event as unknown as FrameworkVersionPublished).find((event) => event.data.version === version);
    return published ? fromPublished(published.data) : null;
  }

  latestShippedVersion(frameworkId: string): number {
    return latestShippedVersion(frameworkId);
  }

  /** A version from the read model or the shipped constants. */
  async version(frameworkId: string, version: number): Promise<FrameworkVersion | null> {
    const shipped = shippedFrameworkVersion(frameworkId, version);
    if (shipped) return shipped;
    const row = await this.dataSource.manager.findOneBy(FrameworkVersionRow, { frameworkId, version });
    return row ? fromPublished(row) : null;
  }

  /** Every version of every framework, shipped and published, by framework and version. */
  async all(): Promise<FrameworkVersion[]> {
    const rows = await this.dataSource.manager.find(FrameworkVersionRow, { order: { frameworkId: 'ASC', version: 'ASC' } });
    return [...SHIPPED_FRAMEWORK_VERSIONS, ...rows.map(fromPublished)];
  }
}

function fromPublished(data: Pick<FrameworkVersion, 'frameworkId' | 'version' | 'title' | 'dimensions'> & { publishedOn: string }): FrameworkVersion {
  const { frameworkId, version, title, dimensions, publishedOn } = data;
  return { frameworkId, version, source: 'published', publishedOn, title, dimensions };
}
