import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig, StorageOptions } from '@kreislauf/storage';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { register } from 'prom-client';
import { AppModule } from './app.module';
import { refuseDeepJson } from './http/json-depth';
import { buildOpenApiDocument } from './http/openapi-document';
import { noStoredReads } from './http/read-caching';
import { createValidationPipe } from './http/validation';
import { contentSecurityPolicy, serveWebApp } from './web/serve-web-app';

/** The configured HTTP application, not yet listening: used by main and by the end-to-end tests. */
export async function createApi(storage: StorageOptions): Promise<NestExpressApplication> {
  // prom-client's registry is global: a second app in one process (the tests) starts it afresh.
  register.clear();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(storage), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // The rate limit counts per client address: behind a proxy, take it from X-Forwarded-For.
  const trustProxy = storage.config.TRUST_PROXY;
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(storage.config) } }));
  serveWebApp(app, storage.config);
  const origins = storage.config.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (origins.length > 0) app.enableCors({ origin: origins, exposedHeaders: ['ETag', 'Idempotent-Replayed', 'Location'] });
  app.use('/api/v1', noStoredReads);
  app.useBodyParser('json', { limit: storage.config.BODY_LIMIT, verify: refuseDeepJson });
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Listens on HOST and PORT and gives the address actually bound, for the log (PORT=0 takes a free port). */
export async function listen(app: INestApplication, config: Pick<AppConfig, 'HOST' | 'PORT'>): Promise<string> {
  await app.listen(config.PORT, config.HOST);
  const { address, family, port } = app.getHttpServer().address() as AddressInfo;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}
