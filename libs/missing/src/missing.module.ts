import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { PlacementsModule } from '@haven/placements';
import { MissingEpisode } from './missing-episode.entity';
import { ChildMissingResolver, MissingResolver, ReturnInterviewResolver } from './missing.resolver';
import { MissingService } from './missing.service';
import { MissingPersonProfileController } from './profile/missing-person-profile.controller';
import { MissingPersonProfileResolver } from './profile/missing-person-profile.resolver';
import { MissingPersonProfileService } from './profile/missing-person-profile.service';
import { MISSING_RECORD_PART } from './missing.record-part';

export const MISSING_RESOLVERS = [
  MissingResolver,
  ReturnInterviewResolver,
  ChildMissingResolver,
  MissingPersonProfileResolver,
];

/** Missing episodes, return interviews, and the missing-person profile handed to the police. */
@Module({
  imports: [TypeOrmModule.forFeature([MissingEpisode]), ChildrenModule, PlacementsModule],
  controllers: [MissingPersonProfileController],
  providers: [MissingService, MissingPersonProfileService, ...MISSING_RESOLVERS],
  exports: [MissingService],
})
export class MissingModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(MISSING_RECORD_PART);
  }
}
