/**
 * Personal data (a contact person's or representative's name, e-mail and phone) as events carry it: sealed
 * with a key kept per person outside the events. Deleting the key erases the data everywhere while every
 * event, and every hash over it, stays as it was. The domain never looks inside.
 */
export interface SealedPersonalData {
  personId: string;
  sealed: string;
}

/** What a person's sealed data holds. */
export interface PersonalData {
  name: string;
  email: string | null;
  phone: string | null;
}
