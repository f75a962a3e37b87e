import { FrameworkContent } from '../catalogues/quality-framework';
import { IsoDate } from '../domain-event';

/** An administrator publishes the next version of a framework: its whole content, e.g. with another dimension filled in. */
export interface PublishFrameworkVersion {
  type: 'PublishFrameworkVersion';
  frameworkId: string;
  data: FrameworkContent & { publishedOn: IsoDate };
  /** The highest version the service ships for this framework (0: none). */
  facts: { latestShippedVersion: number };
}

export type FrameworkCommand = PublishFrameworkVersion;
