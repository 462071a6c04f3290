// NRM referrals and decisions, and durable solutions.

import {
  ChildCategory,
  NrmCompetentAuthority,
  NrmDecision,
  NrmStage,
  reasonableGroundsDueBy,
  recoveryPeriodDays,
} from '@haven/children';
import { DurableSolutionStatus } from '@haven/durable-solutions';
import { Nation } from '@haven/platform';
import * as data from '../national-data';
import { birthdayOf, Day, dayOf, isoOf, londonInstant } from './time';
import { DurableSolutionRow, NrmDecisionRow, NrmReferralRow } from './rows';
import { ChildContext } from './context';

/** The Single Competent Authority took over decisions in April 2019, and they began to take far longer. */
const SCA_FROM = dayOf('2019-04-29');
/** Devolved child decision-making panels, piloted in Scotland and Wales. */
const DEVOLVED_PANELS_FROM = dayOf('2021-06-01');

export function referralFor(ctx: ChildContext): { referral: NrmReferralRow; decisions: NrmDecisionRow[] } {
  const { rnd, plan } = ctx;
  const lastDay = Math.min(plan.today - 1, ctx.closedOn ?? Infinity);
  const referredOn = Math.min(lastDay, ctx.registeredOn + (rnd.chance(0.6) ? rnd.int(0, 7) : rnd.int(8, 90)));
  const sca = referredOn >= SCA_FROM;
  const due = dayOf(reasonableGroundsDueBy(isoOf(referredOn), ctx.authority.nation, plan.settings));
  const rgOn = referredOn + Math.max(1, Math.round(sca ? rnd.logNormal(25, 0.8) : rnd.int(2, 12)));
  const rgDecided = rgOn < plan.today;
  const rg = rgDecided ? rnd.weighted(data.REASONABLE_GROUNDS) : NrmDecision.PENDING;
  const recovery = recoveryPeriodDays(ctx.authority.nation, plan.settings.recoveryPeriodDays);
  const cgOn = rgOn + recovery + Math.round(rnd.logNormal(sca ? 300 : 60, 0.5));
  const cgDecided = rg === NrmDecision.POSITIVE && cgOn < plan.today;
  const cg = cgDecided ? rnd.weighted(data.CONCLUSIVE_GROUNDS) : NrmDecision.PENDING;
  const internal = ctx.profile.arrival === 'INTERNAL';
  const devolved = ctx.authority.nation === Nation.SCOTLAND || ctx.authority.nation === Nation.WALES;
  const referral: NrmReferralRow = {
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    referredOn,
    firstResponder: rnd.weighted(data.FIRST_RESPONDERS[ctx.profile.arrival]),
    competentAuthority:
      devolved && referredOn >= DEVOLVED_PANELS_FROM && rnd.chance(0.4)
        ? NrmCompetentAuthority.DEVOLVED_CHILD_PANEL
        : !internal && rnd.chance(0.05)
          ? NrmCompetentAuthority.IMMIGRATION_ENFORCEMENT
          : NrmCompetentAuthority.SINGLE_COMPETENT_AUTHORITY,
    reasonableGroundsDecision: rg,
    reasonableGroundsDecidedOn: rgDecided ? rgOn : null,
    reasonableGroundsDueBy: due,
    conclusiveGroundsDecision: cg,
    conclusiveGroundsDecidedOn: cgDecided ? cgOn : null,
    recordedAt: londonInstant(referredOn, rnd.int(9 * 60, 17 * 60)),
    recordedBy: ctx.worker.id,
  };
  const decision = (stage: NrmStage, value: NrmDecision, decidedOn: Day): NrmDecisionRow => ({
    id: rnd.uuid(),
    referralId: referral.id,
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    stage,
    decision: value,
    decidedOn,
    recordedAt: londonInstant(decidedOn, rnd.int(9 * 60, 17 * 60)),
    recordedBy: ctx.worker.id,
  });
  const decisions = [];
  if (rgDecided) decisions.push(decision(NrmStage.REASONABLE_GROUNDS, rg, rgOn));
  if (cgDecided) decisions.push(decision(NrmStage.CONCLUSIVE_GROUNDS, cg, cgOn));
  return { referral, decisions };
}

/** Best-interests outcomes for separated children nearing 18: identified, then secured or not. */
export function durableSolutionsFor(
  ctx: ChildContext,
  categories: readonly ChildCategory[],
): DurableSolutionRow[] {
  const { rnd, plan, profile } = ctx;
  if (profile.arrival === 'INTERNAL' || categories.length === 0 || !rnd.chance(0.5)) return [];
  const lastDay = Math.min(plan.today - 1, ctx.closedOn ?? Infinity);
  const assessedOn = Math.max(
    ctx.registeredOn + 30,
    birthdayOf(ctx.effectiveBirth, 16) + 182 - rnd.int(0, 120),
  );
  if (assessedOn > lastDay) return [];
  const returns = data.RETURNS_LIKELY.has(profile.nationality ?? '') ? 'likely' : 'rare';
  const option = rnd.weighted(data.DURABLE_OPTIONS[returns]);
  const row = (status: DurableSolutionStatus, on: Day, assessments: boolean): DurableSolutionRow => ({
    id: rnd.uuid(),
    childId: ctx.id,
    localAuthorityId: ctx.authority.id,
    option,
    status,
    assessedOn,
    securedOn: status === DurableSolutionStatus.SECURED ? on : null,
    basis: status === DurableSolutionStatus.SECURED ? rnd.pick(data.DURABLE_BASIS[option]) : null,
    riskAssessmentCompleted: assessments,
    bestInterestsAssessmentCompleted: assessments,
    recordedAt: londonInstant(on, rnd.int(10 * 60, 16 * 60)),
    recordedBy: ctx.worker.id,
  });
  const rows = [row(DurableSolutionStatus.IDENTIFIED, assessedOn, false)];
  const decidedOn = assessedOn + rnd.int(30, 400);
  if (decidedOn < plan.today) {
    const status = rnd.weighted(data.DURABLE_OUTCOMES);
    // a return is never secured without the risk and best-interests assessments
    const assessed = status === DurableSolutionStatus.SECURED || rnd.chance(0.5);
    rows.push(row(status, decidedOn, assessed));
  }
  return rows;
}
