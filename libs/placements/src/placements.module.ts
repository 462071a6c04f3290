import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildRecordParts, ChildrenModule } from '@haven/children';
import { Placement } from './placement.entity';
import { ChildPlacementsResolver, PlacementsResolver } from './placements.resolver';
import { PlacementsService } from './placements.service';
import { PLACEMENTS_RECORD_PART } from './placements.record-part';

export const PLACEMENTS_RESOLVERS = [PlacementsResolver, ChildPlacementsResolver];

/** Where children live: placements that never overlap, unsafe types marked as such. */
@Module({
  imports: [TypeOrmModule.forFeature([Placement]), ChildrenModule],
  providers: [PlacementsService, ...PLACEMENTS_RESOLVERS],
  exports: [PlacementsService],
})
export class PlacementsModule implements OnModuleInit {
  constructor(private readonly parts: ChildRecordParts) {}

  /** Adds the capability's part to the child record's export and purge. */
  onModuleInit(): void {
    this.parts.register(PLACEMENTS_RECORD_PART);
  }
}
