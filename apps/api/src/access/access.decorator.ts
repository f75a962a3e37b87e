import { SetMetadata } from '@nestjs/common';
import { Action } from './access-policy';

/** Which network a route's resource belongs to: named in the path, or found through a goal or a cycle. */
export type ResourceScope = { kind: 'none' } | { kind: 'network' | 'goal' | 'cycle'; param: string };

export interface AccessRule {
  action: Action;
  scope: ResourceScope;
}

export const ACCESS_RULE = 'kreislauf:access-rule';
export const PUBLIC_ROUTE = 'kreislauf:public-route';

/** The route sends `action` on the network its `scope` points to; the access guard checks the policy. */
export const Access = (action: Action, scope: ResourceScope = { kind: 'none' }) => SetMetadata(ACCESS_RULE, { action, scope } satisfies AccessRule);

/** Reachable without a token (health). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
