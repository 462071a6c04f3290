import { HttpStatus } from '@nestjs/common';

/** The error codes of the public contract; every expected failure carries one of them. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** An expected outcome that is not success. Mapped once to a GraphQL error by `formatGraphQLError`. */
export class HavenError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'HavenError';
  }
}

/** The one message for both "absent" and "outside your scope", so identifiers cannot be probed. */
export function notFound(entity: string): HavenError {
  return new HavenError(ErrorCode.NOT_FOUND, `${entity} not found`);
}

export function conflict(message: string): HavenError {
  return new HavenError(ErrorCode.CONFLICT, message);
}

export function forbidden(message = 'You are not allowed to do this'): HavenError {
  return new HavenError(ErrorCode.FORBIDDEN, message);
}

export function unauthenticated(message = 'A valid bearer token is required'): HavenError {
  return new HavenError(ErrorCode.UNAUTHENTICATED, message);
}

export function badInput(fields: FieldProblem[], message = 'Invalid input'): HavenError {
  return new HavenError(ErrorCode.BAD_USER_INPUT, message, fields);
}

/** One invalid field; the common case of domain validation in services. */
export function invalidField(field: string, message: string): HavenError {
  return badInput([{ field, message }]);
}

/** The HTTP status a code is answered with, where an HTTP route (not GraphQL) refuses. */
export function httpStatusOf(code: ErrorCode): HttpStatus {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return HttpStatus.UNAUTHORIZED;
    case ErrorCode.FORBIDDEN:
      return HttpStatus.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case ErrorCode.BAD_USER_INPUT:
      return HttpStatus.BAD_REQUEST;
    case ErrorCode.CONFLICT:
      return HttpStatus.CONFLICT;
    case ErrorCode.TOO_MANY_REQUESTS:
      return HttpStatus.TOO_MANY_REQUESTS;
    default:
      return assertUnreachable(code);
  }
}

/** The end of a `switch` that handles every case: a case left out does not compile. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
