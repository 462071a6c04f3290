import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '../context/request-context';
import { forbidden } from '../errors/haven-error';
import { ALLOW_METADATA, PUBLIC_METADATA } from './allow.decorator';
import { isAllowed, Permission } from './permission';

/**
 * The one gate every query, mutation and field resolver passes (registered globally, and on field
 * resolvers through `fieldResolverEnhancers`). Denied by default: a handler that declares no
 * permission is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (context.getType<string>() !== 'graphql') {
      if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
      throw forbidden();
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ALLOW_METADATA, targets);
    const request = GqlExecutionContext.create(context).getContext<{ haven: RequestContext }>().haven;
    const actor = await request.resolveActor();
    if (!permission || !isAllowed(actor.role, permission)) throw forbidden();
    return true;
  }
}
