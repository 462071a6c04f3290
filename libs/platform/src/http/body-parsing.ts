import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { json, urlencoded } from 'express';

/**
 * Nest's own body parsers (JSON and forms, their default limits), except that a body that is not
 * JSON is answered as GraphQL-over-HTTP expects: 400 with a GraphQL error body (code BAD_REQUEST,
 * as Apollo Server answers a request without a query). Other parser errors go on to Nest as before.
 * For NestFactory.create(..., { bodyParser: false }).
 */
export function bodyParsing(): (
  RequestHandler | ((error: unknown, req: Request, res: Response, next: NextFunction) => void)
)[] {
  return [
    json(),
    (error: unknown, _req: Request, res: Response, next: NextFunction) => {
      if ((error as { type?: string } | undefined)?.type !== 'entity.parse.failed') return next(error);
      res.status(400).json({
        errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
      });
    },
    urlencoded({ extended: true }),
  ];
}
