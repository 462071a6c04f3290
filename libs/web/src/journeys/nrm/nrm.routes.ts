import { Router } from 'express';
import type { Request, Response } from 'express';
import { londonDate, Permission } from '@haven/platform';
import {
  Agency,
  ChildNrmDocument,
  NrmCompetentAuthority,
  NrmDecision,
  NrmStage,
  RecordNrmDecisionDocument,
  RecordNrmReferralDocument,
} from '../../graphql/generated';
import { RefusedError } from '../../graphql/web-graphql';
import { dateParts, DateParts, inPlainWords, parseDate, partsOfDate, text } from '../../form-values';
import { formatDate } from '../../nunjucks-setup';
import { callerOf, mayDo, page, requirePermission, requireSignIn } from '../../web-request';
import { takeFlash } from '../alerts/flash';
import { lazily, problemsOn, questionPage, toSend } from '../question-page';
import { AGENCY, COMPETENT_AUTHORITY, itemsOf, LABELS, NRM_DECISION, NRM_STAGE } from '../children/labels';
import type { JourneyDependencies } from '..';
import { referralStanding } from './referral-standing';
import { fullName } from '../names';

/** The API's field names on the forms, to the inputs' ids. */
const REFERRAL_FIELDS: Record<string, string> = {
  referredOn: 'referredOn-day',
  firstResponder: 'firstResponder',
  competentAuthority: 'competentAuthority',
};
const DECISION_FIELDS: Record<string, string> = {
  stage: 'stage',
  decision: 'decision',
  decidedOn: 'decidedOn-day',
  referralId: 'stage',
};
/** What the API's fields are called on the pages, for its messages. */
const NAMES: Record<string, string> = {
  referredOn: 'The date of the referral',
  decidedOn: 'The date of the decision',
  firstResponder: 'The first responder',
  competentAuthority: 'The competent authority',
};

/** The decisions a competent authority makes (PENDING is the state before one). */
const DECISIONS = (Object.keys(NRM_DECISION) as NrmDecision[]).filter((decision) => decision !== 'PENDING');

const badInput = (field: string, message: string) => ({
  code: 'BAD_USER_INPUT',
  message: 'Check the form',
  fields: [{ field, message }],
});

interface ReferralForm {
  referredOn: DateParts;
  firstResponder: string;
  competentAuthority: string;
}

interface DecisionForm {
  stage: string;
  decision: string;
  decidedOn: DateParts;
}

/**
 * Journey 11 (web-app.md), the NRM half: a child's referrals with their due dates, the recovery period
 * and the flags for review (`/children/{id}/nrm`), making a referral and recording the reasonable- and
 * conclusive-grounds decisions. The rules are the API's: its refusals are shown on the forms.
 */
export function nrmRoutes({ graphql, config }: JourneyDependencies): Router {
  const router = Router();

  const may = (res: Response) => mayDo(res, Permission.RECORD_NRM);
  const mayRecord = (res: Response) => {
    requirePermission(res, Permission.RECORD_NRM, 'Your role may not record NRM referrals');
  };
  const readChild = async (req: Request, res: Response) =>
    (await graphql.read(callerOf(req, res), ChildNrmDocument, { id: String(req.params.id) })).child;

  router.get(
    '/children/:id/nrm',
    requireSignIn,
    page(async (req, res) => {
      const child = await readChild(req, res);
      const today = londonDate(new Date());
      res.render('nrm/nrm.njk', {
        child,
        name: fullName(child),
        labels: LABELS,
        referrals: child.nrmReferrals.map((referral) => ({
          ...referral,
          ...referralStanding(referral, today),
        })),
        canRecord: may(res),
        banner: takeFlash(req),
      });
    }),
  );

  questionPage(router, {
    path: '/children/:id/nrm/new',
    view: 'nrm/referral.njk',
    fields: REFERRAL_FIELDS,
    guard: mayRecord,
    load: (req, res) => ({ childId: String(req.params.id), child: lazily(() => readChild(req, res)) }),
    show: async (found) => {
      const child = await found.child();
      return {
        child,
        name: fullName(child),
        targetWorkingDays: config.nrm.reasonableGroundsTargetWorkingDays,
        agencyItems: [{ value: '', text: 'Not recorded' }, ...itemsOf(AGENCY)],
        authorityItems: [...itemsOf(COMPETENT_AUTHORITY), { value: '', text: 'Not known yet' }],
      };
    },
    blank: (): ReferralForm => ({
      referredOn: partsOfDate(londonDate(new Date())),
      firstResponder: 'CHILDRENS_SERVICES',
      competentAuthority: 'SINGLE_COMPETENT_AUTHORITY',
    }),
    read: (body): ReferralForm => ({
      referredOn: dateParts(body.referredOn),
      firstResponder: text(body.firstResponder),
      competentAuthority: text(body.competentAuthority),
    }),
    check: (form) => {
      const referredOn = parseDate(form.referredOn, 'The date of the referral');
      if (!referredOn.ok || referredOn.value === null) {
        const message = referredOn.ok ? 'Enter the date of the referral' : referredOn.message;
        return problemsOn(badInput('referredOn', message));
      }
      return toSend({
        referredOn: referredOn.value,
        firstResponder: (form.firstResponder || null) as Agency | null,
        competentAuthority: (form.competentAuthority || null) as NrmCompetentAuthority | null,
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordNrmReferralDocument, {
        input: { childId: found.childId, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, NAMES),
    done: (data, found) => ({
      redirect: `/children/${found.childId}/nrm`,
      flash: `Referral recorded. The reasonable-grounds decision is due by ${formatDate(data.recordNrmReferral.reasonableGroundsDueBy)}.`,
    }),
  });

  /** The child and the referral the address names (NOT_FOUND when it is not theirs). */
  const referralOf = async (req: Request, res: Response) => {
    const child = await readChild(req, res);
    const referral = child.nrmReferrals.find((candidate) => candidate.id === req.params.referralId);
    if (!referral) {
      throw new RefusedError({ code: 'NOT_FOUND', message: 'There is no such referral', fields: [] });
    }
    return { child, referral };
  };

  questionPage(router, {
    path: '/children/:id/nrm/:referralId/decision',
    view: 'nrm/decision.njk',
    fields: DECISION_FIELDS,
    guard: mayRecord,
    load: referralOf,
    show: (found) => ({
      ...found,
      name: fullName(found.child),
      labels: LABELS,
      stageItems: (Object.keys(NRM_STAGE) as NrmStage[]).map((stage) => ({
        value: stage,
        text: NRM_STAGE[stage],
        hint: {
          text:
            stage === 'REASONABLE_GROUNDS'
              ? 'The first decision: whether the child may be a victim of modern slavery'
              : 'Only after a positive reasonable-grounds decision',
        },
      })),
      decisionItems: DECISIONS.map((decision) => ({ value: decision, text: NRM_DECISION[decision] })),
    }),
    blank: (found): DecisionForm => ({
      stage:
        found.referral.reasonableGrounds.decision === 'POSITIVE'
          ? 'CONCLUSIVE_GROUNDS'
          : 'REASONABLE_GROUNDS',
      decision: '',
      decidedOn: partsOfDate(londonDate(new Date())),
    }),
    read: (body): DecisionForm => ({
      stage: text(body.stage),
      decision: text(body.decision),
      decidedOn: dateParts(body.decidedOn),
    }),
    check: (form) => {
      const decidedOn = parseDate(form.decidedOn, 'The date of the decision');
      const problems = [
        form.stage ? null : { field: 'stage', message: 'Select which decision it is' },
        form.decision ? null : { field: 'decision', message: 'Select the decision' },
        !decidedOn.ok
          ? { field: 'decidedOn', message: decidedOn.message }
          : decidedOn.value === null
            ? { field: 'decidedOn', message: 'Enter the date of the decision' }
            : null,
      ].filter((problem) => problem !== null);
      if (problems.length > 0 || !decidedOn.ok || decidedOn.value === null) {
        return problemsOn({ code: 'BAD_USER_INPUT', message: 'Check the form', fields: problems });
      }
      return toSend({
        stage: form.stage as NrmStage,
        decision: form.decision as NrmDecision,
        decidedOn: decidedOn.value,
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordNrmDecisionDocument, {
        input: { referralId: found.referral.id, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, NAMES),
    done: (data, found, form) => {
      const flagged = data.recordNrmDecision.flags.length > 0 ? ' It is flagged for review.' : '';
      return {
        redirect: `/children/${found.child.id}/nrm`,
        flash: `${NRM_STAGE[form.stage as NrmStage]} decision recorded.${flagged}`,
      };
    },
  });

  return router;
}
