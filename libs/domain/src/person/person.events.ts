export * from './person.contract';
