import { FrameworkVersion } from './quality-framework';
import { KINDERSTARK_FRAMEWORK_V1 } from './quality-framework-kinderstark';
import { NZFH_FRAMEWORK_V1 } from './quality-framework-nzfh';

/** The framework versions this service ships as code; versions an administrator publishes come as events. */
export const SHIPPED_FRAMEWORK_VERSIONS: readonly FrameworkVersion[] = [NZFH_FRAMEWORK_V1, KINDERSTARK_FRAMEWORK_V1];

export function shippedFrameworkVersion(frameworkId: string, version: number): FrameworkVersion | null {
  return SHIPPED_FRAMEWORK_VERSIONS.find((known) => known.frameworkId === frameworkId && known.version === version) ?? null;
}

/** The highest shipped version of a framework; 0 for a framework that is not shipped. */
export function latestShippedVersion(frameworkId: string): number {
  return SHIPPED_FRAMEWORK_VERSIONS.filter((known) => known.frameworkId === frameworkId).reduce((latest, known) => Math.max(latest, known.version), 0);
}
