import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrailResolver } from './audit-trail.resolver';
import { CaseClosureChecks } from './case-closure';
import { ChildEdges } from './child-edges';
import { ChildRecordExportResolver, ChildRecordExportService } from './export/child-record-export';
import { ChildRecordParts } from './export/child-record-part';
import { Child } from './child.entity';
import { ChildrenResolver } from './children.resolver';
import { ChildrenService } from './children.service';
import { NrmDecisionRecord, NrmReferral } from './nrm/nrm-referral.entity';
import { NrmResolver } from './nrm/nrm.resolver';
import { NrmService } from './nrm/nrm.service';

export const CHILDREN_RESOLVERS = [
  ChildrenResolver,
  NrmResolver,
  AuditTrailResolver,
  ChildRecordExportResolver,
];

/** The child record, its NRM referrals and its audit trail. */
@Module({
  imports: [TypeOrmModule.forFeature([Child, NrmReferral, NrmDecisionRecord])],
  providers: [
    ChildrenService,
    ChildEdges,
    CaseClosureChecks,
    NrmService,
    ChildRecordExportService,
    ChildRecordParts,
    ...CHILDREN_RESOLVERS,
  ],
  exports: [ChildrenService, ChildEdges, CaseClosureChecks, ChildRecordParts],
})
export class ChildrenModule {}
