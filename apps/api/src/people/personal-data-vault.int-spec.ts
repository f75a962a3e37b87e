import { DataSource } from 'typeorm';
import { openReadModels } from '@kreislauf/read-models/testing/read-model-database';
import { createTestDatabase, TestDatabase } from '../../../../test/setup/test-database';
import { PersonalDataErasedAlready, PersonNotFound } from '@kreislauf/domain';
import { PersonalDataVault } from './personal-data-vault';

describe('PersonalDataVault', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let vault: PersonalDataVault;
  const anna = { name: 'Anna Beispiel', email: 'anna@example.org', phone: '02162 123' };
  const kalk = '5d1e2f00-0000-4000-8000-00000000000a';

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openReadModels(database.url);
    vault = new PersonalDataVault(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('seals data so that the sealed text does not show it, and opens it again', async () => {
    const sealed = await vault.seal(anna, kalk);

    expect(sealed.sealed).not.toContain('Anna');
    expect(Buffer.from(sealed.sealed, 'base64').toString('latin1')).not.toContain('anna@example.org');
    expect(await vault.open(sealed)).toEqual({ personId: sealed.personId, erased: false, ...anna });
  });

  it('seals twice for the same person with one key: both open', async () => {
    const first = await vault.seal(anna, kalk);
    const second = await vault.seal({ ...anna, phone: null }, kalk, first.personId);

    expect(await vault.openAll([first, second])).toEqual([
      { personId: first.personId, erased: false, ...anna },
      { personId: first.personId, erased: false, ...anna, phone: null },
    ]);
  });

  it('after erasure shows the data as erased, and other people as they were', async () => {
    const erased = await vault.seal(anna, kalk);
    const kept = await vault.seal({ name: 'Ben', email: null, phone: null }, kalk);

    expect(await vault.erase(erased.personId)).toBe(true);

    expect(await vault.openAll([erased, kept])).toEqual([
      { personId: erased.personId, erased: true },
      { personId: kept.personId, erased: false, name: 'Ben', email: null, phone: null },
    ]);
    expect(await vault.erase(erased.personId)).toBe(false);
  });

  it('keeps the network a person was named in, and refuses to seal for another network or after erasure', async () => {
    const sealed = await vault.seal(anna, kalk);
    expect(await vault.find(sealed.personId)).toEqual({ personId: sealed.personId, networkId: kalk, erasedAt: null });

    await expect(vault.seal(anna, '5d1e2f00-0000-4000-8000-00000000000b', sealed.personId)).rejects.toThrow(PersonNotFound);
    await vault.erase(sealed.personId);
    await expect(vault.seal(anna, kalk, sealed.personId)).rejects.toThrow(PersonalDataErasedAlready);
    expect((await vault.find(sealed.personId))?.erasedAt).toBeInstanceOf(Date);
    expect(await vault.find('5d1e2f00-0000-4000-8000-0000000000ff')).toBeNull();
  });

  it('refuses an id no person was sealed under, and keeps no key for it', async () => {
    const madeUp = '5d1e2f00-0000-4000-8000-0000000000fe';
    await expect(vault.seal(anna, kalk, madeUp)).rejects.toThrow(PersonNotFound);
    expect(await vault.find(madeUp)).toBeNull();
  });

  it('gives a person sealed before networks were kept to no network that names them', async () => {
    const sealed = await vault.seal(anna, kalk);
    await dataSource.query(`UPDATE personal_data_keys SET network_id = NULL WHERE person_id = $1`, [sealed.personId]);

    await expect(vault.seal(anna, '5d1e2f00-0000-4000-8000-00000000000b', sealed.personId)).rejects.toThrow(PersonNotFound);
    await expect(vault.seal(anna, kalk, sealed.personId)).rejects.toThrow(PersonNotFound);
    expect(await vault.find(sealed.personId)).toEqual({ personId: sealed.personId, networkId: null, erasedAt: null });
  });

  it('refuses sealed text that was altered', async () => {
    const sealed = await vault.seal(anna, kalk);
    const raw = Buffer.from(sealed.sealed, 'base64');
    raw[raw.length - 1] ^= 1;

    await expect(vault.open({ ...sealed, sealed: raw.toString('base64') })).rejects.toThrow();
  });
});
