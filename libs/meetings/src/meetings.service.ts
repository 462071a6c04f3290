import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import {
  Agency,
  AuditAction,
  badInput,
  childScope,
  Clock,
  conflict,
  Connection,
  DomainEvents,
  execute,
  FieldProblem,
  IdRow,
  isUuid,
  Keyset,
  notFound,
  queryMaybeRow,
  queryRow,
  queryRows,
  RequestContext,
  Role,
  toConnection,
} from '@haven/platform';
import { z } from 'zod';
import {
  CancelMeetingInput,
  CompleteMeetingActionInput,
  MeetingFilter,
  MeetingsArgs,
  RecordMeetingOutcomeInput,
  ScheduleMeetingInput,
} from './dto/meeting.inputs';
import { AgendaReason, MeetingStatus, MeetingType } from './meeting.enums';
import { MeetingActionModel, MeetingChildModel, MeetingModel } from './meeting.model';
import {
  agendaReasonText,
  agendaRows,
  LIVE_AGENDA,
  liveSince,
  londonDay,
  onAgenda,
} from './missing-review-agenda';

const ChildIdRow = z.object({ child_id: z.string() });
const TotalRow = z.object({ total: z.number() });

const ENTITY = 'Meeting';
/** The meetings list is paged by when each is scheduled, latest first. */
const MEETINGS = new Keyset('meetings', ['instant', 'uuid']);
/** Serialises the outcomes of one authority's missing reviews, so that each finds the one held before it. */
const MISSING_REVIEW_LOCK = 7_240_114;
const NO_CHILD_DATA = 'An LSCB subgroup meeting holds no child-level data';
const NOT_ON_AGENDA = 'The child is not on the agenda';

const MeetingRow = z.object({
  id: z.string(),
  local_authority_id: z.string(),
  type: z.enum(MeetingType),
  status: z.enum(MeetingStatus),
  scheduled_for: z.date(),
  held_at: z.date().nullable(),
  chair: z.string().nullable(),
  agenda_since: z.date().nullable(),
  cancellation_reason: z.string().nullable(),
  overlapped_by: z.date().nullable(),
});

/** Where a missing review's window starts (haven_missing_review_since). */
const SinceRow = z.object({ since: z.date() });

/** A meeting the caller may see, and which of its children they may see (a guardian: their own). */
export interface VisibleMeeting extends MeetingModel {
  visibleChildIds: Set<string>;
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Schedules a meeting. A MISSING_REVIEW's agenda is live until it is held (see missing-review-agenda.ts):
   * only the children named now are stored; `agenda_since` records where its window started when scheduled.
   */
  async schedule(ctx: RequestContext, input: ScheduleMeetingInput): Promise<VisibleMeeting> {
    const authorityId = ctx.actor.localAuthorityId!;
    const named = input.childIds ?? [];
    if (input.type === MeetingType.LSCB_SUBGROUP && named.length > 0)
      throw badInput([{ field: 'childIds', message: NO_CHILD_DATA }]);
    const em = await ctx.em();
    if (named.length > 0) {
      const visible = await queryRows(
        em,
        IdRow,
        `SELECT c.id FROM child c WHERE c.id = ANY($1::uuid[]) AND ${childScope(ctx.actor)}`,
        [named],
      );
      if (visible.length !== named.length) throw notFound('Child');
    }
    let agendaSince: Date | null = null;
    if (input.type === MeetingType.MISSING_REVIEW) {
      const { since } = await queryRow(
        em,
        SinceRow,
        'SELECT haven_missing_review_since($1, NULL, $2) AS since',
        [authorityId, this.clock.now()],
      );
      agendaSince = since;
    }
    const { id } = await queryRow(
      em,
      IdRow,
      `INSERT INTO meeting (local_authority_id, type, scheduled_for, chair, agenda_since, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        authorityId,
        input.type,
        input.scheduledFor,
        input.chair ?? null,
        agendaSince,
        ctx.actor.practitionerId,
      ],
    );
    await execute(
      em,
      `INSERT INTO meeting_child (meeting_id, child_id, local_authority_id, added_because)
       SELECT $1, c.id, c.local_authority_id, 'NAMED' FROM child c WHERE c.id = ANY($2::uuid[])`,
      [id, named],
    );
    for (const attendee of input.attendees ?? []) {
      await execute(
        em,
        `INSERT INTO meeting_attendee (meeting_id, name, agency, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (meeting_id, name) DO UPDATE SET agency = excluded.agency, role = excluded.role`,
        [id, attendee.name, attendee.agency, attendee.role ?? null],
      );
    }
    return this.written(ctx, id, AuditAction.CREATE);
  }

  /**
   * Records that a meeting was held. A missing review's agenda is fixed as of `heldAt`: every child with an
   * episode since the missing review held before it (six weeks before when none was), every child missing
   * at `heldAt`, and those named. An episode that began after `heldAt` is left to the next review, whose
   * window starts at this `heldAt`. A review recorded as held before one already recorded is accepted (it
   * happened): its window ends at its own `heldAt`, and the later review's stored agenda stays as discussed.
   */
  async recordOutcome(ctx: RequestContext, input: RecordMeetingOutcomeInput): Promise<VisibleMeeting> {
    const em = await ctx.em();
    const meeting = await this.lockHosted(ctx, em, input.meetingId);
    if (meeting.status !== MeetingStatus.SCHEDULED)
      throw conflict(`The meeting is already ${meeting.status.toLowerCase()}`);
    const named = await queryRows(
      em,
      ChildIdRow,
      `SELECT child_id FROM meeting_child WHERE meeting_id = $1 AND added_because = 'NAMED'`,
      [meeting.id],
    );
    let since: Date | null = meeting.agendaSince;
    let fixed: FixedAgendaRow[] = [];
    if (meeting.type === MeetingType.MISSING_REVIEW) {
      await execute(em, 'SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        MISSING_REVIEW_LOCK,
        meeting.localAuthorityId,
      ]);
      ({ since } = await queryRow(em, SinceRow, 'SELECT haven_missing_review_since($1, $2, $3) AS since', [
        meeting.localAuthorityId,
        meeting.id,
        input.heldAt,
      ]));
      fixed = await queryRows(
        em,
        FixedAgendaRow,
        'SELECT child_id, local_authority_id, added_because, episode_count FROM haven_missing_review_agenda($1, $2, $3)',
        [meeting.localAuthorityId, since, input.heldAt],
      );
    }
    const onAgenda = new Set([...named, ...fixed].map((row) => row.child_id));
    const problems: FieldProblem[] = [];
    const subgroup = meeting.type === MeetingType.LSCB_SUBGROUP;
    (input.decisions ?? []).forEach((decision, index) => {
      if (subgroup) problems.push({ field: `decisions.${index}.childId`, message: NO_CHILD_DATA });
      else if (!onAgenda.has(decision.childId))
        problems.push({ field: `decisions.${index}.childId`, message: NOT_ON_AGENDA });
    });
    (input.actions ?? []).forEach((action, index) => {
      if (!action.childId) return;
      if (subgroup) problems.push({ field: `actions.${index}.childId`, message: NO_CHILD_DATA });
      else if (!onAgenda.has(action.childId))
        problems.push({ field: `actions.${index}.childId`, message: NOT_ON_AGENDA });
    });
    if (problems.length > 0) throw badInput(problems);

    if (fixed.length > 0) {
      await execute(
        em,
        `INSERT INTO meeting_child (meeting_id, child_id, local_authority_id, added_because, episode_count)
         SELECT $1, a.child_id, a.local_authority_id, a.added_because, a.episode_count
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[]) AS a(child_id, local_authority_id, added_because, episode_count)
         ON CONFLICT (meeting_id, child_id)
         DO UPDATE SET added_because = excluded.added_because, episode_count = excluded.episode_count`,
        [
          meeting.id,
          fixed.map((row) => row.child_id),
          fixed.map((row) => row.local_authority_id),
          fixed.map((row) => row.added_because),
          fixed.map((row) => row.episode_count),
        ],
      );
    }
    for (const attendee of input.attendance ?? []) {
      await execute(
        em,
        `INSERT INTO meeting_attendee (meeting_id, name, agency, role, attended) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (meeting_id, name) DO UPDATE SET agency = excluded.agency, role = coalesce(excluded.role, meeting_attendee.role),
                attended = excluded.attended`,
        [meeting.id, attendee.name, attendee.agency, attendee.role ?? null, attendee.attended],
      );
    }
    for (const decision of input.decisions ?? []) {
      await execute(em, 'UPDATE meeting_child SET decision = $3 WHERE meeting_id = $1 AND child_id = $2', [
        meeting.id,
        decision.childId,
        decision.decision,
      ]);
    }
    for (const action of input.actions ?? []) {
      await execute(
        em,
        `INSERT INTO meeting_action (meeting_id, local_authority_id, child_id, description, owner, due_on)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          meeting.id,
          meeting.localAuthorityId,
          action.childId ?? null,
          action.description,
          action.owner,
          action.dueOn,
        ],
      );
    }
    await execute(em, `UPDATE meeting SET status = 'HELD', held_at = $2, agenda_since = $3 WHERE id = $1`, [
      meeting.id,
      input.heldAt,
      since,
    ]);
    return this.written(ctx, meeting.id, AuditAction.UPDATE);
  }

  async cancel(ctx: RequestContext, input: CancelMeetingInput): Promise<VisibleMeeting> {
    const em = await ctx.em();
    const meeting = await this.lockHosted(ctx, em, input.meetingId);
    if (meeting.status !== MeetingStatus.SCHEDULED)
      throw conflict(`The meeting is already ${meeting.status.toLowerCase()}`);
    await execute(
      em,
      `UPDATE meeting SET status = 'CANCELLED', cancelled_at = now(), cancellation_reason = $2 WHERE id = $1`,
      [meeting.id, input.reason],
    );
    return this.written(ctx, meeting.id, AuditAction.UPDATE);
  }

  async completeAction(ctx: RequestContext, input: CompleteMeetingActionInput): Promise<MeetingActionModel> {
    if (!isUuid(input.actionId)) throw notFound('MeetingAction');
    const em = await ctx.em();
    const action = await queryMaybeRow(
      em,
      ActionRow,
      `SELECT a.* FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id
        WHERE a.id = $1 AND ${this.hostScope(ctx)} FOR UPDATE OF a`,
      [input.actionId],
    );
    if (!action) throw notFound('MeetingAction');
    if (action.completed_on) throw conflict(`The action was already completed on ${action.completed_on}`);
    await execute(em, 'UPDATE meeting_action SET completed_on = $2 WHERE id = $1', [
      action.id,
      input.completedOn,
    ]);
    await this.events.publish(ctx, {
      type: 'MeetingActionCompleted',
      childId: action.child_id ?? '',
      localAuthorityId: action.local_authority_id,
    });
    return toAction({ ...action, completed_on: input.completedOn });
  }

  /** One meeting the caller may see; NOT_FOUND otherwise. Audited as a read of each child it discusses. */
  async get(ctx: RequestContext, id: string): Promise<VisibleMeeting> {
    if (!isUuid(id)) throw notFound(ENTITY);
    const [meeting] = await this.load(ctx, { id });
    if (!meeting) throw notFound(ENTITY);
    this.auditChildren(ctx, meeting, AuditAction.READ);
    return meeting;
  }

  async list(ctx: RequestContext, args: MeetingsArgs): Promise<Connection<VisibleMeeting>> {
    const first = args.first ?? 50;
    const cursor = MEETINGS.decode(args.after);
    const filter = args.filter ?? {};
    const now = this.clock.now();
    const counted: unknown[] = [];
    let countAsOf: string | undefined;
    // every parameter must appear in the statement: the instant of live agendas only where one is read
    const asOf = () => (countAsOf ??= `$${counted.push(now)}::timestamptz`);
    const where = filterConditions(filter, (value) => `$${counted.push(value)}`, asOf);
    const scope = this.visibleScope(ctx, asOf);
    const em = await ctx.em();
    const { total } = await queryRow(
      em,
      TotalRow,
      `SELECT count(*)::int AS total FROM meeting m WHERE ${[scope, ...where].join(' AND ')}`,
      counted,
    );
    const meetings = await this.load(ctx, { filter, after: cursor, limit: first + 1 });
    for (const meeting of meetings.slice(0, first)) this.auditChildren(ctx, meeting, AuditAction.READ);
    return toConnection(
      meetings,
      first,
      total,
      MEETINGS,
      (meeting) => [meeting.scheduledFor.toISOString(), meeting.id],
      (meeting) => meeting,
    );
  }

  /** The meetings that discuss a child, newest first; batched per request. */
  forChild(ctx: RequestContext, childId: string): Promise<VisibleMeeting[]> {
    return ctx
      .loader(
        'meetings.byChild',
        () =>
          new DataLoader(async (childIds: readonly string[]) => {
            const meetings = await this.load(ctx, { childIds });
            for (const meeting of meetings) this.auditChildren(ctx, meeting, AuditAction.READ);
            return childIds.map((id) =>
              meetings.filter((meeting) => meeting.agenda.some((child) => child.childId === id)),
            );
          }),
      )
      .load(childId);
  }

  /** Audits the export of a meeting's minutes, once per child it discusses. */
  auditExport(ctx: RequestContext, meeting: VisibleMeeting): void {
    this.auditChildren(ctx, meeting, AuditAction.EXPORT);
  }

  private async written(ctx: RequestContext, id: string, action: AuditAction): Promise<VisibleMeeting> {
    const [meeting] = await this.load(ctx, { id });
    this.auditChildren(ctx, meeting, action);
    return meeting;
  }

  private auditChildren(ctx: RequestContext, meeting: VisibleMeeting, action: AuditAction): void {
    for (const child of meeting.agenda) {
      if (meeting.visibleChildIds.has(child.childId)) {
        ctx.audit(action, ENTITY, {
          id: meeting.id,
          childId: child.childId,
          localAuthorityId: child.localAuthorityId,
        });
      }
    }
  }

  /**
   * Authority staff see their authority's meetings; a guardian, the meetings discussing their children
   * (for a scheduled missing review, on its live agenda as of `asOf`).
   */
  private visibleScope(ctx: RequestContext, asOf: () => string): string {
    if (ctx.actor.role !== Role.GUARDIAN) return this.hostScope(ctx);
    const scope = childScope(ctx.actor, { childId: 'v.child_id', localAuthorityId: 'v.local_authority_id' });
    return onAgenda(scope, asOf());
  }

  private hostScope(ctx: RequestContext): string {
    return childScope(ctx.actor, { childId: 'NULL::uuid', localAuthorityId: 'm.local_authority_id' });
  }

  private async lockHosted(ctx: RequestContext, em: EntityManager, id: string): Promise<VisibleMeeting> {
    if (!isUuid(id)) throw notFound(ENTITY);
    const row = await queryMaybeRow(
      em,
      IdRow,
      `SELECT m.id FROM meeting m WHERE m.id = $1 AND ${this.hostScope(ctx)} FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound(ENTITY);
    return (await this.load(ctx, { id }))[0];
  }

  /** The meetings of `lookup` the caller may see, newest first. */
  private async load(ctx: RequestContext, lookup: MeetingLookup): Promise<VisibleMeeting[]> {
    const em = await ctx.em();
    const now = this.clock.now();
    // the instant of live agendas is the first parameter, the lookup's follow
    const params: unknown[] = [now];
    const asOf = '$1::timestamptz';
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = lookupConditions(lookup, param, asOf);
    const limit = 'limit' in lookup ? lookup.limit : undefined;
    const rows = await queryRows(
      em,
      MeetingRow,
      `SELECT m.id, m.local_authority_id, m.type, m.status, m.scheduled_for, m.held_at, m.chair,
              CASE WHEN ${LIVE_AGENDA} THEN ${liveSince(asOf)} ELSE m.agenda_since END AS agenda_since,
              m.cancellation_reason,
              -- a review recorded as held before one already held, whose window reached back over it
              (SELECT min(l.held_at) FROM meeting l
                WHERE m.type = 'MISSING_REVIEW' AND m.status = 'HELD' AND l.local_authority_id = m.local_authority_id
                  AND l.type = 'MISSING_REVIEW' AND l.status = 'HELD' AND l.held_at > m.held_at
                  AND l.agenda_since < m.held_at) AS overlapped_by
         FROM meeting m WHERE ${[...where, this.visibleScope(ctx, () => asOf)].join(' AND ')}
        ORDER BY m.scheduled_for DESC, m.id DESC ${limit ? `LIMIT ${Number(limit)}` : ''}`,
      params,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const childScopeSql = childScope(ctx.actor, {
      childId: 'a.child_id',
      localAuthorityId: 'a.local_authority_id',
    });
    const [children, attendees, actions] = await Promise.all([
      queryRows(
        em,
        ChildRow,
        `SELECT a.*, (${childScopeSql}) AS visible
           FROM (${agendaRows('m.id = ANY($1::uuid[])', '$2::timestamptz')}) a
          ORDER BY a.added_because, a.child_id`,
        [ids, now],
      ),
      queryRows(
        em,
        AttendeeRow,
        'SELECT meeting_id, name, agency, role, attended FROM meeting_attendee WHERE meeting_id = ANY($1::uuid[]) ORDER BY name',
        [ids],
      ),
      queryRows(
        em,
        ActionRow,
        'SELECT * FROM meeting_action WHERE meeting_id = ANY($1::uuid[]) ORDER BY due_on, created_at',
        [ids],
      ),
    ]);
    return rows.map((row) => {
      const own = children.filter((child) => child.meeting_id === row.id);
      return {
        id: row.id,
        localAuthorityId: row.local_authority_id,
        type: row.type,
        status: row.status,
        scheduledFor: row.scheduled_for,
        heldAt: row.held_at,
        chair: row.chair,
        agendaSince: row.agenda_since,
        cancellationReason: row.cancellation_reason,
        warnings: row.overlapped_by
          ? [
              `Recorded as held before the missing review held on ${londonDay(row.overlapped_by)}, whose agenda already covered part of this period`,
            ]
          : [],
        attendees: attendees
          .filter((attendee) => attendee.meeting_id === row.id)
          .map((attendee) => ({
            name: attendee.name,
            agency: attendee.agency,
            role: attendee.role,
            attended: attendee.attended,
          })),
        agenda: own.map((child): MeetingChildModel => ({
          childId: child.child_id,
          localAuthorityId: child.local_authority_id,
          addedBecause: child.added_because,
          episodeCount: child.episode_count,
          reason: agendaReasonText(
            child.added_because,
            child.episode_count,
            row.agenda_since,
            row.status === MeetingStatus.HELD,
          ),
          decision: child.decision,
        })),
        allActions: actions.filter((action) => action.meeting_id === row.id).map(toAction),
        visibleChildIds: new Set(own.filter((child) => child.visible).map((child) => child.child_id)),
      };
    });
  }
}

const FixedAgendaRow = z.object({
  child_id: z.string(),
  local_authority_id: z.string(),
  added_because: z.enum(AgendaReason),
  episode_count: z.number(),
});
type FixedAgendaRow = z.infer<typeof FixedAgendaRow>;

/** A child on an agenda (agendaRows), and whether the caller may see it. */
const ChildRow = z.object({
  meeting_id: z.string(),
  child_id: z.string(),
  local_authority_id: z.string(),
  added_because: z.enum(AgendaReason),
  decision: z.string().nullable(),
  episode_count: z.number().nullable(),
  visible: z.boolean(),
});

const AttendeeRow = z.object({
  meeting_id: z.string(),
  name: z.string(),
  agency: z.enum(Agency),
  role: z.string().nullable(),
  attended: z.boolean().nullable(),
});

const ActionRow = z.object({
  id: z.string(),
  meeting_id: z.string(),
  local_authority_id: z.string(),
  child_id: z.string().nullable(),
  description: z.string(),
  owner: z.string(),
  due_on: z.string(),
  completed_on: z.string().nullable(),
});
type ActionRow = z.infer<typeof ActionRow>;

function toAction(row: ActionRow): MeetingActionModel {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    localAuthorityId: row.local_authority_id,
    childId: row.child_id,
    description: row.description,
    owner: row.owner,
    dueOn: row.due_on,
    completedOn: row.completed_on,
  };
}

/** The lookups of meetings the service does: one meeting, the meetings discussing some children, a page of a list. */
type MeetingLookup =
  | { id: string }
  | { childIds: readonly string[] }
  | { filter: MeetingFilter; after?: string[]; limit: number };

/** A list filter's conditions on meeting `m`; `param` numbers a value, `asOf` the instant of live agendas. */
function filterConditions(
  filter: MeetingFilter,
  param: (value: unknown) => string,
  asOf: () => string,
): string[] {
  const conditions: string[] = [];
  if (filter.type) conditions.push(`m.type = ${param(filter.type)}`);
  if (filter.status) conditions.push(`m.status = ${param(filter.status)}`);
  if (filter.childId) conditions.push(onAgenda(`v.child_id = ${param(filter.childId)}::uuid`, asOf()));
  return conditions;
}

/** The conditions on meeting `m` of a lookup; `asOf` is the instant of live agendas. */
function lookupConditions(lookup: MeetingLookup, param: (value: unknown) => string, asOf: string): string[] {
  if ('id' in lookup) return [`m.id = ${param(lookup.id)}`];
  if ('childIds' in lookup) return [onAgenda(`v.child_id = ANY(${param(lookup.childIds)}::uuid[])`, asOf)];
  const conditions = filterConditions(lookup.filter, param, () => asOf);
  if (lookup.after) {
    const [scheduledFor, id] = lookup.after;
    conditions.push(`(m.scheduled_for, m.id) < (${param(scheduledFor)}::timestamptz, ${param(id)}::uuid)`);
  }
  return conditions;
}
