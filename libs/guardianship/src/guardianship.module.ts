import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildrenModule } from '@haven/children';
import { GuardianAssignment, GuardianContact } from './guardian-assignment.entity';
import {
  ChildGuardianshipResolver,
  GuardianAssignmentResolver,
  GuardianCaseloadResolver,
} from './guardianship.resolver';
import { GuardianshipService } from './guardianship.service';

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
export class GuardianshipModule {}
