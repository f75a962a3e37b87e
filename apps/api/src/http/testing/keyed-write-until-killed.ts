/**
 * A process that sends one keyed write and, once its event is appended, says so on stdout and waits to
 * be killed before it can answer. Arguments: database url, key, stream id.
 */
import { PostgresEventStore } from '@kreislauf/event-store';
import { readModelDataSourceOptions } from '@kreislauf/read-models';
import { DataSource } from 'typeorm';
import { keyedCounterApi } from './keyed-counter';

async function main(): Promise<void> {
  const [url, key, streamId] = process.argv.slice(2);
  const store = new PostgresEventStore({ connectionString: url });
  const dataSource = await new DataSource(readModelDataSourceOptions(url, 1)).initialize();
  await keyedCounterApi(store, dataSource).post(key, streamId, 'first', async () => {
    process.stdout.write('appended\n');
    await new Promise(() => undefined);
  });
}

void main();
