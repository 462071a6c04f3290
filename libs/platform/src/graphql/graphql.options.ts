import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { AppConfig } from '../config/app-config';
import { GraphQLContext } from '../context/current-context.decorator';
import { RequestContext } from '../context/request-context';
import { RequestContextFactory } from '../context/request-context.factory';
import { formatGraphQLError } from '../errors/format-error';
import { assertUnreachable, ErrorCode, HavenError } from '../errors/haven-error';
import { httpStatusPlugin } from './http-status.plugin';
import { GraphQLDate, GraphQLDateTime } from './scalars';
import { unitOfWorkPlugin } from './unit-of-work.plugin';

interface WsExtra {
  /** The socket itself (graphql-ws on ws). */
  socket: WsSocket;
  /** The socket's caller, authenticated once on connection. */
  haven?: RequestContext;
  /** Each subscription on the socket reads with a context of its own. */
  operations?: Map<string, RequestContext>;
}

interface WsSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Close codes of graphql-ws: 4401 when the caller is not (or no longer) authenticated, 4403 when
 * they are but may not do what they asked, 4500 when the service failed.
 */
export const WS_UNAUTHORIZED = 4401;
export const WS_FORBIDDEN = 4403;
const WS_INTERNAL_ERROR = 4500;
/** setTimeout's longest delay; tokens live far less (TOKEN_MAX_LIFETIME_SECONDS is at most 7 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The close code and reason for a socket refused: 4401 and 4403 for a refusal of the caller, 4500 otherwise. */
function closeCodeFor(error: unknown): [number, string] {
  if (!(error instanceof HavenError)) return [WS_INTERNAL_ERROR, 'Internal server error'];
  switch (error.code) {
    case ErrorCode.UNAUTHENTICATED:
      return [WS_UNAUTHORIZED, 'Unauthorized'];
    case ErrorCode.FORBIDDEN:
      return [WS_FORBIDDEN, 'Forbidden'];
    case ErrorCode.NOT_FOUND:
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.CONFLICT:
    case ErrorCode.TOO_MANY_REQUESTS:
      return [WS_INTERNAL_ERROR, 'Internal server error'];
    default:
      return assertUnreachable(error.code);
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

interface WsContext {
  extra: unknown;
}

/** Tokens in one GraphQL document, at most. */
const MAX_TOKENS = 5000;

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
    // graphql-armor's token limit parses in a plugin hook, where a syntax error becomes a 500; the
    // parser's own limit (parseOptions below) refuses both with 400 GRAPHQL_PARSE_FAILED
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  const protection = armor.protect();
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: config.graphql.introspection,
    parseOptions: { maxTokens: MAX_TOKENS },
    // 429 for TOO_MANY_REQUESTS (httpStatusPlugin); Nest would reset an execution error's status to 200
    preserveHttpStatusForExecutionErrors: false,
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
      // Apollo's default cache-control plugin wraps every field resolver (willResolveField) to compute
      // cache hints; nothing here is cacheable (every answer is per caller and audited), and the wrapper
      // cost ~2% of the CPU of a case file at peak (README › Performance › Where the time goes)
      ApolloServerPluginCacheControlDisabled(),
      unitOfWorkPlugin(config.graphql.sqlStatementHeader),
      httpStatusPlugin({ suggestions: !production }),
    ],
    validationRules: protection.validationRules,
    formatError: (formatted: GraphQLFormattedError, error: unknown) => formatGraphQLError(formatted, error),
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // authenticated by connectionParams: { Authorization: "Bearer <JWT>" }, or a browser page's
        // session cookie with { csrfToken }; a bad or expired token or session closes the socket with
        // 4401, a caller refused (an unknown authority) with 4403
        onConnect: async (context: { connectionParams?: Record<string, unknown>; extra: unknown }) => {
          const extra = context.extra as WsExtra;
          const params = context.connectionParams ?? {};
          const authorization = stringOrUndefined(params.Authorization ?? params.authorization);
          const csrfToken = stringOrUndefined(params.csrfToken);
          const request = (context.extra as { request?: IncomingMessage }).request;
          let authenticated: { haven: RequestContext; expiresAt: Date };
          try {
            authenticated = await contexts.authenticateSocket({ authorization, csrfToken, request });
          } catch (error) {
            extra.socket.close(...closeCodeFor(error));
            return false;
          }
          // the socket lives no longer than the token it was opened with
          const expiry = setTimeout(
            () => extra.socket.close(WS_UNAUTHORIZED, 'Token expired'),
            Math.min(MAX_TIMER_MS, Math.max(0, authenticated.expiresAt.getTime() - Date.now())),
          );
          expiry.unref();
          extra.socket.once('close', () => clearTimeout(expiry));
          Object.assign(extra, { haven: authenticated.haven, operations: new Map() });
          return true;
        },
        // each event's reads, and their audit rows, are committed before the event is sent; a
        // subscription refused as a whole (no permission) closes the socket with 4403
        onNext: async (
          context: WsContext,
          id: string,
          _payload: unknown,
          _args: unknown,
          result: { data?: unknown; errors?: readonly GraphQLError[] },
        ) => {
          const extra = context.extra as WsExtra;
          const operation = extra.operations?.get(id);
          try {
            await operation?.completeEvent();
          } catch {
            return {
              errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
            };
          }
          const refusal = result.data
            ? undefined
            : result.errors?.find((e) => e.originalError instanceof HavenError);
          if (refusal) {
            const [code, reason] = closeCodeFor(refusal.originalError);
            if (code !== WS_INTERNAL_ERROR) extra.socket.close(code, reason);
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
