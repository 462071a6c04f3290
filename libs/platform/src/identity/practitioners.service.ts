import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { z } from 'zod';
import { RequestContext } from '../context/request-context';
import { parseRow, queryRows } from '../database/typed-query';
import { Nation, OrganisationKind, Role } from './role';
import { PractitionerModel } from './practitioner.model';

/**
 * A practitioner with their organisation: a row of the view `practitioner_row` (migration 021), the one
 * definition, read as such in a list or by id, or as JSON alongside other rows (`practitionerJson`).
 */
const PractitionerRow = z.object({
  id: z.string(),
  subject: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(Role),
  organisation_id: z.string(),
  organisation_code: z.string(),
  organisation_name: z.string(),
  organisation_kind: z.enum(OrganisationKind),
  organisation_nation: z.enum(Nation).nullable(),
});
type PractitionerRow = z.infer<typeof PractitionerRow>;

const LIST_LIMIT = 1000;

/**
 * A practitioner as JSON, for a query that reads one alongside other rows (see `prime`): the view's row
 * through a PL/pgSQL function, whose plan PostgreSQL keeps, so a statement calling it does not plan the
 * join again.
 */
export function practitionerJson(idExpression: string): string {
  return `haven_practitioner_json(${idExpression})`;
}

@Injectable()
export class PractitionersService {
  async me(ctx: RequestContext): Promise<PractitionerModel> {
    return this.loader(ctx).load(ctx.actor.practitionerId) as Promise<PractitionerModel>;
  }

  /**
   * Practitioners the caller may see: an administrator sees everyone; authority staff see their
   * colleagues and the guardians they may assign; a guardian sees their own provider's staff.
   */
  async list(ctx: RequestContext, role?: Role): Promise<PractitionerModel[]> {
    const { actor } = ctx;
    const params: unknown[] = [];
    const where: string[] = [];
    if (role) {
      params.push(role);
      where.push(`p.role = $${params.length}`);
    }
    if (actor.role !== Role.ADMIN) {
      params.push(actor.organisationId);
      const ownOrganisation = `p.organisation_id = $${params.length}`;
      where.push(
        actor.role === Role.GUARDIAN ? ownOrganisation : `(${ownOrganisation} OR p.role = 'GUARDIAN')`,
      );
    }
    const em = await ctx.em();
    const rows = await queryRows(
      em,
      PractitionerRow,
      `SELECT * FROM practitioner_row p ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.name, p.id LIMIT ${LIST_LIMIT}`,
      params,
    );
    return rows.map(toModel);
  }

  /** Gives the request's loader a practitioner read as JSON inside another query (`practitionerJson`). */
  prime(ctx: RequestContext, row: unknown): void {
    const model = toModel(parseRow(PractitionerRow, row, 'a practitioner read as JSON'));
    this.loader(ctx).prime(model.id, model);
  }

  /** Practitioners by id, for fields such as a child's allocated worker; batched per request. */
  loader(ctx: RequestContext): DataLoader<string, PractitionerModel | null> {
    return ctx.loader(
      'practitioner.byId',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const em = await ctx.em();
          const rows = await queryRows(
            em,
            PractitionerRow,
            'SELECT * FROM practitioner_row WHERE id = ANY($1::uuid[])',
            [ids],
          );
          const byId = new Map(rows.map((row) => [row.id, toModel(row)]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }
}

function toModel(row: PractitionerRow): PractitionerModel {
  return {
    id: row.id,
    subject: row.subject,
    name: row.name,
    email: row.email,
    role: row.role,
    organisation: {
      id: row.organisation_id,
      code: row.organisation_code,
      name: row.organisation_name,
      kind: row.organisation_kind,
      nation: row.organisation_nation,
    },
  };
}
