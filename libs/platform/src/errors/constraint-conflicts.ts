import { conflict } from './haven-error';

/** The constraint a database error names (a unique or exclusion violation), if any. */
export function constraintOf(error: unknown): string | undefined {
  const constraint = (error as { constraint?: unknown } | null | undefined)?.constraint;
  return typeof constraint === 'string' ? constraint : undefined;
}

/**
 * Runs a write whose domain rules PostgreSQL holds as constraints (one open episode, no overlapping
 * placements…), so that they hold under concurrency: a violation of a constraint named in `reasons` is
 * CONFLICT with that reason, whichever request lost the race; any other error goes on unchanged. The
 * one place where a constraint's name becomes a refusal.
 */
export async function conflictsByConstraint<T>(
  reasons: Readonly<Record<string, string>>,
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = constraintOf(error);
    const reason = constraint === undefined ? undefined : reasons[constraint];
    if (reason !== undefined) throw conflict(reason);
    throw error;
  }
}
