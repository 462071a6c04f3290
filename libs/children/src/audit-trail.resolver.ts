import { Args, Query, Resolver } from '@nestjs/graphql';
import {
  Allow,
  AuditAction,
  AuditEventConnection,
  AuditEventModel,
  AuditTrailService,
  ChildIdArgs,
  Connection,
  Ctx,
  PageArgs,
  Permission,
  RequestContext,
} from '@haven/platform';
import { ChildrenService } from './children.service';

@Resolver(() => AuditEventModel)
export class AuditTrailResolver {
  constructor(
    private readonly children: ChildrenService,
    private readonly trail: AuditTrailService,
  ) {}

  @Query(() => AuditEventConnection, { description: "Who read or changed a child's records, newest first" })
  @Allow(Permission.READ_AUDIT_TRAIL)
  async auditTrail(
    @Ctx() ctx: RequestContext,
    @Args() { childId }: ChildIdArgs,
    @Args() page: PageArgs,
  ): Promise<Connection<AuditEventModel>> {
    const child = await this.children.findVisible(ctx, childId);
    const connection = await this.trail.forChild(ctx, child.id, page);
    ctx.audit(AuditAction.READ, 'AuditTrail', child);
    return connection;
  }
}
