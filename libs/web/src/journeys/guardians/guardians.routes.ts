import { Router } from 'express';
import type { Request, Response } from 'express';
import { isAllowed, londonDate, Permission } from '@haven/platform';
import {
  dateParts,
  DateParts,
  dateTimeParts,
  DateTimeParts,
  inPlainWords,
  parseDate,
  parseDateTime,
  partsOfDate,
  partsOfInstant,
  text,
  textOrNull,
} from '../../form-values';
import {
  AssignGuardianDocument,
  AssignGuardianFormDocument,
  ContactFormDocument,
  ContactMode,
  EndGuardianAssignmentDocument,
  GuardianContactsDocument,
  GuardianEndReason,
  GuardianScheme,
  GuardianshipDocument,
  RecordGuardianContactDocument,
} from '../../graphql/generated';
import { Refusal, RefusedError } from '../../graphql/web-graphql';
import { callerOf, page, requireSignIn, sessionOf } from '../../web-request';
import type { JourneyDependencies } from '..';
import { takeFlash } from '../alerts/flash';
import { lazily, problemsOn, questionPage, toSend } from '../question-page';
import { CONTACT_MODE, GUARDIAN_END_REASON, GUARDIAN_SCHEME } from '../children/labels';
import { fullName } from '../names';

/** Whether the signed-in role may (permission.ts); what it may not do is neither offered nor run. */
function allowed(res: Response, permission: Permission): boolean {
  return isAllowed(sessionOf(res).identity.role, permission);
}

/** A page for a capability the role has not: the error handler's 403. */
function requireAllowed(res: Response, permission: Permission): void {
  if (!allowed(res, permission)) {
    throw new RefusedError({ code: 'FORBIDDEN', message: 'Your role cannot do this', fields: [] });
  }
}

/** The form's own problems, named as the API names its fields, before anything is sent. */
function formProblems(problems: Record<string, string | undefined>): Refusal | null {
  const fields = Object.entries(problems).flatMap(([field, message]) =>
    message ? [{ field, message }] : [],
  );
  return fields.length ? { code: 'BAD_USER_INPUT', message: 'Check the form', fields } : null;
}

const ASSIGN_FIELDS: Record<string, string> = {
  guardianId: 'guardianId',
  scheme: 'scheme',
  startDate: 'startDate-day',
  childId: 'guardianId',
};
const ASSIGN_LABELS: Record<string, string> = { startDate: 'The start date' };

const END_FIELDS: Record<string, string> = {
  endDate: 'endDate-day',
  reason: 'reason',
  assignmentId: 'endDate-day',
};
const END_LABELS: Record<string, string> = { endDate: 'The end date' };

const CONTACT_FIELDS: Record<string, string> = {
  contactedAt: 'contactedAt-day',
  mode: 'mode',
  summary: 'summary',
  childId: 'contactedAt-day',
};
const CONTACT_LABELS: Record<string, string> = {
  contactedAt: 'The time of the contact',
  summary: 'The note',
};

interface AssignForm {
  guardianId: string;
  scheme: string;
  startDate: DateParts;
}

interface EndForm {
  endDate: DateParts;
  reason: string;
}

interface ContactForm {
  contactedAt: DateTimeParts;
  mode: string;
  summary: string;
  /** Where the guardian came from, to go back to: their children ("start") or the case file. */
  from: string;
}

/** Where the contact form was opened from (the guardian's children, or the case file), to go back to. */
const backFrom = (from: string, childId: string) => (from === 'case-file' ? `/children/${childId}` : '/');

/**
 * Where a logged contact goes back to, with its banner: the guardian's children, or, from the case file
 * (which shows no banners), the child's contacts, the new one first, a link away from the case file.
 */
const afterContact = (from: string, childId: string) =>
  from === 'case-file' ? `/children/${childId}/contacts` : '/';

/**
 * Guardianship (issue 17, items 1 and 2; web-app.md journey 9): for the authority's staff, a child's
 * guardian, eligibility per scheme, assigning a guardian from the list of guardians with their caseloads
 * and ending an assignment; for everyone who may read the child, the guardians' contacts; for the
 * child's guardian, on a phone, logging a contact in one short form.
 */
export function guardiansRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  router.get(
    '/children/:id/guardian',
    requireSignIn,
    page(async (req, res) => {
      const { child } = await graphql.read(callerOf(req, res), GuardianshipDocument, {
        id: String(req.params.id),
      });
      res.render('guardians/guardianship.njk', {
        child,
        name: fullName(child),
        active: child.guardianAssignments.filter((assignment) => assignment.active),
        past: child.guardianAssignments.filter((assignment) => !assignment.active),
        eligibility: eligibilityRows(child.guardianshipEligibility),
        labels: { scheme: GUARDIAN_SCHEME, endReason: GUARDIAN_END_REASON },
        can: {
          assign: allowed(res, Permission.ASSIGN_GUARDIAN) && child.status === 'OPEN',
          end: allowed(res, Permission.ASSIGN_GUARDIAN),
          logContact: allowed(res, Permission.RECORD_GUARDIAN_CONTACT),
        },
        banner: takeFlash(req),
      });
    }),
  );

  const readAssignForm = async (req: Request, res: Response) =>
    graphql.read(callerOf(req, res), AssignGuardianFormDocument, { id: String(req.params.id) });

  questionPage(router, {
    path: '/children/:id/guardian/assign',
    view: 'guardians/assign.njk',
    fields: ASSIGN_FIELDS,
    guard: (res) => requireAllowed(res, Permission.ASSIGN_GUARDIAN),
    load: (req, res) => ({ childId: String(req.params.id), data: lazily(() => readAssignForm(req, res)) }),
    show: async (found, form) => {
      const data = await found.data();
      const eligible = data.child.guardianshipEligibility.filter((scheme) => scheme.eligible);
      return {
        child: data.child,
        name: fullName(data.child),
        active: data.child.guardianAssignments.filter((assignment) => assignment.active),
        eligibility: eligibilityRows(data.child.guardianshipEligibility),
        guardians: data.practitioners.map((guardian) => ({
          value: guardian.id,
          name: guardian.name,
          organisation: guardian.organisation.name,
          caseload: guardian.caseload ?? 0,
          warnings: guardian.warnings,
          checked: guardian.id === form.guardianId,
        })),
        schemeItems: eligible.map((scheme) => ({
          value: scheme.scheme,
          text: GUARDIAN_SCHEME[scheme.scheme],
          // one scheme to choose from is chosen already
          checked: form.scheme === scheme.scheme || eligible.length === 1,
        })),
      };
    },
    blank: (): AssignForm => ({
      guardianId: '',
      scheme: '',
      startDate: partsOfDate(londonDate(new Date())),
    }),
    read: (body): AssignForm => ({
      guardianId: text(body.guardianId),
      scheme: text(body.scheme),
      startDate: dateParts(body.startDate),
    }),
    check: (form) => {
      const startDate = parseDate(form.startDate, 'The start date');
      const problems = formProblems({
        guardianId: form.guardianId ? undefined : 'Select a guardian',
        scheme: form.scheme ? undefined : 'Select the scheme',
        startDate: !startDate.ok
          ? startDate.message
          : startDate.value === null
            ? 'Enter the date the guardian starts'
            : undefined,
      });
      if (problems || !startDate.ok) return problemsOn(problems!);
      return toSend({
        guardianId: form.guardianId,
        scheme: form.scheme as GuardianScheme,
        startDate: startDate.value!,
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), AssignGuardianDocument, {
        input: { childId: found.childId, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, ASSIGN_LABELS),
    done: (data, found) => {
      const { guardian, warnings } = data.assignGuardian;
      return {
        redirect: `/children/${found.childId}/guardian`,
        flash: [`${guardian.name} is now the guardian.`, ...warnings].join(' '),
      };
    },
  });

  /** The child and the assignment the address names (NOT_FOUND when it is not the child's, or ended). */
  const assignmentOf = async (req: Request, res: Response) => {
    const { child } = await graphql.read(callerOf(req, res), GuardianshipDocument, {
      id: String(req.params.id),
    });
    const assignment = child.guardianAssignments.find(
      (candidate) => candidate.id === req.params.assignmentId && candidate.active,
    );
    if (!assignment) {
      throw new RefusedError({
        code: 'NOT_FOUND',
        message: 'There is no such active assignment',
        fields: [],
      });
    }
    return { child, assignment, name: fullName(child) };
  };

  questionPage(router, {
    path: '/children/:id/guardian/:assignmentId/end',
    view: 'guardians/end.njk',
    fields: END_FIELDS,
    guard: (res) => requireAllowed(res, Permission.ASSIGN_GUARDIAN),
    load: assignmentOf,
    show: (found, form) => ({
      ...found,
      scheme: GUARDIAN_SCHEME[found.assignment.scheme],
      reasonItems: Object.entries(GUARDIAN_END_REASON).map(([value, label]) => ({
        value,
        text: label,
        checked: form.reason === value,
      })),
    }),
    blank: (): EndForm => ({ endDate: partsOfDate(londonDate(new Date())), reason: '' }),
    read: (body): EndForm => ({ endDate: dateParts(body.endDate), reason: text(body.reason) }),
    check: (form) => {
      const endDate = parseDate(form.endDate, 'The end date');
      const problems = formProblems({
        endDate: !endDate.ok
          ? endDate.message
          : endDate.value === null
            ? 'Enter the date the assignment ends'
            : undefined,
        reason: form.reason ? undefined : 'Select why the assignment ends',
      });
      if (problems || !endDate.ok) return problemsOn(problems!);
      return toSend({ endDate: endDate.value!, reason: form.reason as GuardianEndReason });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), EndGuardianAssignmentDocument, {
        input: { assignmentId: found.assignment.id, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, END_LABELS),
    done: (data, found) => ({
      redirect: `/children/${found.child.id}/guardian`,
      flash: `${data.endGuardianAssignment.guardian.name}’s assignment has ended.`,
    }),
  });

  router.get(
    '/children/:id/contacts',
    requireSignIn,
    page(async (req, res) => {
      const { child } = await graphql.read(callerOf(req, res), GuardianContactsDocument, {
        id: String(req.params.id),
      });
      res.render('guardians/contacts.njk', {
        child,
        name: fullName(child),
        assignments: child.guardianAssignments.filter(
          (assignment) => assignment.active || assignment.contacts.length > 0,
        ),
        labels: { scheme: GUARDIAN_SCHEME, mode: CONTACT_MODE },
        canLogContact: allowed(res, Permission.RECORD_GUARDIAN_CONTACT),
        banner: takeFlash(req),
      });
    }),
  );

  questionPage(router, {
    path: '/children/:id/contacts/new',
    view: 'guardians/log-contact.njk',
    fields: CONTACT_FIELDS,
    guard: (res) => requireAllowed(res, Permission.RECORD_GUARDIAN_CONTACT),
    load: (req, res) => ({
      childId: String(req.params.id),
      child: lazily(
        async () =>
          (await graphql.read(callerOf(req, res), ContactFormDocument, { id: String(req.params.id) })).child,
      ),
    }),
    show: async (found, form: ContactForm) => {
      const child = await found.child();
      return {
        child,
        name: fullName(child),
        back: backFrom(form.from, child.id),
        modeItems: Object.entries(CONTACT_MODE).map(([value, label]) => ({
          value,
          text: label,
          checked: form.mode === value,
        })),
      };
    },
    blank: (_found, req): ContactForm => ({
      contactedAt: partsOfInstant(),
      mode: 'IN_PERSON',
      summary: '',
      from: text(req.query.from),
    }),
    read: (body): ContactForm => ({
      contactedAt: dateTimeParts(body.contactedAt),
      mode: text(body.mode),
      summary: text(body.summary),
      from: text(body.from),
    }),
    check: (form) => {
      const contactedAt = parseDateTime(form.contactedAt, 'When you were in contact');
      const problems = formProblems({
        contactedAt: !contactedAt.ok
          ? contactedAt.message
          : contactedAt.value === null
            ? 'Enter the date and time you were in contact'
            : undefined,
        mode: form.mode ? undefined : 'Select how you were in contact',
      });
      if (problems || !contactedAt.ok) return problemsOn(problems!);
      return toSend({
        contactedAt: contactedAt.value!,
        mode: form.mode as ContactMode,
        summary: textOrNull(form.summary),
      });
    },
    save: (input, found, req, res) =>
      graphql.run(callerOf(req, res), RecordGuardianContactDocument, {
        input: { childId: found.childId, ...input },
      }),
    words: (refusal) => inPlainWords(refusal, CONTACT_LABELS),
    done: async (_data, found, form) => ({
      redirect: afterContact(form.from, found.childId),
      flash: `Contact with ${fullName(await found.child())} logged.`,
    }),
  });

  return router;
}

/** Each scheme serving the child, eligible or not, and why: the rows of a summary list. */
function eligibilityRows(
  schemes: { scheme: GuardianScheme; eligible: boolean; reason: string; endsOn?: string | null }[],
) {
  return schemes.map((scheme) => ({
    scheme: GUARDIAN_SCHEME[scheme.scheme],
    eligible: scheme.eligible,
    reason: scheme.reason,
    endsOn: scheme.endsOn ?? null,
  }));
}
