import { SetMetadata } from '@nestjs/common';
import { Action } from './access-policy';

/** Which network a route's resource belongs to: named in the path, or found through the resource's stream or a cycle. */
export type ResourceScope = { kind: 'none' } | { kind: ResourceKind; param: string };

/**
 * `network`: the id is the network's. `cycle`: found in the cycles read model. `person`: the network the person
 * was named in, kept with their key. The others: from the first event of `<kind>-<id>`.
 */
export type ResourceKind = 'network' | 'cycle' | 'goal' | 'organisation' | 'body' | 'meeting' | 'offer' | 'person' | 'assessment';

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
