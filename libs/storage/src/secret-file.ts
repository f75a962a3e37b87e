import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Creates a secret readable by its owner only, in a folder only its owner may write (made 0700 when it is
 * new). False when another process created it first: that one stands.
 */
export function createOwnSecret(file: string, content: string): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  chmodSync(file, 0o600);
  return true;
}
