import { z } from 'zod';

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The address the api binds: this machine only, unless told otherwise (the image sets 0.0.0.0). */
    HOST: z.string().min(1).default('127.0.0.1'),
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
    AUTH_MODE: z.enum(['embedded', 'oidc']).default('embedded'),
    /** Embedded mode: the HS256 signing secret; by default one is created under DATA_DIR on first start. */
    AUTH_SECRET: z.string().min(32).optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_AUDIENCE: z.string().min(1).optional(),
    /** Defaults to the issuer's discovery document's jwks_uri. */
    OIDC_JWKS_URI: z.url().optional(),
    /** The claim that carries the roles, as `<role>@<networkId>` strings or `admin`. */
    OIDC_ROLES_CLAIM: z.string().min(1).default('kreislauf_roles'),
    OIDC_NAME_CLAIM: z.string().min(1).default('name'),
    /** Comma-separated origins allowed by CORS; empty allows none. */
    CORS_ORIGINS: z.string().default(''),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /**
     * The Ed25519 private key (PKCS#8 PEM) that signs audit bundles (`audit:export`); created on first
     * use, readable by its owner only. `<DATA_DIR>/audit-signing-key.pem` when unset.
     */
    AUDIT_SIGNING_KEY_FILE: z
      .string()
      .min(1)
      .refine((path) => !/[\\/]$/.test(path), 'AUDIT_SIGNING_KEY_FILE names a file, not a directory')
      .optional(),
    /** The Chromium that prints PDF reports (Debian's package by default); no browser is ever downloaded. */
    CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
    /** Behind a reverse proxy: how many proxy hops to trust for the client address (X-Forwarded-For), or Express's address list. */
    TRUST_PROXY: z.string().regex(/^(\d{1,2}|[\w.:/, ]+)$/).optional(),
  })
  .refine((env) => env.AUTH_MODE !== 'oidc' || !!env.OIDC_ISSUER, {
    message: 'AUTH_MODE=oidc needs OIDC_ISSUER',
    path: ['OIDC_ISSUER'],
  })
  // Without an audience, a token the issuer made for any other application would be accepted.
  .refine((env) => env.AUTH_MODE !== 'oidc' || !!env.OIDC_AUDIENCE, {
    message: 'AUTH_MODE=oidc needs OIDC_AUDIENCE',
    path: ['OIDC_AUDIENCE'],
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
