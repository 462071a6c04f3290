import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Agency, GraphQLDate, GraphQLDateTime, Paginated } from '@haven/platform';
import { AgendaReason, MeetingStatus, MeetingType } from './meeting.enums';

@ObjectType('MeetingAttendee')
export class MeetingAttendeeModel {
  @Field()
  name!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Null until the outcome is recorded' })
  attended!: boolean | null;
}

@ObjectType('MeetingChild')
export class MeetingChildModel {
  childId!: string;
  localAuthorityId!: string;

  @Field(() => AgendaReason, { description: 'Why the child is on the agenda' })
  addedBecause!: AgendaReason;

  @Field(() => Int, {
    nullable: true,
    description:
      "A missing review's: the child's episodes that began in its window (since agendaSince, up to heldAt; up to now while scheduled)",
  })
  episodeCount!: number | null;

  @Field({
    description: 'Why the child is on the agenda, in words: "Missing now", "2 episodes since 21 Oct 2026"',
  })
  reason!: string;

  @Field(() => String, { nullable: true })
  decision!: string | null;
}

@ObjectType('MeetingDecision')
export class MeetingDecisionModel {
  childId!: string;
  localAuthorityId!: string;

  @Field()
  decision!: string;
}

@ObjectType('MeetingAction')
export class MeetingActionModel {
  @Field(() => ID)
  id!: string;

  meetingId!: string;
  localAuthorityId!: string;
  childId!: string | null;

  @Field()
  description!: string;

  @Field()
  owner!: string;

  @Field(() => GraphQLDate)
  dueOn!: string;

  @Field(() => GraphQLDate, { nullable: true })
  completedOn!: string | null;
}

@ObjectType('Meeting')
export class MeetingModel {
  @Field(() => ID)
  id!: string;

  localAuthorityId!: string;
  /** Everything about every child; resolvers show the caller the parts they may see. */
  agenda!: MeetingChildModel[];
  allActions!: MeetingActionModel[];

  @Field(() => MeetingType)
  type!: MeetingType;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => GraphQLDateTime)
  scheduledFor!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  heldAt!: Date | null;

  @Field(() => String, { nullable: true })
  chair!: string | null;

  @Field(() => GraphQLDateTime, {
    nullable: true,
    description:
      'A missing review discusses the episodes since this instant: when the previous missing review was held (six weeks before when none was); live while scheduled',
  })
  agendaSince!: Date | null;

  @Field(() => String, { nullable: true })
  cancellationReason!: string | null;

  @Field(() => [MeetingAttendeeModel])
  attendees!: MeetingAttendeeModel[];

  @Field(() => [String], {
    description:
      'What looks wrong and was recorded anyway, e.g. a missing review recorded as held before one already held',
  })
  warnings!: string[];
}

@ObjectType('MeetingConnection')
export class MeetingConnection extends Paginated(MeetingModel, 'Meeting') {}
