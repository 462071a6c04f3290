import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { RequestContext } from '../context/request-context';
import { queryRow, queryRows } from '../database/typed-query';
import { Connection, Keyset, PageArgs, toConnection } from '../graphql/pagination';
import { PractitionersService } from '../identity/practitioners.service';
import { AuditAction } from './audit-entry';
import { AuditEventModel } from './audit-event.model';

const CountRow = z.object({ n: z.string() });

const AuditRow = z.object({
  id: z.string(),
  seq: z.string(), // bigint
  at: z.date(),
  action: z.enum(AuditAction),
  entity: z.string(),
  entity_id: z.string(),
  practitioner_id: z.string().nullable(),
  request_id: z.string(),
  total: z.string(), // count(*) OVER ()
});

/** A child's audit trail is paged by the audit table's sequence. */
const AUDIT_TRAIL = new Keyset('auditTrail', ['sequence']);

/** Reads a child's audit trail, newest first. The caller has already been shown the child is theirs. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly practitioners: PractitionersService) {}

  async forChild(ctx: RequestContext, childId: string, page: PageArgs): Promise<Connection<AuditEventModel>> {
    const first = page.first ?? 50;
    const cursor = AUDIT_TRAIL.decode(page.after);
    const params: unknown[] = [childId, first + 1];
    let keyset = '';
    if (cursor) {
      params.push(cursor[0]);
      keyset = 'AND seq < $3::bigint';
    }
    const em = await ctx.em();
    const rows = await queryRows(
      em,
      AuditRow,
      `SELECT id, seq, at, action, entity, entity_id, practitioner_id, request_id, count(*) OVER () AS total
         FROM audit_event WHERE child_id = $1 ${keyset}
        ORDER BY seq DESC LIMIT $2`,
      params,
    );
    const total = cursor ? await this.count(ctx, childId) : Number(rows[0]?.total ?? 0);
    const loader = this.practitioners.loader(ctx);
    const practitioners = await loader.loadMany(
      rows.map((row) => row.practitioner_id).filter((id) => id !== null),
    );
    const byId = new Map(
      practitioners.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, p] as const] : [])),
    );
    return toConnection(
      rows,
      first,
      total,
      AUDIT_TRAIL,
      (row) => [row.seq],
      (row) => ({
        id: row.id,
        at: row.at,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        requestId: row.request_id,
        practitioner: row.practitioner_id ? (byId.get(row.practitioner_id) ?? null) : null,
      }),
    );
  }

  private async count(ctx: RequestContext, childId: string): Promise<number> {
    const em = await ctx.em();
    const row = await queryRow(em, CountRow, 'SELECT count(*) AS n FROM audit_event WHERE child_id = $1', [
      childId,
    ]);
    return Number(row.n);
  }
}
