import { z } from 'zod';

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    EVENT_STORE: z.enum(['postgres', 'eventstoredb']).default('postgres'),
    EVENTSTORE_CONNECTION_STRING: z.string().optional(),
    PROJECTIONS: z.enum(['inprocess', 'off']).default('inprocess'),
    PROJECTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
    READ_YOUR_WRITES_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/).default('256kb'),
  })
  .refine((env) => env.EVENT_STORE !== 'eventstoredb' || !!env.EVENTSTORE_CONNECTION_STRING, {
    message: 'EVENT_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING',
    path: ['EVENTSTORE_CONNECTION_STRING'],
  });

export type AppConfig = z.infer<typeof schema>;

export const APP_CONFIG = Symbol('APP_CONFIG');

export class InvalidConfiguration extends Error {}

/** Reads and checks the environment once at start; a bad value stops the start with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new InvalidConfiguration(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
