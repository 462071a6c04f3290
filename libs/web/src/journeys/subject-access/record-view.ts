import { humanise } from '../../nunjucks-setup';
import { RECORD_SECTION } from '../children/labels';

/** One section of the printable record: its rows, each a list of column and value. */
export interface RecordSection {
  name: string;
  label: string;
  rows: { key: string; value: string }[][];
}

/** A stored value as the printable record shows it: blank as "None", lists and objects as written. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'None';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(shown).join(', ') : 'None';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * The export's document (one JSON object of sections, each the rows of one table) for the printable
 * view: every column of every row, nothing left out, in the API's order of sections.
 */
export function recordSections(document: string, sections: string[]): RecordSection[] {
  const parsed = JSON.parse(document) as Record<string, Record<string, unknown>[]>;
  return sections.map((name) => ({
    name,
    label: RECORD_SECTION[name] ?? humanise(name),
    rows: (parsed[name] ?? []).map((row) =>
      Object.entries(row).map(([column, value]) => ({ key: humanise(column), value: shown(value) })),
    ),
  }));
}
