/**
 * No colour codes where the output is not a terminal (a log file, a pipe, a container's log collector).
 * Nest's console logger colours unless NO_COLOR is set, whatever the output; this sets NO_COLOR (before
 * the logger exists: import this module first) unless the output is a terminal or FORCE_COLOR asks for
 * colour. An operator's own NO_COLOR is left alone; FORCE_COLOR=0 means no colour.
 */
export function noColourDefault(
  env: Record<string, string | undefined>,
  stdoutIsTerminal: boolean,
): string | undefined {
  if (env.NO_COLOR) return undefined;
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return '1';
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return undefined;
  return stdoutIsTerminal ? undefined : '1';
}

const value = noColourDefault(process.env, process.stdout.isTTY === true);
if (value) process.env.NO_COLOR = value;
