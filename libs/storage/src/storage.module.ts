import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { EVENT_STORE, EventStore, EventStoreDbEventStore, PostgresEventStore } from '@kreislauf/event-store';
import { createProjections, Projection, ProjectionLeases, ProjectionRunner, PROJECTIONS, readModelDataSourceOptions } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from './app-config';
import { ProjectionWorker } from './projection-worker';
import { ReadModelPositions } from './read-model-positions';
import { STORAGE_OPTIONS, StorageOptions } from './storage-options';

/** Brings the read-model schema up to date before anything reads it. */
@Injectable()
class ReadModelMigrations implements OnModuleInit {
  constructor(@Inject(getDataSourceToken()) private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.runMigrations({ transaction: 'each' });
  }
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
  await store.migrate();
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
        { provide: EVENT_STORE, useFactory: () => createEventStore(options) },
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
