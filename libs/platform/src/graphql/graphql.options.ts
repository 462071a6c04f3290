import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { GraphQLFormattedError } from 'graphql';
import { AppConfig } from '../config/app-config';
import { GraphQLContext } from '../context/current-context.decorator';
import { RequestContext } from '../context/request-context';
import { RequestContextFactory } from '../context/request-context.factory';
import { formatGraphQLError } from '../errors/format-error';
import { GraphQLDate, GraphQLDateTime } from './scalars';
import { unitOfWorkPlugin } from './unit-of-work.plugin';

interface WsExtra {
  /** The socket's caller, authenticated once on connection. */
  haven?: RequestContext;
  /** Each subscription on the socket reads with a context of its own. */
  operations?: Map<string, RequestContext>;
}

interface WsContext {
  extra: unknown;
}

/** Apollo Server as the contract wants it: one endpoint, limits before execution, masked errors. */
export function graphqlOptions(config: AppConfig, contexts: RequestContextFactory): ApolloDriverConfig {
  const production = config.env === 'production';
  const armor = new ApolloArmor({
    maxDepth: { enabled: true, n: config.graphql.maxDepth, ignoreIntrospection: true },
    costLimit: {
      enabled: true,
      maxCost: config.graphql.maxCost,
      objectCost: 2,
      scalarCost: 1,
      depthCostFactor: 1.5,
    },
    maxAliases: { enabled: true, n: config.graphql.maxAliases },
    maxDirectives: { enabled: true, n: 20 },
    maxTokens: { enabled: true, n: 5000 },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    fieldResolverEnhancers: ['guards'],
    buildSchemaOptions: {
      dateScalarMode: 'isoDate',
      scalarsMap: [{ type: Date, scalar: GraphQLDateTime }],
      noDuplicatedFields: true,
    },
    resolvers: { Date: GraphQLDate, DateTime: GraphQLDateTime },
    plugins: [
      ...protection.plugins,
      ApolloServerPluginLandingPageDisabled(),
      unitOfWorkPlugin(config.graphql.sqlStatementHeader),
    ],
    validationRules: protection.validationRules,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => formatGraphQLError(formatted, error),
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // authenticated by connectionParams: { Authorization: "Bearer <JWT>" }; a bad token closes the socket
        onConnect: async (context: { connectionParams?: Record<string, unknown>; extra: unknown }) => {
          const params = context.connectionParams ?? {};
          const authorization = (params.Authorization ?? params.authorization) as string | undefined;
          const request = (context.extra as { request?: IncomingMessage }).request;
          const haven = contexts.forSubscription(authorization, request?.socket.remoteAddress);
          try {
            await haven.resolveActor();
          } catch {
            return false;
          }
          Object.assign(context.extra as WsExtra, { haven, operations: new Map() });
          return true;
        },
        // each event's reads, and their audit rows, are committed before the event is sent
        onNext: async (context: WsContext, id: string) => {
          const operation = (context.extra as WsExtra).operations?.get(id);
          try {
            await operation?.completeEvent();
          } catch {
            return {
              errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
            };
          }
        },
        // a socket closed mid-event leaves no transaction open
        onClose: async (context: WsContext) => {
          const { operations } = context.extra as WsExtra;
          await Promise.all([...(operations?.values() ?? [])].map((operation) => operation.uow.rollback()));
          operations?.clear();
        },
        // a finished subscription lets go of its context at once, however long the socket stays open
        // (graphql-ws takes onComplete; Nest's typed subset of its options leaves it out)
        ...{
          onComplete: async (context: WsContext, id: string) => {
            const { operations } = context.extra as WsExtra;
            await operations?.get(id)?.uow.rollback();
            operations?.delete(id);
          },
        },
      },
    },
    context: (args: { req?: Request; res?: Response; extra?: WsExtra }, id?: string): GraphQLContext => {
      const socket = args.extra;
      if (!socket?.haven) return { haven: contexts.forHttp(args.req!, args.res), res: args.res };
      const haven = contexts.forActor(socket.haven.actor);
      if (id) socket.operations?.set(id, haven);
      return { haven };
    },
  };
}
