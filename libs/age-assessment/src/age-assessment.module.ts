import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildrenModule } from '@haven/children';
import { AgeAssessment } from './age-assessment.entity';
import { AgeAssessmentResolver } from './age-assessment.resolver';
import { AgeAssessmentService } from './age-assessment.service';

export const AGE_ASSESSMENT_RESOLVERS = [AgeAssessmentResolver];

/** Age disputes: benefit of the doubt while unresolved, lawful assessments, history kept. */
@Module({
  imports: [TypeOrmModule.forFeature([AgeAssessment]), ChildrenModule],
  providers: [AgeAssessmentService, ...AGE_ASSESSMENT_RESOLVERS],
  exports: [AgeAssessmentService],
})
export class AgeAssessmentModule {}
