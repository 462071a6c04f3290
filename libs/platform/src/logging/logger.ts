import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Logger as NestLogger } from '@nestjs/common';
import { Logger, Params, PinoLogger as NestPinoLogger } from 'nestjs-pino';
import pino, { DestinationStream, Logger as PinoLogger } from 'pino';
import { LogFormat, LogLevelName } from '../config/app-config';
import { loggableError } from './safe-error';
import { formatTextLine } from './text-format';

export interface LoggingSettings {
  level: LogLevelName;
  format: LogFormat;
}

/** A caller's own request id is kept when it looks like one; otherwise the service makes one. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Whatever the serializers let through, these never reach a log. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'authorization',
  'Authorization',
  'cookie',
  'token',
  'connectionParams',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  '*.token',
  '*.password',
  '*.secret',
];

/**
 * The path of a URL without its query, and without an export link's token (`/exports/<kind>/<token>`):
 * a link that opens a child's record, its signature and expiry never reach a log.
 */
export function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0].replace(/^(\/exports\/[^/]+\/).+$/, '$1[redacted]');
}

function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return pathOnly(req.originalUrl ?? req.url);
}

/** Whether colour codes may be written: never under NO_COLOR; where FORCE_COLOR asks (not 0); else to a terminal only. */
export function colourWanted(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

function textDestination(out: NodeJS.WriteStream): DestinationStream {
  const colour = colourWanted(out);
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString();
      let end = pending.indexOf('\n');
      while (end >= 0) {
        out.write(formatTextLine(pending.slice(0, end), colour));
        pending = pending.slice(end + 1);
        end = pending.indexOf('\n');
      }
      done();
    },
  });
}

/** An Error is described as `loggableError` allows; our own already-described errors pass as they are. */
function serializeError(value: unknown): unknown {
  return value instanceof Error ? loggableError(value) : value;
}

/** The process's one pino logger: JSON lines (production) or readable lines, on standard output. */
export function createLogger(
  settings: LoggingSettings,
  out: NodeJS.WriteStream = process.stdout,
): PinoLogger {
  return pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    settings.format === 'json' ? pino.destination({ dest: 1, sync: true }) : textDestination(out),
  );
}

/** What a request's response carries for its log line: the error codes the operation answered with. */
export interface ResponseOutcome {
  codes: string[];
}

interface LocalsCarrier {
  locals?: { outcome?: ResponseOutcome };
}

/** Where the GraphQL layer notes a request's error codes, for its one log line. */
export function outcomeOf(res: ServerResponse): ResponseOutcome {
  const carrier = res as ServerResponse & LocalsCarrier;
  carrier.locals ??= {};
  carrier.locals.outcome ??= { codes: [] };
  return carrier.locals.outcome;
}

/**
 * nestjs-pino's settings: one line per request (method, path without query, status, time, the
 * error codes answered, the request id), at info; an unexpected failure is logged on its own at
 * ERROR where it happens. The request id is the one the request context uses (`x-request-id`).
 */
export function loggerParams(logger: PinoLogger): Params {
  return {
    pinoHttp: {
      logger,
      quietReqLogger: true,
      customAttributeKeys: { reqId: 'requestId' },
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string; originalUrl?: string }) => ({
          id: req.id,
          method: req.method,
          url: pathOnly(req.originalUrl ?? req.url),
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'warn' : 'info'),
      customProps: (_req, res) => {
        const codes = (res as ServerResponse & LocalsCarrier).locals?.outcome?.codes ?? [];
        return codes.length > 0 ? { codes } : {};
      },
      customSuccessMessage: (req, res, time) =>
        `${req.method} ${pathOf(req)} ${res.statusCode} in ${time} ms`,
      customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    },
  };
}

export interface Logging {
  /** For `LoggerModule.forRoot`: the per-request line and the request id on every line of a request. */
  params: Params;
  /** The Nest logger writing through pino, for `NestFactory.create(..., { logger })`. */
  nest: Logger;
}

/**
 * Sends every Nest log line of this process through one pino logger (JSON in production, readable
 * lines otherwise, at the configured level), from the first line on.
 */
export function installLogging(settings: LoggingSettings): Logging {
  const params = loggerParams(createLogger(settings));
  const nest = new Logger(new NestPinoLogger(params), params);
  NestLogger.overrideLogger(nest);
  return { params, nest };
}
