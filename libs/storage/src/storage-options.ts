import { AppConfig } from './app-config';

export interface StorageOptions {
  config: AppConfig;
  /** The PostgreSQL that holds the read models (and, by default, the events). */
  databaseUrl: string;
  /** Run the projections in this process (the api by default, the projector always). */
  runProjections: boolean;
  /** When databaseUrl's role owns nothing (the embedded mode): the owner who migrates and then grants it what it needs. */
  owner?: DatabaseOwner;
}

export interface DatabaseOwner {
  url: string;
  /** The role of databaseUrl, granted its privileges once the migrations are done. */
  runtimeRole: string;
}

export const STORAGE_OPTIONS = Symbol('STORAGE_OPTIONS');
