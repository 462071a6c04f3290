import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLContext } from '../context/current-context.decorator';
import { TooManyRequestsError } from '../identity/rate-limiter';

/** graphql-js's "Did you mean ...?" ending, on unknown fields, types, arguments and enum values. */
const SUGGESTION = /\s*Did you mean [^]*\?$/;

/** A message without its suggestion of names from the schema. */
export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** The extensions, their `fields` (BAD_USER_INPUT) without suggestions either. */
function withoutSuggestions(extensions: Record<string, unknown>): Record<string, unknown> {
  const { fields } = extensions;
  if (!Array.isArray(fields)) return extensions;
  return {
    ...extensions,
    fields: fields.map((field: { field: string; message: string }) => ({
      ...field,
      message: withoutSuggestion(field.message),
    })),
  };
}

/**
 * HTTP as GraphQL-over-HTTP clients expect, where Apollo Server does not already: a caller past the
 * rate limit is answered 429 with Retry-After (seconds), the GraphQL error body unchanged; without
 * `suggestions` (production) no message suggests names from the schema, enum values included.
 * (A request that cannot be parsed or fails validation is already 400 in Apollo Server 5.)
 */
export function httpStatusPlugin(options: { suggestions: boolean }): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      let limited: TooManyRequestsError | undefined;
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          limited ??= errors
            .map((error) => error.originalError)
            .find((error): error is TooManyRequestsError => error instanceof TooManyRequestsError);
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          if (limited) {
            response.http.status = 429;
            response.http.headers.set('retry-after', String(limited.retryAfterSeconds));
          }
          const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
          if (!options.suggestions && result?.errors) {
            result.errors = result.errors.map((error) => ({
              ...error,
              message: withoutSuggestion(error.message),
              ...(error.extensions ? { extensions: withoutSuggestions(error.extensions) } : {}),
            }));
          }
          return Promise.resolve();
        },
      });
    },
  };
}
