const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const LEVEL_COLOURS: Record<number, string> = {
  10: '\u001b[90m',
  20: '\u001b[36m',
  30: '\u001b[32m',
  40: '\u001b[33m',
  50: '\u001b[31m',
  60: '\u001b[35m',
};
const RESET = '\u001b[0m';
// shown otherwise (or, for a request's line, already said by its message: "POST /graphql 200 in 3 ms")
const SHOWN_FIRST = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'msg',
  'context',
  'err',
  'requestId',
  'req',
  'res',
  'responseTime',
]);

/**
 * One JSON log record as one readable line, for development (pino-pretty is not a dependency):
 * `15:04:05.123 INFO  [GraphQL] message requestId=… key=value`, then an error's stack. Colour only
 * for a terminal.
 */
export function formatTextLine(json: string, colour: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const name = (LEVEL_NAMES[level] ?? String(level)).padEnd(5);
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 23) : '';
  const context = typeof record.context === 'string' ? `[${record.context}] ` : '';
  const rest = Object.entries(record)
    .filter(([key]) => !SHOWN_FIRST.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (typeof record.requestId === 'string') rest.unshift(`requestId=${record.requestId}`);
  const message = typeof record.msg === 'string' ? record.msg : '';
  const head = `${time} ${colour ? `${LEVEL_COLOURS[level] ?? ''}${name}${RESET}` : name} ${context}${message}`;
  let line = rest.length > 0 ? `${head} ${rest.join(' ')}` : head;
  const err = record.err as { stack?: string; message?: string } | undefined;
  if (err) line += `\n${err.stack ?? err.message ?? ''}`;
  return `${line}\n`;
}
