import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { EVENT_STORE, EventStore, EventStoreDbEventStore, PostgresEventStore } from '@kreislauf/event-store';
import { createProjections, Projection, ProjectionLeases, ProjectionRunner, PROJECTIONS, readModelDataSourceOptions } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from './app-config';
import { ProjectionWorker } from './projection-worker';
import { ReadModelPositions } from './read-model-positions';
import { grantRuntimeRole } from './runtime-role';
import { DatabaseOwner, STORAGE_OPTIONS, StorageOptions } from './storage-options';

/** Resolved once the owner has migrated both stores and granted the runtime role its part (with options.owner). */
const OWNER_MIGRATIONS = Symbol('OWNER_MIGRATIONS');

/** Brings the read-model schema up to date before anything reads it. */
@Injectable()
class ReadModelMigrations implements OnModuleInit {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Inject(STORAGE_OPTIONS) private readonly options: StorageOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.options.owner) await this.dataSource.runMigrations({ transaction: 'each' });
  }
}

/** The runtime role may not create or alter tables: the owner migrates, on connections of its own that end right after. */
async function migrateAsOwner(owner: DatabaseOwner, options: StorageOptions): Promise<void> {
  if (options.config.EVENT_STORE === 'postgres') {
    const store = new PostgresEventStore({ connectionString: owner.url, poolSize: 1 });
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
  }
  const readModels = new DataSource(readModelDataSourceOptions(owner.url, 1));
  await readModels.initialize();
  try {
    await readModels.runMigrations({ transaction: 'each' });
  } finally {
    await readModels.destroy();
  }
  await grantRuntimeRole(owner.url, owner.runtimeRole);
}

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

async function createEventStore(options: StorageOptions): Promise<EventStore> {
  const { config } = options;
  if (config.EVENT_STORE === 'eventstoredb') {
    // Only the events move to EventStoreDB; the read models stay in the PostgreSQL at options.databaseUrl.
    if (!config.EVENTSTORE_CONNECTION_STRING) throw new Error('EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING');
    return new EventStoreDbEventStore({ connectionString: config.EVENTSTORE_CONNECTION_STRING });
  }
  const store = new PostgresEventStore({ connectionString: options.databaseUrl });
  if (!options.owner) await store.migrate();
  return store;
}

/** The event store and the read-model database, chosen by configuration in one place. */
@Global()
@Module({})
export class StorageModule {
  static forRoot(options: StorageOptions): DynamicModule {
    return {
      module: StorageModule,
      imports: [TypeOrmModule.forRoot(readModelDataSourceOptions(options.databaseUrl))],
      providers: [
        { provide: STORAGE_OPTIONS, useValue: options },
        { provide: APP_CONFIG, useValue: options.config },
        { provide: OWNER_MIGRATIONS, useFactory: async () => (options.owner ? migrateAsOwner(options.owner, options).then(() => true) : false) },
        { provide: EVENT_STORE, inject: [OWNER_MIGRATIONS], useFactory: () => createEventStore(options) },
        { provide: PROJECTIONS, useFactory: () => createProjections() },
        {
          provide: ProjectionRunner,
          inject: [getDataSourceToken(), EVENT_STORE, PROJECTIONS],
          useFactory: (dataSource: DataSource, store: EventStore, projections: Projection[]) => {
            const logger = new Logger('ProjectionRunner');
            return new ProjectionRunner(dataSource, store, projections, {
              batchSize: options.config.PROJECTION_BATCH_SIZE,
              onError: (projection, error) => logger.error(`projection ${projection} failed: ${String(error)}`, (error as Error)?.stack),
              onPoisoned: (projection, event, error) =>
                logger.error(`projection ${projection} went past event ${event.eventId} (${event.type} in ${event.streamId}), which it cannot apply: ${String(error)}`),
              // Each projection runs in one process at a time: the api in-process, or one of several projectors.
              leases: new ProjectionLeases({ connectionString: options.databaseUrl }),
              onLeased: (names) => logger.log(`running in this process now: ${names.join(', ')}`),
            });
          },
        },
        ReadModelMigrations,
        EventStoreCloser,
        ProjectionWorker,
        ReadModelPositions,
      ],
      exports: [APP_CONFIG, STORAGE_OPTIONS, EVENT_STORE, PROJECTIONS, ProjectionRunner, ReadModelPositions, TypeOrmModule],
    };
  }
}
