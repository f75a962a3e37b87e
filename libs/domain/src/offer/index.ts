export * from './offer.errors';
