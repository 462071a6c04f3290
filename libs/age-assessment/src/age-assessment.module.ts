import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { AgeAssessment } from './age-assessment.entity';
import { AgeAssessmentResolver } from './age-assessment.resolver';
import { AgeAssessmentService } from './age-assessment.service';
import { AGE_ASSESSMENT_RECORD_PART } from './age-assessment.record-part';

export const AGE_ASSESSMENT_RESOLVERS = [AgeAssessmentResolver];

/** Age disputes: benefit of the doubt while unresolved, lawful assessments, history kept. */
@Module({
  imports: [TypeOrmModule.forFeature([AgeAssessment]), ChildrenModule],
  providers: [AgeAssessmentService, ...AGE_ASSESSMENT_RESOLVERS],
  exports: [AgeAssessmentService],
})
export class AgeAssessmentModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(AGE_ASSESSMENT_RECORD_PART);
  }
}
