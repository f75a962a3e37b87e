import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AssessmentNotFound, BodyNotFound, CycleNotFound, DomainError, GoalNotFound, MeetingNotFound, NetworkNotFound, OfferNotFound, OrganisationNotFound, PersonNotFound } from '@kreislauf/domain';
import type { Request } from 'express';
import { isUUID } from 'class-validator';
import { invalidUuid } from '../http/params';
import { ProblemException } from '../http/problem';
import { RequestActor } from '../http/request-context';
import { ACCESS_POLICY, Role, ROLES } from './access-policy';
import { ACCESS_RULE, AccessRule, PUBLIC_ROUTE, ResourceScope } from './access.decorator';
import { Principal } from './principal';
import { ResourceDirectory } from './resource-directory';
import { TokenVerifier } from './token-verifier';

/** What the guard learned about a request: who acts, in which role, in which network. */
export interface RequestAccess extends RequestActor {
  principal: Principal;
}

export type RequestWithAccess = Request & { access?: RequestAccess };

/**
 * The one place that enforces ACCESS_POLICY. No token or a bad one: 401. No role in the resource's
 * network: the same 404 as for a resource that does not exist. A role that may not do this: 403.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
    private readonly directory: ResourceDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithAccess>();
    const principal = await this.authenticate(request);
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, targets);
    if (!rule) throw forbidden('This route has no access rule');
    const policy = ACCESS_POLICY[rule.action];

    if ('anyone' in policy && policy.anyone) {
      // Any valid token: the route answers only about the caller.
      request.access = { principal, actor: actorOf(principal, principal.admin ? 'admin' : 'none'), networkId: null };
      return true;
    }
    if (rule.scope.kind === 'none') {
      // Routes of no network (reference data): an administrator where the policy says so, else any network role it lists.
      if (policy.admin && principal.admin) {
        request.access = { principal, actor: actorOf(principal, 'admin'), networkId: null };
        return true;
      }
      const held = await this.rolesAnywhere(principal);
      const role = ROLES.find((candidate) => held.includes(candidate) && (policy.roles as readonly string[]).includes(candidate));
      if (!role) throw forbidden(`Only an administrator may do this (${rule.action})`);
      request.access = { principal, actor: actorOf(principal, role), networkId: null };
      return true;
    }

    const resourceId = String(request.params[rule.scope.param]);
    // Checked before any lookup, with the same answer the route's own UUID pipe gives.
    if (!isUUID(resourceId)) throw invalidUuid(rule.scope.param);
    const networkId = await this.networkOf(rule.scope, resourceId);
    if (networkId === null) {
      // A resource of no network (a person no event names): nobody's role reaches it, an administrator's may.
      if (policy.admin && principal.admin) {
        request.access = { principal, actor: actorOf(principal, 'admin'), networkId: null };
        return true;
      }
      throw notFound(rule.scope, resourceId);
    }
    const held = await this.rolesIn(principal, networkId);
    const allowed = ROLES.find((role) => held.includes(role) && (policy.roles as readonly string[]).includes(role));
    if (allowed) {
      request.access = { principal, actor: actorOf(principal, allowed), networkId };
      return true;
    }
    if (policy.admin && principal.admin) {
      request.access = { principal, actor: actorOf(principal, 'admin'), networkId };
      return true;
    }
    if (held.length === 0) throw notFound(rule.scope, resourceId); // existence is not disclosed
    throw forbidden(`Your role in this network (${held.join(', ')}) may not do this (${rule.action})`);
  }

  /** Every role the person holds in any network, from the token and granted. */
  private async rolesAnywhere(principal: Principal): Promise<Role[]> {
    const granted = await this.directory.grantedRolesAnywhere(principal.userId);
    return [...new Set([...[...principal.networkRoles.values()].flat(), ...granted])];
  }

  /** The roles the token carries in the network, and those granted there. */
  private async rolesIn(principal: Principal, networkId: string): Promise<Role[]> {
    const fromToken = principal.networkRoles.get(networkId.toLowerCase()) ?? [];
    const granted = await this.directory.grantedRoles(principal.userId, networkId);
    return [...new Set([...fromToken, ...granted])];
  }

  private async authenticate(request: Request): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '');
    if (!match) throw unauthenticated('Send a bearer token in the Authorization header');
    try {
      return await this.tokens.verify(match[1]);
    } catch {
      throw unauthenticated('The bearer token is not valid (signature, issuer, audience or expiry)');
    }
  }

  private networkOf(scope: Exclude<ResourceScope, { kind: 'none' }>, id: string): Promise<string | null> {
    switch (scope.kind) {
      case 'network':
        return Promise.resolve(id);
      case 'cycle':
        return this.directory.networkOfCycle(id);
      case 'person':
        return this.directory.networkOfPerson(id);
      default:
        return this.directory.networkOfStream(scope.kind, id, () => notFound(scope, id));
    }
  }
}

function actorOf(principal: Principal, role: string): RequestAccess['actor'] {
  return { userId: principal.userId, ...(principal.displayName ? { displayName: principal.displayName } : {}), role };
}

function notFound(scope: Exclude<ResourceScope, { kind: 'none' }>, id: string): DomainError {
  switch (scope.kind) {
    case 'network':
      return new NetworkNotFound(id);
    case 'goal':
      return new GoalNotFound(id);
    case 'cycle':
      return new CycleNotFound(id);
    case 'organisation':
      return new OrganisationNotFound(id);
    case 'body':
      return new BodyNotFound(id);
    case 'meeting':
      return new MeetingNotFound(id);
    case 'offer':
      return new OfferNotFound(id);
    case 'person':
      return new PersonNotFound(id);
    case 'assessment':
      return new AssessmentNotFound(id);
  }
}

function unauthenticated(detail: string): ProblemException {
  return new ProblemException(HttpStatus.UNAUTHORIZED, 'auth.unauthenticated', 'Authentication required', detail);
}

function forbidden(detail: string): ProblemException {
  return new ProblemException(HttpStatus.FORBIDDEN, 'auth.forbidden', 'Not allowed', detail);
}
