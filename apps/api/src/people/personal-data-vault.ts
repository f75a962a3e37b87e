import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PersonalData, PersonalDataErasedAlready, PersonNotFound, SealedPersonalData } from '@kreislauf/domain';
import { DataSource } from 'typeorm';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A person's data as reads show it: opened, or erased (their key is gone). */
export type OpenedPersonalData = ({ personId: string; erased: false } & PersonalData) | { personId: string; erased: true };

/** Where a person's key stands: the network they were named in (null for people sealed before networks were kept whom no event names). */
export interface PersonRecord {
  personId: string;
  networkId: string | null;
  erasedAt: Date | null;
}

/**
 * Seals personal data with a key per person, kept in `personal_data_keys`, never in the events. A key is
 * stored (and committed) before the event that needs it is appended, so nothing accepted is unreadable.
 * Erasure deletes the key and keeps the row: an erased person cannot be sealed again under their id.
 */
@Injectable()
export class PersonalDataVault {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Seals under the person's key for the network that names them; a new person (no id given) gets an id and a
   * key. An id given must be of a person named before in that network (otherwise PersonNotFound: another
   * network's people are not disclosed, a person of no known network is nobody's to take, and an id is never
   * made up by the client).
   */
  async seal(data: PersonalData, networkId: string, knownPersonId?: string): Promise<SealedPersonalData> {
    const personId = knownPersonId ?? randomUUID();
    const key = knownPersonId === undefined ? await this.newKey(personId, networkId) : await this.keyOf(personId, networkId);
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
      const rows: { person_id: string; key: Buffer }[] = await this.dataSource.query(
        `SELECT person_id, key FROM personal_data_keys WHERE person_id = ANY($1::uuid[]) AND key IS NOT NULL`,
        [ids],
      );
      for (const row of rows) keys.set(row.person_id, row.key);
    }
    return sealed.map(({ personId, sealed: text }) => {
      const key = keys.get(personId);
      return key ? { personId, erased: false as const, ...decrypt(key, personId, text) } : { personId, erased: true as const };
    });
  }

  /** Deletes the person's key: every event that carries their data keeps it, unreadable. False if it was gone already. */
  async erase(personId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`UPDATE personal_data_keys SET key = NULL, erased_at = now() WHERE person_id = $1 AND key IS NOT NULL`, [
      personId,
    ]);
    return count > 0;
  }

  /** The person's record, or null for an id never sealed under. */
  async find(personId: string): Promise<PersonRecord | null> {
    const [row] = await this.dataSource.query(`SELECT network_id, erased_at FROM personal_data_keys WHERE person_id = $1`, [personId]);
    return row ? { personId, networkId: row.network_id, erasedAt: row.erased_at } : null;
  }

  private async newKey(personId: string, networkId: string): Promise<Buffer> {
    const key = randomBytes(32);
    await this.dataSource.query(`INSERT INTO personal_data_keys (person_id, key, network_id) VALUES ($1, $2, $3)`, [personId, key, networkId]);
    return key;
  }

  /** A person's network is never changed here: naming someone does not make them yours. */
  private async keyOf(personId: string, networkId: string): Promise<Buffer> {
    const [row] = await this.dataSource.query(`SELECT key, network_id, erased_at FROM personal_data_keys WHERE person_id = $1`, [personId]);
    if (!row || row.network_id !== networkId) throw new PersonNotFound(personId);
    if (row.key === null) throw new PersonalDataErasedAlready(personId, (row.erased_at as Date).toISOString().slice(0, 10));
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
