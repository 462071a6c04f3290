import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ServerResponse } from 'node:http';
import { RequestContext } from './request-context';

export interface GraphQLContext {
  haven: RequestContext;
  /** The HTTP response (not for a subscription), whose log line names the codes answered. */
  res?: ServerResponse;
}

/** The request's context in a resolver: `@Ctx() ctx: RequestContext`. */
export const Ctx = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext =>
    GqlExecutionContext.create(context).getContext<GraphQLContext>().haven,
);
