export * from './offer.entity';
export * from './offer-landscape';
