import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  addDays,
  APP_CONFIG,
  AppConfig,
  Clock,
  daysBetween,
  forbidden,
  invalidField,
  execute,
  londonDate,
  OrganisationModel,
  OrganisationRow,
  queryMaybeRow,
  queryRow,
  queryRows,
  RequestContext,
  Role,
  startOfLondonDay,
} from '@haven/platform';
import { z } from 'zod';
import { BREAKDOWNS, HEADLINES, KEEP_ANSWER, KEPT_ANSWER, MONTHLY } from './dashboard.sql';
import { BreakdownModel, DashboardInput, DashboardModel } from './dashboard.model';
import { BreakdownRow, HeadlinesRow, KeptAnswerRow, MonthlyRow, RollupRow } from './dashboard.rows';
import { withSecondarySuppression } from './dashboard.suppression';

const AuthorityCodeRow = z.object({ id: z.string(), code: z.string() });

const MAX_PERIOD_DAYS = 5 * 366;
/** Bumped whenever the answer's shape or its suppression changes, so that no older rollup is served. */
const ROLLUP_VERSION = 3;

@Injectable()
export class StatisticsService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The LSCB/LSCP dashboard for a period and a set of authorities, de-identified: every count from 1
   * to the threshold, and every rate built on one, is suppressed in SQL; then every figure that would
   * let a reader work one of those out by subtraction is hidden too (secondary suppression).
   */
  async dashboard(ctx: RequestContext, input: DashboardInput): Promise<DashboardModel> {
    if (input.to < input.from) throw invalidField('to', 'to cannot be before from');
    if (daysBetween(input.from, input.to) > MAX_PERIOD_DAYS)
      throw invalidField('from', 'The period can be at most five years');
    const { ids, codes } = await this.authorities(ctx, input.authorityCodes);
    const em = await ctx.em();
    if (this.config.statistics.rollupMaxAgeSeconds === 0) return this.compute(em, input, ids, codes);
    if (ids.length === 1) return this.kept(em, input, ids[0], codes);
    return this.fromRollup(em, input, ids, codes);
  }

  /** The rollup's key: the authorities, the period and every setting the figures depend on. */
  private rollupKey(input: DashboardInput, ids: string[]): string {
    return createHash('sha256')
      .update(
        JSON.stringify([
          ROLLUP_VERSION,
          [...ids].sort(),
          input.from,
          input.to,
          this.config.statistics,
          this.config.guardianship,
        ]),
      )
      .digest('hex');
  }

  /**
   * One authority's dashboard as it is now: the answer kept from an earlier computation while nothing it
   * reads has been written since and the clock has changed no figure (see KEPT_ANSWER), else computed
   * afresh and kept. Either way the figures are those of now, so `generatedAt` is now. Staff and analysts
   * alike see every row of the authority, so one answer serves them all.
   */
  private async kept(
    em: EntityManager,
    input: DashboardInput,
    id: string,
    codes: string[],
  ): Promise<DashboardModel> {
    const key = this.rollupKey(input, [id]);
    const now = this.clock.now();
    const { snapshot, answer: kept } = await queryRow(em, KeptAnswerRow, KEPT_ANSWER, [key, id, now]);
    if (kept) return { ...kept, generatedAt: now };
    const answer = await this.compute(em, input, [id], codes, now);
    await execute(em, KEEP_ANSWER, [
      key,
      id,
      now,
      JSON.stringify(answer),
      snapshot,
      startOfLondonDay(addDays(londonDate(now), 1)),
      startOfLondonDay(input.from),
      startOfLondonDay(addDays(input.to, 1)),
    ]);
    return answer;
  }

  /**
   * A partnership's or the UK's dashboard from a rollup no older than the configured age (its
   * `generatedAt` shows when it was computed); computed afresh, and kept, when there is none. The
   * answer holds only suppressed aggregates, never anything about one child.
   */
  private async fromRollup(
    em: EntityManager,
    input: DashboardInput,
    ids: string[],
    codes: string[],
  ): Promise<DashboardModel> {
    const key = this.rollupKey(input, ids);
    const maxAge = this.config.statistics.rollupMaxAgeSeconds;
    const kept = await queryMaybeRow(
      em,
      RollupRow,
      `SELECT answer FROM dashboard_rollup WHERE key = $1 AND generated_at > now() - make_interval(secs => $2)`,
      [key, maxAge],
    );
    if (kept) return { ...kept.answer, generatedAt: new Date(kept.answer.generatedAt) };
    const answer = await this.compute(em, input, ids, codes);
    await execute(
      em,
      `INSERT INTO dashboard_rollup (key, generated_at, answer) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET generated_at = excluded.generated_at, answer = excluded.answer`,
      [key, answer.generatedAt, JSON.stringify(answer)],
    );
    return answer;
  }

  private async compute(
    em: EntityManager,
    input: DashboardInput,
    ids: string[],
    codes: string[],
    now = this.clock.now(),
  ): Promise<DashboardModel> {
    const threshold = this.config.statistics.suppressionThreshold;
    const { ictg, scotland, northernIreland } = this.config.guardianship.ageLimits;
    const params = [
      ids,
      input.from,
      input.to,
      threshold,
      londonDate(now),
      now,
      startOfLondonDay(input.from),
      startOfLondonDay(addDays(input.to, 1)),
      ictg,
      scotland,
      northernIreland,
    ];
    const { figures } = await queryRow(em, HeadlinesRow, HEADLINES, params);
    const breakdowns = await queryRows(em, BreakdownRow, BREAKDOWNS, [
      ids,
      startOfLondonDay(addDays(input.to, 1)),
      input.to,
      threshold,
    ]);
    const monthly = await queryRows(em, MonthlyRow, MONTHLY, [
      ids,
      input.from,
      input.to,
      threshold,
      startOfLondonDay(input.from),
      startOfLondonDay(addDays(input.to, 1)),
    ]);
    const by = (dimension: string): BreakdownModel[] =>
      breakdowns
        .filter((row) => row.dimension === dimension)
        .map((row) => ({ key: row.key, count: row.count }));
    return withSecondarySuppression({
      ...figures,
      from: input.from,
      to: input.to,
      authorityCodes: codes,
      suppressionThreshold: threshold,
      generatedAt: now,
      byCategory: by('category'),
      byNrmCategory: by('nrmCategory'),
      byExploitationType: by('exploitationType'),
      byNationality: by('nationality'),
      byGender: by('gender'),
      byAgeBand: by('ageBand'),
      monthly,
    });
  }

  /** The local authorities the caller may ask for (see `authorities`), by name. */
  async availableAuthorities(ctx: RequestContext): Promise<OrganisationModel[]> {
    const em = await ctx.em();
    return queryRows(
      em,
      OrganisationRow,
      `SELECT id, code, name, kind, nation FROM organisation
        WHERE kind = 'LOCAL_AUTHORITY' AND code = ANY($1::text[]) ORDER BY name`,
      [this.allowedCodes(ctx)],
    );
  }

  private allowedCodes(ctx: RequestContext): readonly string[] {
    const { actor } = ctx;
    return actor.role === Role.LSCB_ANALYST ? actor.authorityCodes : [actor.organisationCode];
  }

  /**
   * The authorities asked for, if the caller may see them: an analyst those in their token's `las`,
   * authority staff their own. Anything else is FORBIDDEN.
   */
  private async authorities(
    ctx: RequestContext,
    requested?: string[] | null,
  ): Promise<{ ids: string[]; codes: string[] }> {
    const allowed = this.allowedCodes(ctx);
    const codes = [...new Set(requested?.length ? requested : allowed)];
    if (codes.length === 0) throw invalidField('authorityCodes', 'Name at least one authority');
    const outside = codes.filter((code) => !allowed.includes(code));
    if (outside.length > 0) throw forbidden(`Not an authority of yours: ${outside.join(', ')}`);
    const em = await ctx.em();
    const rows = await queryRows(
      em,
      AuthorityCodeRow,
      `SELECT id, code FROM organisation WHERE kind = 'LOCAL_AUTHORITY' AND code = ANY($1::text[])`,
      [codes],
    );
    const unknown = codes.filter((code) => !rows.some((row) => row.code === code));
    if (unknown.length > 0)
      throw invalidField('authorityCodes', `Not a known local authority: ${unknown.join(', ')}`);
    return { ids: rows.map((row) => row.id), codes: rows.map((row) => row.code).sort() };
  }
}
