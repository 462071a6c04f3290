import { Router } from 'express';
import type { Request, Response } from 'express';
import { Permission } from '@haven/platform';
import {
  FoundBy,
  GrabPackDocument,
  MissingEpisodeFormDocument,
  MissingKind,
  PoliceRiskLevel,
  RecordReturnDocument,
  RecordReturnInterviewDocument,
  ReportedMissingDocument,
  ReportMissingDocument,
  ReportMissingFormDocument,
  ReportMissingFormQuery,
} from '../../graphql/generated';
import { countryName } from '../../countries';
import { RefusedError } from '../../graphql/web-graphql';
import {
  dateTimeParts,
  DateTimeParts,
  formProblems,
  inPlainWords,
  parseDateTime,
  partsOfInstant,
  text,
  textOrNull,
} from '../../form-values';
import { callerOf, mayDo, page, requireSignIn } from '../../web-request';
import { lazily, problemsOn, questionPage, toSend } from '../question-page';
import type { JourneyDependencies } from '..';
import { fullName } from '../names';

/** Where the child was placed, as the form offers it for "last seen at". */
function placementText(placement: ReportMissingFormQuery['child']['currentPlacement']): string {
  if (!placement) return '';
  return [placement.provider, placement.address].filter(Boolean).join(', ');
}

/** The API's field names on the report missing form, to the inputs' ids. */
const REPORT_FIELDS: Record<string, string> = {
  kind: 'kind',
  missingSince: 'missingSince-day',
  lastSeenLocation: 'lastSeenLocation',
  lastSeenWith: 'lastSeenWith',
  circumstances: 'circumstances',
  traffickerContactFeared: 'traffickerContactFeared',
  reportedToPoliceAt: 'reportedToPoliceAt-day',
  policeReference: 'policeReference',
  policeRiskLevel: 'policeRiskLevel',
};

/** What the API's fields are called on the pages, for its messages. */
const LABELS: Record<string, string> = {
  missingSince: 'The time they were last seen',
  reportedToPoliceAt: 'The time it was reported to the police',
  returnedAt: 'The time they came back',
  offeredAt: 'The time the interview was offered',
  completedAt: 'The time the interview took place',
  lastSeenLocation: 'Where they were last seen',
  lastSeenWith: 'Who they were last seen with',
  policeReference: 'The police reference',
  whereFound: 'Where they were found',
  conductedBy: 'Who conducted it',
};

const RETURN_FIELDS: Record<string, string> = {
  returnedAt: 'returnedAt-day',
  whereFound: 'whereFound',
  foundBy: 'foundBy',
  episodeId: 'returnedAt-day',
};

const INTERVIEW_FIELDS: Record<string, string> = {
  offeredAt: 'offeredAt-day',
  completedAt: 'completedAt-day',
  declined: 'declined',
  conductedBy: 'conductedBy',
  findings: 'findings',
  episodeId: 'offeredAt-day',
};

interface ReportForm {
  kind: string;
  missingSince: DateTimeParts;
  lastSeenLocation: string;
  lastSeenWith: string;
  circumstances: string;
  traffickerContactFeared: boolean;
  reportedToPoliceAt: DateTimeParts;
  policeReference: string;
  policeRiskLevel: string;
}

/**
 * Journey 5 (web-app.md): report a child missing in one step, the grab pack for the police, the
 * return and the return interview.
 */
export function missingRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const readChild = async (req: Request, res: Response) =>
    (await graphql.read(callerOf(req, res), ReportMissingFormDocument, { id: String(req.params.id) })).child;

  questionPage(router, {
    path: '/children/:id/missing/new',
    view: 'missing/report-missing.njk',
    fields: REPORT_FIELDS,
    load: (req, res) => ({
      childId: String(req.params.id),
      child: lazily(() => readChild(req, res)),
    }),
    show: async (found) => {
      const child = await found.child();
      return {
        child,
        name: fullName(child),
        openEpisode: child.missingEpisodes.find((episode) => episode.open),
      };
    },
    blank: async (found): Promise<ReportForm> => ({
      kind: 'MISSING',
      missingSince: partsOfInstant(),
      lastSeenLocation: placementText((await found.child()).currentPlacement),
      lastSeenWith: '',
      circumstances: '',
      traffickerContactFeared: false,
      reportedToPoliceAt: { day: '', month: '', year: '', time: '' },
      policeReference: '',
      policeRiskLevel: '',
    }),
    read: (body): ReportForm => ({
      kind: text(body.kind),
      missingSince: dateTimeParts(body.missingSince),
      lastSeenLocation: text(body.lastSeenLocation),
      lastSeenWith: text(body.lastSeenWith),
      circumstances: text(body.circumstances),
      traffickerContactFeared: body.traffickerContactFeared === 'yes',
      reportedToPoliceAt: dateTimeParts(body.reportedToPoliceAt),
      policeReference: text(body.policeReference),
      policeRiskLevel: text(body.policeRiskLevel),
    }),
    check: (form, found) => {
      const missingSince = parseDateTime(form.missingSince, 'When they were last seen');
      const reportedToPoliceAt = parseDateTime(form.reportedToPoliceAt, 'When it was reported to the police');
      const problems = formProblems({
        kind: form.kind ? { ok: true, value: form.kind } : { ok: false, message: 'Select missing or away' },
        missingSince:
          missingSince.ok && missingSince.value === null
            ? { ok: false, message: 'Enter the date and time they were last seen' }
            : missingSince,
        reportedToPoliceAt,
      });
      if (problems || !missingSince.ok || !reportedToPoliceAt.ok) return problemsOn(problems!);
      return toSend({
        childId: found.childId,
        kind: form.kind as MissingKind,
        missingSince: missingSince.value!,
        lastSeenLocation: form.lastSeenLocation || null,
        lastSeenWith: form.lastSeenWith || null,
        circumstances: form.circumstances || null,
        traffickerContactFeared: form.traffickerContactFeared,
        reportedToPoliceAt: reportedToPoliceAt.value,
        policeReference: form.policeReference || null,
        policeRiskLevel: (form.policeRiskLevel || null) as PoliceRiskLevel | null,
      });
    },
    save: (input, _found, req, res) => graphql.run(callerOf(req, res), ReportMissingDocument, { input }),
    words: (refusal) => inPlainWords(refusal, LABELS),
    done: (data, found) => ({
      redirect: `/children/${found.childId}/missing/${data.reportMissing.id}/reported`,
    }),
  });

  router.get(
    '/children/:id/missing/:episodeId/reported',
    requireSignIn,
    page(async (req, res) => {
      const { child } = await graphql.read(callerOf(req, res), ReportedMissingDocument, {
        id: String(req.params.id),
      });
      res.render('missing/reported.njk', {
        child,
        name: fullName(child),
        episode: child.missingEpisodes.find((episode) => episode.id === req.params.episodeId),
      });
    }),
  );

  router.get(
    '/children/:id/grab-pack',
    requireSignIn,
    page(async (req, res) => {
      const { missingPersonProfile: profile } = await graphql.read(callerOf(req, res), GrabPackDocument, {
        childId: String(req.params.id),
      });
      res.render('missing/grab-pack.njk', {
        profile,
        name: fullName(profile),
        nationality: countryName(profile.nationality),
        canEditProfile: mayDo(res, Permission.UPDATE_MISSING_PERSON_PROFILE),
      });
    }),
  );

  /** The child and the episode the address names (NOT_FOUND when it is not theirs). */
  const episodeOf = async (req: Request, res: Response) => {
    const { child } = await graphql.read(callerOf(req, res), MissingEpisodeFormDocument, {
      id: String(req.params.id),
    });
    const episode = child.missingEpisodes.find((candidate) => candidate.id === req.params.episodeId);
    if (!episode) {
      throw new RefusedError({ code: 'NOT_FOUND', message: 'There is no such missing episode', fields: [] });
    }
    return { child, episode, name: fullName(child) };
  };

  const episodeAddress = '/children/:id/missing/:episodeId';

  questionPage(router, {
    path: `${episodeAddress}/return`,
    view: 'missing/return.njk',
    fields: RETURN_FIELDS,
    load: episodeOf,
    blank: () => ({ returnedAt: partsOfInstant(), whereFound: '', foundBy: '' }),
    read: (body) => ({
      returnedAt: dateTimeParts(body.returnedAt),
      whereFound: text(body.whereFound),
      foundBy: text(body.foundBy),
    }),
    check: (form) => {
      const returnedAt = parseDateTime(form.returnedAt, 'When they came back');
      const problems = formProblems({
        returnedAt:
          returnedAt.ok && returnedAt.value === null
            ? { ok: false, message: 'Enter the date and time they came back' }
            : returnedAt,
      });
      if (problems || !returnedAt.ok) return problemsOn(problems!);
      return toSend({
        returnedAt: returnedAt.value!,
        whereFound: textOrNull(form.whereFound),
        foundBy: (form.foundBy || null) as FoundBy | null,
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordReturnDocument, {
        input: { episodeId: found.episode.id, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, LABELS),
    done: (_data, found) => ({ redirect: `/children/${found.child.id}` }),
  });

  const blank = { day: '', month: '', year: '', time: '' };

  questionPage(router, {
    path: `${episodeAddress}/interview`,
    view: 'missing/interview.njk',
    fields: INTERVIEW_FIELDS,
    load: episodeOf,
    blank: () => ({ offeredAt: blank, completedAt: blank, outcome: '', conductedBy: '', findings: '' }),
    read: (body) => ({
      offeredAt: dateTimeParts(body.offeredAt),
      completedAt: dateTimeParts(body.completedAt),
      outcome: text(body.outcome),
      conductedBy: text(body.conductedBy),
      findings: text(body.findings),
    }),
    check: (form) => {
      const offeredAt = parseDateTime(form.offeredAt, 'When the interview was offered');
      const completedAt = parseDateTime(form.completedAt, 'When the interview took place');
      const problems = formProblems({
        offeredAt:
          offeredAt.ok && offeredAt.value === null
            ? { ok: false, message: 'Enter the date and time the interview was offered' }
            : offeredAt,
        completedAt:
          form.outcome === 'COMPLETED' && completedAt.ok && completedAt.value === null
            ? { ok: false, message: 'Enter the date and time the interview took place' }
            : completedAt,
      });
      if (problems || !offeredAt.ok || !completedAt.ok) return problemsOn(problems!);
      return toSend({
        offeredAt: offeredAt.value!,
        completedAt: form.outcome === 'COMPLETED' ? completedAt.value : null,
        declined: form.outcome === 'DECLINED',
        conductedBy: textOrNull(form.conductedBy),
        findings: textOrNull(form.findings),
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordReturnInterviewDocument, {
        input: { episodeId: found.episode.id, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, LABELS),
    done: (_data, found) => ({ redirect: `/children/${found.child.id}` }),
  });

  return router;
}
