import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RequestContext } from '../context/request-context';
import { queryRows } from '../database/typed-query';
import { OrganisationModel, OrganisationRow } from './practitioner.model';

/** Organisations by id, batched per request (a page of children shares a handful of authorities). */
@Injectable()
export class OrganisationsService {
  loader(ctx: RequestContext): DataLoader<string, OrganisationModel | null> {
    return ctx.loader(
      'organisation.byId',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const em = await ctx.em();
          const rows = await queryRows(
            em,
            OrganisationRow,
            'SELECT id, code, name, kind, nation FROM organisation WHERE id = ANY($1::uuid[])',
            [ids],
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }
}
