import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnyRow, execute, queryRows } from '@haven/platform';

/**
 * One capability's share of a child's record: what the subject-access export shows of it and how the
 * retention purge deletes it. Each capability defines its part next to its service, in its own SQL, and
 * registers it from its module (`ChildRecordParts`); the children library names no other capability's
 * tables, and the export and the purge hold whatever the registered parts hold.
 */
export interface ChildRecordPart {
  /** The part's name, for other parts' `refersTo`. */
  readonly name: string;
  /**
   * Where the part's sections stand in the exported document, ascending: after the child's own
   * sections (the child, its NRM referrals and decisions) and before the audit trail, which ends it.
   */
  readonly position: number;
  /** Parts whose rows this part's rows refer to (foreign keys): the purge deletes this part's rows first. */
  readonly refersTo?: readonly string[];
  /** The part's sections of the export, in the part's order, each the rows held on the child. */
  exportSections(em: EntityManager, childId: string): Promise<Record<string, unknown[]>>;
  /** Deletes the part's rows about these children, inside the purge's transaction. */
  purge(em: EntityManager, childIds: readonly string[]): Promise<void>;
}

/** The registered parts cannot make one record: a clash of names, positions or sections, or a cycle. */
export class ChildRecordPartsError extends Error {}

export interface SqlRecordPart {
  readonly name: string;
  readonly position: number;
  readonly refersTo?: readonly string[];
  /** Each section's query, in the document's order; `$1` is the child's id. */
  readonly sections: Readonly<Record<string, string>>;
  /** The part's DELETE statements, run in this order; `$1` is the children's ids (`uuid[]`). */
  readonly deletions: readonly string[];
}

/** A part written as SQL: one query per section, and the deletions in the order its own keys need. */
export function sqlRecordPart({ sections, deletions, ...part }: SqlRecordPart): ChildRecordPart {
  return {
    ...part,
    async exportSections(em, childId) {
      const document: Record<string, unknown[]> = {};
      for (const [section, sql] of Object.entries(sections)) {
        document[section] = await queryRows(em, AnyRow, sql, [childId]);
      }
      return document;
    },
    async purge(em, childIds) {
      for (const statement of deletions) await execute(em, statement, [childIds]);
    },
  };
}

/**
 * The parts of the child record, registered by each capability's module when it starts
 * (`onModuleInit`). The children library provides the registry and knows no part by name.
 */
@Injectable()
export class ChildRecordParts {
  private readonly parts: ChildRecordPart[] = [];

  register(part: ChildRecordPart): void {
    const clash = this.parts.find((other) => other.name === part.name || other.position === part.position);
    if (clash)
      throw new ChildRecordPartsError(
        `Child record part ${part.name} clashes with ${clash.name} (name or position)`,
      );
    this.parts.push(part);
  }

  all(): readonly ChildRecordPart[] {
    return this.parts;
  }
}

/** The parts in the exported document's order. */
export function inExportOrder(parts: readonly ChildRecordPart[]): ChildRecordPart[] {
  return [...parts].sort((a, b) => a.position - b.position);
}

/**
 * The parts in an order the foreign keys allow deleting them: a part goes once no part still to be
 * deleted refers to it.
 */
export function inPurgeOrder(parts: readonly ChildRecordPart[]): ChildRecordPart[] {
  const remaining = inExportOrder(parts);
  const ordered: ChildRecordPart[] = [];
  while (remaining.length > 0) {
    const next = remaining.findIndex(
      (part) => !remaining.some((other) => other.refersTo?.includes(part.name)),
    );
    if (next < 0) throw new ChildRecordPartsError('The child record parts refer to each other in a cycle');
    ordered.push(...remaining.splice(next, 1));
  }
  return ordered;
}
