import { Provider, Type } from '@nestjs/common';
import { PeopleController } from './people.controller';
import { PersonalDataVault } from './personal-data-vault';
import { PersonWrites } from './person.writes';

/** People named in events: the vault of their keys and the erasure of their data. */
export const PEOPLE_CONTROLLERS: Type[] = [PeopleController];
export const PEOPLE_PROVIDERS: Provider[] = [PersonalDataVault, PersonWrites];
