import { Injectable } from '@nestjs/common';
import { Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  Allow,
  AuditAction,
  childAuditTrail,
  ChildIdArgs,
  Clock,
  Ctx,
  GraphQLDateTime,
  Permission,
  RequestContext,
} from '@haven/platform';
import { ChildModel } from '../child.model';
import { ChildrenService } from '../children.service';
import { ChildRecordParts, ChildRecordPartsError, inExportOrder } from './child-record-part';
import { OWN_RECORD_PART } from './own-record-part';

@ObjectType('ChildRecordExport')
export class ChildRecordExportModel {
  @Field(() => ChildModel)
  child!: ChildModel;

  @Field(() => GraphQLDateTime)
  exportedAt!: Date;

  @Field(() => [String], { description: 'The sections the document holds' })
  sections!: string[];

  @Field({ description: 'Everything held on the child, one JSON document keyed by section' })
  document!: string;
}

/** A subject access request: everything the service holds on one child, for a team manager, audited. */
@Injectable()
export class ChildRecordExportService {
  constructor(
    private readonly children: ChildrenService,
    private readonly parts: ChildRecordParts,
    private readonly clock: Clock,
  ) {}

  async export(ctx: RequestContext, childId: string): Promise<ChildRecordExportModel> {
    const visible = await this.children.findVisible(ctx, childId);
    const em = await ctx.em();
    const document: Record<string, unknown[]> = {};
    for (const part of [OWN_RECORD_PART, ...inExportOrder(this.parts.all())]) {
      for (const [section, rows] of Object.entries(await part.exportSections(em, visible.id))) {
        if (section in document)
          throw new ChildRecordPartsError(`Two child record parts export a section ${section}`);
        document[section] = rows;
      }
    }
    document.auditTrail = await childAuditTrail(em, visible.id);
    const sections = Object.keys(document);
    ctx.audit(AuditAction.EXPORT, 'ChildRecord', visible, { sections });
    return {
      child: await this.children.get(ctx, visible.id),
      exportedAt: this.clock.now(),
      sections,
      document: JSON.stringify(document),
    };
  }
}

@Resolver(() => ChildRecordExportModel)
export class ChildRecordExportResolver {
  constructor(private readonly exports: ChildRecordExportService) {}

  @Query(() => ChildRecordExportModel, {
    description: 'Everything held on one child (subject access); audited as EXPORT',
  })
  @Allow(Permission.EXPORT_CHILD_RECORD)
  exportChildRecord(
    @Ctx() ctx: RequestContext,
    @Args() { childId }: ChildIdArgs,
  ): Promise<ChildRecordExportModel> {
    return this.exports.export(ctx, childId);
  }
}
