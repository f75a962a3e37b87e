import { SealedPersonalData } from '@kreislauf/domain';
import { PersonalDataVault } from '../people/personal-data-vault';
import { PersonDto } from './structure.dto';

/**
 * Seals a person from a request body before any command sees it; no person, no seal. A body that names a
 * `personId` means a person named before in this network, sealed under their key again.
 */
export async function sealPerson(vault: PersonalDataVault, person: PersonDto | null | undefined, networkId: string): Promise<SealedPersonalData | null> {
  if (!person) return null;
  return vault.seal({ name: person.name, email: person.email ?? null, phone: person.phone ?? null }, networkId, person.personId);
}
