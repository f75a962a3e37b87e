import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PersonalData, SealedPersonalData } from '@kreislauf/domain';
import { DataSource } from 'typeorm';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A person's data as reads show it: opened, or erased (their key is gone). */
export type OpenedPersonalData = ({ personId: string; erased: false } & PersonalData) | { personId: string; erased: true };

/**
 * Seals personal data with a key per person, kept in `personal_data_keys`, never in the events. A key is
 * stored (and committed) before the event that needs it is appended, so nothing accepted is unreadable.
 */
@Injectable()
export class PersonalDataVault {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seal(data: PersonalData, personId: string = randomUUID()): Promise<SealedPersonalData> {
    const key = await this.keyFor(personId);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(personId));
    const body = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return { personId, sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
  }

  async open(sealed: SealedPersonalData): Promise<OpenedPersonalData> {
    return (await this.openAll([sealed]))[0];
  }

  /** Opens many at once, with one key lookup. */
  async openAll(sealed: SealedPersonalData[]): Promise<OpenedPersonalData[]> {
    const ids = [...new Set(sealed.map((item) => item.personId))];
    const keys = new Map<string, Buffer>();
    if (ids.length > 0) {
      const rows: { person_id: string; key: Buffer }[] = await this.dataSource.query(`SELECT person_id, key FROM personal_data_keys WHERE person_id = ANY($1::uuid[])`, [ids]);
      for (const row of rows) keys.set(row.person_id, row.key);
    }
    return sealed.map(({ personId, sealed: text }) => {
      const key = keys.get(personId);
      return key ? { personId, erased: false as const, ...decrypt(key, personId, text) } : { personId, erased: true as const };
    });
  }

  /** Deletes the person's key: every event that carries their data keeps it, unreadable. */
  async erase(personId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM personal_data_keys WHERE person_id = $1`, [personId]);
    return count > 0;
  }

  private async keyFor(personId: string): Promise<Buffer> {
    // One round trip: a new person gets the fresh key, a known one keeps theirs (the no-op update returns it).
    const [row] = await this.dataSource.query(
      `INSERT INTO personal_data_keys (person_id, key) VALUES ($1, $2)
       ON CONFLICT (person_id) DO UPDATE SET key = personal_data_keys.key
       RETURNING key`,
      [personId, randomBytes(32)],
    );
    return row.key;
  }
}

function decrypt(key: Buffer, personId: string, text: string): PersonalData {
  const raw = Buffer.from(text, 'base64');
  const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(personId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  return JSON.parse(plain) as PersonalData;
}
