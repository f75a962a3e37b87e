export * from './framework.contract';
