export * from './assessment.entities';
