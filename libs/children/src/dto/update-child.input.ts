import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { IsInt, IsUUID, Min } from 'class-validator';
import { RegisterChildInput } from './register-child.input';

/** Any registerChild field; an absent field is kept, a null one cleared (where it may be). */
@InputType()
export class UpdateChildInput extends PartialType(RegisterChildInput) {
  @Field(() => ID)
  @IsUUID('all')
  id!: string;

  @Field(() => Int, { description: 'The version read; a stale one gets CONFLICT and changes nothing' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
