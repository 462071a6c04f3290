import type { ApolloServer } from '@apollo/server';
import type { ApolloDriver } from '@nestjs/apollo';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { BrowserSession, GraphQLContext, RequestContextFactory } from '@haven/platform';

/** A refusal as the contract words it: the code, the message, and for BAD_USER_INPUT the fields. */
export interface Refusal {
  code: string;
  message: string;
  fields: { field: string; message: string }[];
}

/** Who runs an operation: the signed-in practitioner's session, and the request its log line names. */
export interface WebCaller {
  session: BrowserSession;
  requestId?: string;
}

export type Outcome<TData> = { ok: true; data: TData } | { ok: false; refusal: Refusal };

/** A refusal a page does not handle itself: the error handler answers it (sign in, 404, 403...). */
export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'RefusedError';
  }
}

/**
 * Runs the service's own GraphQL operations in-process as the signed-in practitioner: through Apollo
 * Server's whole pipeline (limits, the access guard, the request's transaction and its audit rows,
 * masked errors), exactly as an API client's request would run, without a network hop. Operations
 * are typed by GraphQL Code Generator from the committed schema (libs/web/src/graphql/operations).
 */
@Injectable()
export class WebGraphQL {
  private server?: ApolloServer<GraphQLContext>;

  constructor(
    private readonly modules: ModuleRef,
    private readonly contexts: RequestContextFactory,
  ) {}

  /** The operation's data, or the refusal (BAD_USER_INPUT, CONFLICT...) for the page to show. */
  async run<TData, TVariables extends Record<string, unknown>>(
    { session, requestId }: WebCaller,
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<Outcome<TData>> {
    const haven = this.contexts.forSession(session, requestId);
    try {
      const response = await this.apollo().executeOperation<TData, TVariables>(
        { query: document, variables },
        { contextValue: { haven } },
      );
      if (response.body.kind !== 'single') {
        throw new TypeError('An in-process operation answered incrementally');
      }
      const { data, errors } = response.body.singleResult;
      if (errors?.length) {
        const [first] = errors;
        const extensions = first.extensions ?? {};
        return {
          ok: false,
          refusal: {
            code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
            message: first.message,
            fields: Array.isArray(extensions.fields) ? (extensions.fields as Refusal['fields']) : [],
          },
        };
      }
      return { ok: true, data: data as TData };
    } finally {
      // the plugin has committed or rolled back; nothing stays open if the operation never ran
      await haven.uow.rollback();
    }
  }

  /** The operation's data; any refusal is thrown for the error handler (pages that only read). */
  async read<TData, TVariables extends Record<string, unknown>>(
    caller: WebCaller,
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    const outcome = await this.run(caller, document, variables);
    if (!outcome.ok) throw new RefusedError(outcome.refusal);
    return outcome.data;
  }

  private apollo(): ApolloServer<GraphQLContext> {
    // Nest's adapter types its instance by the base context; it is the server built with GraphQLContext
    this.server ??= this.modules.get<GraphQLModule<ApolloDriver>>(GraphQLModule, { strict: false })
      .graphQlAdapter.instance as unknown as ApolloServer<GraphQLContext>;
    return this.server;
  }
}
