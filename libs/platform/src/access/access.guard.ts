import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '../context/request-context';
import { forbidden } from '../errors/haven-error';
import { ALLOW_METADATA, PUBLIC_METADATA } from './allow.decorator';
import { isAllowed, Permission } from './permission';

/** A GraphQL resolver's arguments as Nest passes them: (parent, args, context, info). */
const GRAPHQL_CONTEXT_ARGUMENT = 2;

/**
 * The one gate every query, mutation and field resolver passes (registered globally, and on field
 * resolvers through `fieldResolverEnhancers`). Denied by default: a handler that declares no
 * permission is refused.
 *
 * It runs once per resolved field (a case file resolves a dozen), so it keeps that path short: each
 * handler's declared permission is looked up once and remembered (declarations are fixed when the
 * classes load), and the caller is resolved once per request (the first field's check).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  /** Each resolver class's handlers' declared permissions, or null when one declares none. */
  private readonly declared = new WeakMap<object, WeakMap<object, Permission | null>>();

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') {
      const targets = [context.getHandler(), context.getClass()];
      if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
      throw forbidden();
    }
    const permission = this.permissionOf(context);
    const request = context.getArgByIndex<{ haven: RequestContext }>(GRAPHQL_CONTEXT_ARGUMENT).haven;
    const actor = await request.resolveActor();
    if (!permission || !isAllowed(actor.role, permission)) throw forbidden();
    return true;
  }

  private permissionOf(context: ExecutionContext): Permission | null {
    const [handler, resolver] = [context.getHandler(), context.getClass()];
    let handlers = this.declared.get(resolver);
    if (!handlers) this.declared.set(resolver, (handlers = new WeakMap()));
    let permission = handlers.get(handler);
    if (permission === undefined) {
      permission =
        this.reflector.getAllAndOverride<Permission | undefined>(ALLOW_METADATA, [handler, resolver]) ?? null;
      handlers.set(handler, permission);
    }
    return permission;
  }
}
