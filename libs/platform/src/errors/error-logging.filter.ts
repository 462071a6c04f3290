import { ArgumentsHost, Catch, HttpException, InternalServerErrorException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { loggableError } from '../logging/safe-error';
import { HavenError, httpStatusOf } from './haven-error';

const logger = new Logger('Errors');

/**
 * Replaces Nest's own exception logging, which writes every refusal (a HavenError thrown by a
 * resolver) at ERROR with its stack and message — a message that may quote what the caller sent.
 * A GraphQL error goes on to Apollo, whose `formatGraphQLError` maps it and logs an unexpected one
 * once; an HTTP route answers a refusal with its status and nothing logged, and an unexpected error
 * with a masked 500, logged once at ERROR with its stack (a database error by SQLSTATE only).
 */
@Catch()
export class ErrorLoggingFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // a GraphQL error goes on as Nest's own external filter passes it, thrown (a returned error would be
    // the resolver's value: a subscription refused by its guard would then never reach graphql-ws)
    if (host.getType() !== 'http') throw exception;
    if (exception instanceof HavenError) {
      const res = host.switchToHttp().getResponse<Response>();
      if (!res.headersSent)
        res.status(httpStatusOf(exception.code)).json({ code: exception.code, message: exception.message });
      return undefined;
    }
    if (exception instanceof HttpException) return super.catch(exception, host);
    logger.error({ err: loggableError(exception) }, 'Unexpected error, answered 500');
    return super.catch(new InternalServerErrorException(), host);
  }
}
