import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChildrenModule } from '@haven/children';
import { Placement } from './placement.entity';
import { ChildPlacementsResolver, PlacementsResolver } from './placements.resolver';
import { PlacementsService } from './placements.service';

export const PLACEMENTS_RESOLVERS = [PlacementsResolver, ChildPlacementsResolver];

/** Where children live: placements that never overlap, unsafe types marked as such. */
@Module({
  imports: [TypeOrmModule.forFeature([Placement]), ChildrenModule],
  providers: [PlacementsService, ...PLACEMENTS_RESOLVERS],
  exports: [PlacementsService],
})
export class PlacementsModule {}
