import { Logger } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { loggableError } from '../logging/safe-error';
import { ErrorCode, FieldProblem, HavenError } from './haven-error';

const logger = new Logger('GraphQL');

/**
 * Maps every error to the contract: HavenErrors keep their code (and fields), request errors keep
 * theirs, and anything else becomes INTERNAL_SERVER_ERROR with no stack, SQL or message of its own.
 * Expected outcomes are not logged here (the request's one line names their codes); only an
 * unexpected failure is, at ERROR, with its stack.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof HavenError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.code === ErrorCode.BAD_USER_INPUT) extensions.fields = original.fields;
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof HttpException) {
    return { ...base, message: original.message, extensions: { code: httpCode(original.getStatus()) } };
  }
  // Errors graphql-js and Apollo raise about the request itself (parse, validation, variable coercion).
  const code = formatted.extensions?.code;
  const aboutTheRequest =
    error instanceof GraphQLError &&
    (error.originalError === undefined || error.originalError instanceof GraphQLError);
  if (aboutTheRequest && typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const extensions: Record<string, unknown> = { code };
    if (code === 'BAD_USER_INPUT') extensions.fields = fieldsFromCoercionMessage(formatted.message);
    return { ...base, extensions };
  }
  // the one line an unexpected failure is logged with: its stack, a database error by SQLSTATE only
  logger.error({ err: loggableError(original) }, 'Unexpected error, answered INTERNAL_SERVER_ERROR');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function httpCode(status: number): string {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 429) return ErrorCode.TOO_MANY_REQUESTS;
  if (status >= 400 && status < 500) return ErrorCode.BAD_USER_INPUT;
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * graphql-js reports variable coercion failures only in prose ('Variable "$input" got invalid value
 * ... at "input.gender"; ...'); turn that into the contract's `fields`, named as the validation pipe
 * names them: inside an `input` argument, otherwise from the argument (its variable, by convention
 * named alike), e.g. "filter.status".
 */
export function fieldsFromCoercionMessage(message: string): FieldProblem[] {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1] ?? 'input';
  const at = new RegExp(`at "${variable}([^"]*)"; `).exec(message)?.[1] ?? '';
  const missing = /Field "([^"]+)" of required type/.exec(message)?.[1];
  const path = [...at.replace(/\[(\d+)\]/g, '.$1').split('.'), missing].filter(Boolean);
  const field = variable === 'input' ? path.join('.') || variable : [variable, ...path].join('.');
  return [{ field, message }];
}
