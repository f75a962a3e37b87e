import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, EMBEDDED_ROLES_CLAIM } from '@kreislauf/storage';
import type { NextFunction, Request, Response } from 'express';

/** Paths the api answers itself; everything else that asks for HTML gets the web app. */
const API_PATHS = /^\/(api|health|metrics)(\/|$)/;

/** The client id the web app uses with the OIDC issuer (register it there as a public client with PKCE). */
export const WEB_OIDC_CLIENT_ID = 'kreislauf-web';

/** What the web app needs to know before anyone signs in. */
export interface WebConfig {
  authMode: AppConfig['AUTH_MODE'];
  /** The token claim that lists `<role>@<networkId>` entries. */
  rolesClaim: string;
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

export function webConfig(config: AppConfig): WebConfig {
  return {
    authMode: config.AUTH_MODE,
    rolesClaim: config.AUTH_MODE === 'oidc' ? config.OIDC_ROLES_CLAIM : EMBEDDED_ROLES_CLAIM,
    oidc: config.AUTH_MODE === 'oidc' && config.OIDC_ISSUER ? { issuer: config.OIDC_ISSUER, clientId: WEB_OIDC_CLIENT_ID, scope: 'openid profile' } : null,
  };
}

/**
 * The built web app (vite's output in dist/web): compiled, the api runs from dist/apps/api/src/web; in the
 * tests from apps/api/src/web. Null when it has not been built.
 */
export function findWebApp(): string | null {
  const candidates = [resolve(__dirname, '../../../../web'), resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * helmet's Content-Security-Policy directives beyond its defaults (which already keep scripts to this origin):
 * fetches go to this origin and, with OIDC, to the issuer's token endpoint.
 */
export function contentSecurityPolicy(config: AppConfig): Record<string, string[] | null> {
  const issuer = config.AUTH_MODE === 'oidc' && config.OIDC_ISSUER ? [new URL(config.OIDC_ISSUER).origin] : [];
  return {
    // upgrade-insecure-requests would break the pages on a plain-HTTP host inside a network.
    upgradeInsecureRequests: null,
    connectSrc: ["'self'", ...issuer],
  };
}

/** Serves the web app at `/`: its assets, its configuration, and index.html for every other page it routes itself. */
export function serveWebApp(app: NestExpressApplication, config: AppConfig, dir: string | null = findWebApp()): void {
  const settings = webConfig(config);
  app.use('/web-config.json', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Cache-Control', 'no-store');
    response.json(settings);
  });
  if (!dir) return;
  // A source map left in the build folder (an older build, a build made for debugging) is not published.
  app.use((request: Request, response: Response, next: NextFunction) => (/\.map$/i.test(request.path) ? response.status(404).end() : next()));
  // Hashed file names under assets/ may be cached for good; index.html must be fetched anew after an upgrade.
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (response, path) => response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || API_PATHS.test(request.path) || !request.accepts('html')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile('index.html', { root: dir });
  });
}
