import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from 'typeorm';
import { ChildEdge, ChildrenService } from '@haven/children';
import {
  APP_CONFIG,
  AppConfig,
  AuditAction,
  childScope,
  Clock,
  conflict,
  conflictsByConstraint,
  DomainEvents,
  execute,
  IdRow,
  invalidField,
  isUuid,
  londonDate,
  notFound,
  parseRow,
  perChild,
  practitionerJson,
  PractitionersService,
  queryMaybeRow,
  queryRow,
  queryRows,
  RequestContext,
} from '@haven/platform';
import { z } from 'zod';
import { AssignGuardianInput } from './dto/assign-guardian.input';
import { EndGuardianAssignmentInput } from './dto/end-guardian-assignment.input';
import { RecordGuardianContactInput } from './dto/record-guardian-contact.input';
import { GuardianAssignment } from './guardian-assignment.entity';
import { ContactMode, GuardianEndReason, GuardianScheme } from './guardianship.enums';
import { GuardianAssignmentModel, GuardianContactModel } from './guardian-assignment.model';
import { SchemeEligibilityModel } from './scheme-eligibility.model';
import {
  assignmentRefusal,
  ChildFacts,
  ChildFactsRow,
  GuardianshipSettings,
  schemeEligibility,
  schemesServing,
  toFacts,
} from './scheme-rules';
import { guardianSchemeSql } from './scheme-rules.sql';

const OrganisationIdRow = z.object({ organisation_id: z.string() });
const AssignmentStartRow = z.object({ id: z.string(), start_date: z.string() });
const FactsWithIdRow = ChildFactsRow.extend({ id: z.string() });
const CaseloadRow = z.object({ guardian_id: z.string(), n: z.number() });

const ASSIGNMENT = 'GuardianAssignment';
const CONTACT = 'GuardianContact';
const OVERLAP = 'guardian_assignment_no_overlap';

/** What the scheme rules read of a child row `c` (scheme-rules.ts). */
const FACTS_COLUMNS = `o.nation, c.categories, c.parental_responsibility_in_uk, c.effective_date_of_birth, c.age_disputed,
  EXISTS (SELECT 1 FROM nrm_referral r WHERE r.child_id = c.id) AS referred`;

@Injectable()
export class GuardianshipService {
  private readonly settings: GuardianshipSettings;

  constructor(
    private readonly children: ChildrenService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = config.guardianship;
  }

  /**
   * Assigns a guardian under the scheme of the child's nation. The scheme's eligibility and age
   * limit are checked here; "one active assignment per child per scheme role" is held by an
   * exclusion constraint, so concurrent requests cannot both succeed.
   */
  async assign(ctx: RequestContext, input: AssignGuardianInput): Promise<GuardianAssignmentModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    const guardian = await queryMaybeRow(
      em,
      OrganisationIdRow,
      `SELECT organisation_id FROM practitioner WHERE id = $1 AND role = 'GUARDIAN'`,
      [input.guardianId],
    );
    if (!guardian) throw invalidField('guardianId', 'No guardian has that id');

    const facts = await queryRow(
      em,
      ChildFactsRow,
      `SELECT ${FACTS_COLUMNS} FROM child c JOIN organisation o ON o.id = c.local_authority_id WHERE c.id = $1`,
      [child.id],
    );
    const refusal = assignmentRefusal(input.scheme, toFacts(facts), input.startDate, this.settings);
    if (refusal) throw conflict(refusal);

    const id = await this.insertAssignment(
      em,
      {
        childId: child.id,
        localAuthorityId: child.localAuthorityId,
        guardianId: input.guardianId,
        providerId: guardian.organisation_id,
        scheme: input.scheme,
        startDate: input.startDate,
      },
      ctx.actor.practitionerId,
    );
    const assignment = await this.load(ctx, id);
    ctx.audit(AuditAction.CREATE, ASSIGNMENT, assignment);
    await this.events.publish(ctx, {
      type: 'GuardianAssigned',
      childId: child.id,
      localAuthorityId: child.localAuthorityId,
    });
    return assignment;
  }

  async end(ctx: RequestContext, input: EndGuardianAssignmentInput): Promise<GuardianAssignmentModel> {
    const em = await ctx.em();
    const assignment = await this.lockVisible(ctx, em, input.assignmentId);
    if (assignment.endDate) throw conflict(`The assignment already ended on ${assignment.endDate}`);
    if (input.endDate < assignment.startDate) {
      throw invalidField(
        'endDate',
        `endDate cannot be before the assignment started (${assignment.startDate})`,
      );
    }
    await execute(
      em,
      `UPDATE guardian_assignment SET end_date = $2, end_reason = $3, ended_by = $4 WHERE id = $1`,
      [assignment.id, input.endDate, input.reason, ctx.actor.practitionerId],
    );
    const ended = await this.load(ctx, assignment.id);
    ctx.audit(AuditAction.UPDATE, ASSIGNMENT, ended, { endDate: input.endDate, reason: input.reason });
    return ended;
  }

  /** A guardian logs a contact with a child actively assigned to them. */
  async recordContact(ctx: RequestContext, input: RecordGuardianContactInput): Promise<GuardianContactModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const em = await ctx.em();
    const assignment = await queryMaybeRow(
      em,
      AssignmentStartRow,
      `SELECT id, start_date FROM active_guardian_assignment WHERE child_id = $1 AND guardian_id = $2
        ORDER BY start_date DESC LIMIT 1`,
      [child.id, ctx.actor.practitionerId],
    );
    if (!assignment) throw notFound('Child');
    if (londonDate(input.contactedAt) < assignment.start_date) {
      throw invalidField(
        'contactedAt',
        `contactedAt cannot be before the assignment started (${assignment.start_date})`,
      );
    }
    const { id } = await queryRow(
      em,
      IdRow,
      `INSERT INTO guardian_contact (child_id, local_authority_id, assignment_id, guardian_id, contacted_at, mode, summary)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        child.id,
        child.localAuthorityId,
        assignment.id,
        ctx.actor.practitionerId,
        input.contactedAt,
        input.mode,
        input.summary ?? null,
      ],
    );
    const contact = (await this.contacts(ctx, { id }))[0];
    ctx.audit(AuditAction.CREATE, CONTACT, contact);
    return contact;
  }

  /** A child's assignments, newest first; batched per request and audited as read. */
  assignmentsOf(ctx: RequestContext, childId: string): Promise<GuardianAssignmentModel[]> {
    return this.byChild(ctx).load(childId);
  }

  /**
   * The active assignment that makes the child's guardian (not another scheme's advocate), newest
   * first, if any; batched per request, and only it audited as read.
   */
  activeGuardianOf(ctx: RequestContext, childId: string): Promise<ActiveGuardian | null> {
    return this.activeGuardianByChild(ctx).load(childId);
  }

  /** The active guardian alone (the assignment and the practitioner), read with the child itself. */
  activeGuardianEdge(practitioners: PractitionersService): ChildEdge {
    return {
      fields: ['activeGuardian'],
      select: () =>
        `SELECT to_jsonb(x) || jsonb_build_object('guardian', ${practitionerJson('x.guardian_id')})
           FROM (SELECT ${ACTIVE_GUARDIAN_COLUMNS} FROM ${ACTIVE_GUARDIANS} AND ga.child_id = c.id
                  ORDER BY ga.start_date DESC, ga.created_at DESC LIMIT 1) x`,
      prime: (ctx, childId, value) => {
        const row = value === null ? null : parseRow(ActiveGuardianEdgeRow, value, 'the activeGuardian edge');
        const active = row ? toActiveGuardian(row) : null;
        if (active) ctx.audit(AuditAction.READ, ASSIGNMENT, active);
        this.activeGuardianByChild(ctx).prime(childId, active);
        if (row?.guardian) practitioners.prime(ctx, row.guardian);
      },
    };
  }

  /** The assignments, read with the child itself (they are in its scope). */
  childEdge(practitioners: PractitionersService): ChildEdge {
    return {
      fields: ['guardianAssignments'],
      select: () =>
        `SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.start_date DESC, x.created_at DESC), '[]'::jsonb)
           FROM (SELECT ${ASSIGNMENT_COLUMNS},
                        CASE WHEN ga.end_date IS NULL THEN ${practitionerJson('ga.guardian_id')} END AS guardian
                   FROM guardian_assignment ga WHERE ga.child_id = c.id) x`,
      prime: (ctx, childId, value) => {
        // the same columns as JSON (no timestamp among those read); the guardian is parsed by `prime`
        const rows = parseRow(AssignmentEdgeRows, value, 'the guardianAssignments edge');
        const models = rows.map((row) => this.toModel(row));
        ctx.auditMany(AuditAction.READ, ASSIGNMENT, models);
        this.byChild(ctx).prime(childId, models);
        for (const row of rows) if (row.guardian) practitioners.prime(ctx, row.guardian);
      },
    };
  }

  /**
   * Each scheme that serves the child's nation (and another advocate's), whether the child is
   * eligible today and why, in the words a practitioner choosing a guardian needs.
   */
  async eligibilityOf(ctx: RequestContext, childId: string): Promise<SchemeEligibilityModel[]> {
    const facts = await this.factsLoader(ctx).load(childId);
    if (!facts) return [];
    const today = this.clock.today();
    return schemesServing(facts.nation).map((scheme) =>
      schemeEligibility(scheme, facts, today, this.settings),
    );
  }

  /** The facts eligibility turns on, read with the child itself. */
  readonly eligibilityEdge: ChildEdge = {
    fields: ['guardianshipEligibility'],
    select: () =>
      `SELECT to_jsonb(x) FROM (SELECT ${FACTS_COLUMNS} FROM organisation o WHERE o.id = c.local_authority_id) x`,
    prime: (ctx, childId, value) =>
      this.factsLoader(ctx).prime(
        childId,
        toFacts(parseRow(ChildFactsRow, value, 'the guardianshipEligibility edge')),
      ),
  };

  private factsLoader(ctx: RequestContext): DataLoader<string, ChildFacts | null> {
    return ctx.loader(
      'guardianship.eligibilityFacts',
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const em = await ctx.em();
          const rows = await queryRows(
            em,
            FactsWithIdRow,
            `SELECT c.id, ${FACTS_COLUMNS} FROM child c JOIN organisation o ON o.id = c.local_authority_id
              WHERE c.id = ANY($1::uuid[]) AND ${childScope(ctx.actor)}`,
            [childIds],
          );
          const byId = new Map(rows.map((row) => [row.id, toFacts(row)]));
          return childIds.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  private byChild(ctx: RequestContext): DataLoader<string, GuardianAssignmentModel[]> {
    return ctx.loader(
      'guardianship.byChild',
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const models = await this.query(ctx, { childIds });
          ctx.auditMany(AuditAction.READ, ASSIGNMENT, models);
          return perChild(childIds, models);
        }),
    );
  }

  private activeGuardianByChild(ctx: RequestContext): DataLoader<string, ActiveGuardian | null> {
    return ctx.loader(
      'guardianship.activeGuardianByChild',
      () =>
        new DataLoader(async (childIds: readonly string[]) => {
          const em = await ctx.em();
          const rows = await queryRows(
            em,
            ActiveGuardianRow,
            `SELECT DISTINCT ON (ga.child_id) ${ACTIVE_GUARDIAN_COLUMNS} FROM ${ACTIVE_GUARDIANS}
                AND ga.child_id = ANY($1::uuid[]) AND ${assignmentScope(ctx)}
              ORDER BY ga.child_id, ga.start_date DESC, ga.created_at DESC`,
            [childIds],
          );
          const active = rows.map(toActiveGuardian);
          ctx.auditMany(AuditAction.READ, ASSIGNMENT, active);
          return perChild(childIds, active).map(([first]) => first ?? null);
        }),
    );
  }

  /** The contacts logged under an assignment, newest first. */
  contactsOf(ctx: RequestContext, assignmentId: string): Promise<GuardianContactModel[]> {
    return ctx
      .loader(
        'guardianship.contactsByAssignment',
        () =>
          new DataLoader(async (ids: readonly string[]) => {
            const models = await this.contacts(ctx, { assignmentIds: ids });
            ctx.auditMany(AuditAction.READ, CONTACT, models);
            const byAssignment = new Map<string, GuardianContactModel[]>();
            for (const model of models)
              byAssignment.set(model.assignmentId, [...(byAssignment.get(model.assignmentId) ?? []), model]);
            return ids.map((id) => byAssignment.get(id) ?? []);
          }),
      )
      .load(assignmentId);
  }

  /** Active assignments per guardian, batched per request. */
  caseloadOf(ctx: RequestContext, guardianId: string): Promise<number> {
    return ctx
      .loader(
        'guardianship.caseload',
        () =>
          new DataLoader(async (ids: readonly string[]) => {
            const em = await ctx.em();
            const rows = await queryRows(
              em,
              CaseloadRow,
              `SELECT guardian_id, count(*)::int AS n FROM active_guardian_assignment
            WHERE guardian_id = ANY($1::uuid[]) GROUP BY guardian_id`,
              [ids],
            );
            const counts = new Map(rows.map((row) => [row.guardian_id, row.n]));
            return ids.map((id) => counts.get(id) ?? 0);
          }),
      )
      .load(guardianId);
  }

  get caseloadCeiling(): number {
    return this.settings.caseloadCeiling;
  }

  private async insertAssignment(
    em: EntityManager,
    values: Omit<GuardianAssignment, 'id' | 'endDate' | 'endReason' | 'createdAt'>,
    createdBy: string,
  ): Promise<string> {
    const { id } = await conflictsByConstraint(
      { [OVERLAP]: 'The child already has an active guardian assignment in this role: end it first' },
      () =>
        queryRow(
          em,
          IdRow,
          `INSERT INTO guardian_assignment (child_id, local_authority_id, guardian_id, provider_id, scheme, start_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            values.childId,
            values.localAuthorityId,
            values.guardianId,
            values.providerId,
            values.scheme,
            values.startDate,
            createdBy,
          ],
        ),
    );
    return id;
  }

  private async lockVisible(ctx: RequestContext, em: EntityManager, id: string): Promise<GuardianAssignment> {
    if (!isUuid(id)) throw notFound(ASSIGNMENT);
    const assignment = await em
      .getRepository(GuardianAssignment)
      .createQueryBuilder('ga')
      .where('ga.id = :id', { id })
      .andWhere(assignmentScope(ctx))
      .setLock('pessimistic_write')
      .getOne();
    if (!assignment) throw notFound(ASSIGNMENT);
    return assignment;
  }

  private async load(ctx: RequestContext, id: string): Promise<GuardianAssignmentModel> {
    const [model] = await this.query(ctx, { id });
    if (!model) throw notFound(ASSIGNMENT);
    return model;
  }

  private async query(ctx: RequestContext, lookup: AssignmentLookup): Promise<GuardianAssignmentModel[]> {
    const em = await ctx.em();
    const rows = await queryRows(
      em,
      AssignmentRow,
      `SELECT ${ASSIGNMENT_COLUMNS} FROM guardian_assignment ga
        WHERE ${'id' in lookup ? 'ga.id = $1' : 'ga.child_id = ANY($1::uuid[])'} AND ${assignmentScope(ctx)}
        ORDER BY ga.start_date DESC, ga.created_at DESC`,
      ['id' in lookup ? lookup.id : lookup.childIds],
    );
    return rows.map((row) => this.toModel(row));
  }

  private async contacts(ctx: RequestContext, lookup: ContactLookup): Promise<GuardianContactModel[]> {
    const em = await ctx.em();
    const scope = childScope(ctx.actor, {
      childId: 'gc.child_id',
      localAuthorityId: 'gc.local_authority_id',
    });
    const rows = await queryRows(
      em,
      ContactRow,
      `SELECT gc.id, gc.child_id, gc.local_authority_id, gc.assignment_id, gc.guardian_id, gc.contacted_at, gc.mode, gc.summary
         FROM guardian_contact gc
        WHERE ${'id' in lookup ? 'gc.id = $1' : 'gc.assignment_id = ANY($1::uuid[])'} AND ${scope}
        ORDER BY gc.contacted_at DESC, gc.recorded_at DESC`,
      ['id' in lookup ? lookup.id : lookup.assignmentIds],
    );
    return rows.map((row) => ({
      id: row.id,
      childId: row.child_id,
      localAuthorityId: row.local_authority_id,
      assignmentId: row.assignment_id,
      guardianId: row.guardian_id,
      contactedAt: row.contacted_at,
      mode: row.mode,
      summary: row.summary,
    }));
  }

  private toModel(row: AssignmentRow): GuardianAssignmentModel {
    const active = row.end_date === null;
    const warnings =
      active && row.caseload > this.settings.caseloadCeiling
        ? [
            `The guardian's caseload (${row.caseload}) is above the ceiling of ${this.settings.caseloadCeiling}`,
          ]
        : [];
    return {
      id: row.id,
      childId: row.child_id,
      localAuthorityId: row.local_authority_id,
      guardianId: row.guardian_id,
      providerId: row.provider_id,
      scheme: row.scheme,
      startDate: row.start_date,
      endDate: row.end_date,
      endReason: row.end_reason,
      active,
      guardianCaseload: row.caseload,
      warnings,
    };
  }
}

const ASSIGNMENT_COLUMNS = `ga.id, ga.child_id, ga.local_authority_id, ga.guardian_id, ga.provider_id, ga.scheme,
  ga.start_date, ga.end_date, ga.end_reason, ga.created_at,
  (SELECT count(*)::int FROM active_guardian_assignment other WHERE other.guardian_id = ga.guardian_id) AS caseload`;

/** The active assignment that makes a child's guardian, and who the guardian is. */
export interface ActiveGuardian {
  id: string;
  childId: string;
  localAuthorityId: string;
  guardianId: string;
}

/** The active assignments that make a guardian, and the columns an ActiveGuardian needs. */
const ACTIVE_GUARDIANS = `active_guardian_assignment ga WHERE ${guardianSchemeSql('ga')}`;
const ACTIVE_GUARDIAN_COLUMNS = 'ga.id, ga.child_id, ga.local_authority_id, ga.guardian_id';

const ActiveGuardianRow = z.object({
  id: z.string(),
  child_id: z.string(),
  local_authority_id: z.string(),
  guardian_id: z.string(),
});
/** The activeGuardian edge: an ActiveGuardian with its practitioner (parsed by `prime`). */
const ActiveGuardianEdgeRow = ActiveGuardianRow.extend({ guardian: z.unknown() });

/** The caller's scope over assignments `ga`. */
function assignmentScope(ctx: RequestContext): string {
  return childScope(ctx.actor, { childId: 'ga.child_id', localAuthorityId: 'ga.local_authority_id' });
}

function toActiveGuardian(row: z.infer<typeof ActiveGuardianRow>): ActiveGuardian {
  return {
    id: row.id,
    childId: row.child_id,
    localAuthorityId: row.local_authority_id,
    guardianId: row.guardian_id,
  };
}

/** The lookups the service does: one assignment, or the assignments of a batch of children. */
type AssignmentLookup = { id: string } | { childIds: readonly string[] };
/** One contact, or the contacts of a batch of assignments. */
type ContactLookup = { id: string } | { assignmentIds: readonly string[] };

/** A row of ASSIGNMENT_COLUMNS. */
const AssignmentRow = z.object({
  id: z.string(),
  child_id: z.string(),
  local_authority_id: z.string(),
  guardian_id: z.string(),
  provider_id: z.string(),
  scheme: z.enum(GuardianScheme),
  start_date: z.string(),
  end_date: z.string().nullable(),
  end_reason: z.enum(GuardianEndReason).nullable(),
  caseload: z.number(),
});
type AssignmentRow = z.infer<typeof AssignmentRow>;
/** The assignments edge: the same columns as JSON, with the active guardian (parsed by `prime`). */
const AssignmentEdgeRows = z.array(AssignmentRow.extend({ guardian: z.unknown() }));

const ContactRow = z.object({
  id: z.string(),
  child_id: z.string(),
  local_authority_id: z.string(),
  assignment_id: z.string(),
  guardian_id: z.string(),
  contacted_at: z.date(),
  mode: z.enum(ContactMode),
  summary: z.string().nullable(),
});
