import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/**
 * The arguments of a query about one record. An id is a UUID: anything else is bad input (naming the
 * argument), never "not found", as in every mutation's input. It reveals nothing, since no record has
 * such an id.
 */
@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;
}

/** The arguments of a query about one child's records. */
@ArgsType()
export class ChildIdArgs {
  @Field(() => ID)
  @IsUUID('all')
  childId!: string;
}
