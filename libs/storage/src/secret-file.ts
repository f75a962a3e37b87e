import { statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Refuses a secret (a signing key, a password) that someone other than this process's user could have
 * written or replaced: the file and its folder must belong to this user (or root) and be writable by
 * nobody else. A secret another local user can swap lets them mint tokens or sign bundles.
 */
export function assertOwnSecret(file: string): void {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  if (uid === null) return; // no POSIX owners to check (Windows)
  for (const path of [file, dirname(file)]) {
    const stat = statSync(path);
    const owner = stat.uid === uid || stat.uid === 0;
    const othersWrite = (stat.mode & 0o022) !== 0;
    if (!owner || othersWrite) {
      throw new Error(
        `${path} is ${!owner ? `owned by uid ${stat.uid}, not by this user (${uid})` : `writable by others (mode ${(stat.mode & 0o777).toString(8)})`}; ` +
          `a secret there could have been replaced. Give it to the service user and chmod ${path === file ? '600' : '700'} it.`,
      );
    }
  }
}
