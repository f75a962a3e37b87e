import {
  ASSESSMENT_EVENT_TYPES,
  BODY_EVENT_TYPES,
  FRAMEWORK_EVENT_TYPES,
  GOAL_EVENT_TYPES,
  MEETING_EVENT_TYPES,
  NETWORK_EVENT_TYPES,
  OFFER_EVENT_TYPES,
  ORGANISATION_EVENT_TYPES,
} from '..';
import { EVENT_TYPES, isEventType } from '../event-registry';
import { CONCEPT_TEXTS, conceptText, eventTitle, isConceptValue } from '.';

describe('the catalogue of texts', () => {
  it('titles every event type of every aggregate', () => {
    const registered = [
      ...NETWORK_EVENT_TYPES,
      ...GOAL_EVENT_TYPES,
      ...ORGANISATION_EVENT_TYPES,
      ...BODY_EVENT_TYPES,
      ...MEETING_EVENT_TYPES,
      ...OFFER_EVENT_TYPES,
      ...FRAMEWORK_EVENT_TYPES,
      ...ASSESSMENT_EVENT_TYPES,
      'PersonalDataErased',
    ];
    expect([...EVENT_TYPES].sort()).toEqual([...registered].sort());
  });

  it('has a German and an English text for every value of every concept', () => {
    for (const texts of Object.values(CONCEPT_TEXTS)) {
      for (const text of Object.values<{ de: string; en: string }>(texts)) {
        expect(text.de.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
    }
  });

  /** Values from outside: strings the compiler knows nothing about. */
  const fromOutside = (value: string) => value;

  it('reads one label per concept, and a value it does not know as itself', () => {
    expect(conceptText('assessment', 'on_track', 'de')).toBe('auf Kurs');
    expect(conceptText('role', 'coordinator', 'de')).toBe('Netzwerkkoordination');
    expect(conceptText('role', 'coordinator', 'en')).toBe('network coordination');
    expect(conceptText('role', fromOutside('toString'), 'de')).toBe('toString');
    expect(isConceptValue('bodyKind', 'plenary')).toBe(true);
    expect(isConceptValue('bodyKind', 'senate')).toBe(false);
  });

  it('does not compile a literal the catalogue has no text for', () => {
    // @ts-expect-error a misspelt level
    expect(conceptText('level', 'strategc', 'de')).toBe('strategc');
    // @ts-expect-error an event type the domain does not have
    expect(eventTitle('GoalUpdated', 'de')).toBe('GoalUpdated');
  });

  it('titles an event type, and names a type it does not know by its name', () => {
    expect(eventTitle('GoalReviewed', 'de')).toBe('Ziel überprüft');
    expect(eventTitle('GoalReviewed', 'en')).toBe('Goal reviewed');
    expect(eventTitle(fromOutside('FrameworkPublished'), 'en')).toBe('FrameworkPublished');
    expect(isEventType('constructor')).toBe(false);
  });
});
