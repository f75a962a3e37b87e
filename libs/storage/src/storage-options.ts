import { AppConfig } from './app-config';

export interface StorageOptions {
  config: AppConfig;
  /** The PostgreSQL that holds the read models (and, by default, the events). */
  databaseUrl: string;
  /** Run the projections in this process (the api by default, the projector always). */
  runProjections: boolean;
}

export const STORAGE_OPTIONS = Symbol('STORAGE_OPTIONS');
