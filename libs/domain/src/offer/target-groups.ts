/**
 * The form target groups are compared in: "Alleinerziehende" and " alleinerziehende " name the same
 * families, so case and runs of whitespace do not count.
 */
export function targetGroupKey(targetGroup: string): string {
  return targetGroup.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');
}
