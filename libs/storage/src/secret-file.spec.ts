import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningSecret } from './embedded-auth';

describe('the embedded signing secret under DATA_DIR', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'kreislauf-secret-')), 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('is created 0600 in a folder 0700', () => {
    loadSigningSecret({ DATA_DIR: dataDir });
    expect((statSync(join(dataDir, 'auth-secret')).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
  });

  it('is refused when others can write it', () => {
    loadSigningSecret({ DATA_DIR: dataDir });
    chmodSync(join(dataDir, 'auth-secret'), 0o666);
    expect(() => loadSigningSecret({ DATA_DIR: dataDir })).toThrow(/auth-secret is writable by others/);
  });

  it('is refused when others can replace it in its folder', () => {
    loadSigningSecret({ DATA_DIR: dataDir });
    chmodSync(dataDir, 0o777);
    expect(() => loadSigningSecret({ DATA_DIR: dataDir })).toThrow(/writable by others/);
  });

  it('is refused when another user wrote it', () => {
    writeFileSync((mkdirSync(dataDir, { recursive: true, mode: 0o700 }), join(dataDir, 'auth-secret')), 'x'.repeat(64), { mode: 0o600 });
    if (process.getuid?.() === 0) chownSync(join(dataDir, 'auth-secret'), 4321, 4321);
    else chmodSync(join(dataDir, 'auth-secret'), 0o620); // without root no file can be given away: group-writable stands in
    expect(() => loadSigningSecret({ DATA_DIR: dataDir })).toThrow(/owned by uid 4321|writable by others/);
  });
});
