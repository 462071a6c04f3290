import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { GuardianAssignment, GuardianContact } from './guardian-assignment.entity';
import {
  ChildGuardianshipResolver,
  GuardianAssignmentResolver,
  GuardianCaseloadResolver,
} from './guardianship.resolver';
import { GuardianshipService } from './guardianship.service';
import { GUARDIANSHIP_RECORD_PART } from './guardianship.record-part';

export const GUARDIANSHIP_RESOLVERS = [
  GuardianAssignmentResolver,
  ChildGuardianshipResolver,
  GuardianCaseloadResolver,
];

/** Independent guardians: assignments under each nation's scheme, caseloads and contacts. */
@Module({
  imports: [TypeOrmModule.forFeature([GuardianAssignment, GuardianContact]), ChildrenModule],
  providers: [GuardianshipService, ...GUARDIANSHIP_RESOLVERS],
  exports: [GuardianshipService],
})
export class GuardianshipModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(GUARDIANSHIP_RECORD_PART);
  }
}
