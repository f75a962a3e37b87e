import { SealedPersonalData } from '@kreislauf/domain';
import { PersonalDataVault } from '../people/personal-data-vault';
import { PersonDto } from './structure.dto';

/** Seals a person from a request body before any command sees it; no person, no seal. */
export async function sealPerson(vault: PersonalDataVault, person: PersonDto | null | undefined): Promise<SealedPersonalData | null> {
  if (!person) return null;
  return vault.seal({ name: person.name, email: person.email ?? null, phone: person.phone ?? null });
}
