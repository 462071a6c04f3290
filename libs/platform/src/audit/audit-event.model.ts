import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PractitionerModel } from '../identity/practitioner.model';
import { Paginated } from '../graphql/pagination';
import { GraphQLDateTime } from '../graphql/scalars';
import { AuditAction } from './audit-entry';

@ObjectType('AuditEvent')
export class AuditEventModel {
  @Field(() => ID)
  id!: string;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field(() => GraphQLDateTime)
  at!: Date;

  @Field({ description: 'The type of record, e.g. Child or NrmReferral' })
  entity!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => PractitionerModel, { nullable: true })
  practitioner!: PractitionerModel | null;

  @Field({ description: 'The request the access belonged to' })
  requestId!: string;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection extends Paginated(AuditEventModel, 'AuditEvent') {}
