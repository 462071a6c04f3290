import { Router } from 'express';
import type { Request, Response } from 'express';
import { Permission } from '@haven/platform';
import {
  MissingPersonProfileFormDocument,
  MissingPersonProfileFormQuery,
  UpdateMissingPersonProfileDocument,
} from '../../graphql/generated';

import { inPlainWords, shownOnTheForm, text } from '../../form-values';
import { callerOf, errorSummary, page, requirePermission, requireSignIn } from '../../web-request';
import { redirectWithFlash, takeFlash } from '../alerts/flash';
import type { JourneyDependencies } from '..';
import { fullName } from '../names';

type Profile = MissingPersonProfileFormQuery['missingPersonProfile'];

/** The profile's own fields (UpdateMissingPersonProfileInput), each a box on the page with its id. */
export const PROFILE_FIELDS = [
  'description',
  'photoReference',
  'medicalNeeds',
  'languages',
  'placesOfConcern',
  'associates',
  'phoneNumbers',
  'socialMedia',
] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];
type ProfileForm = Record<ProfileField, string>;

/** What the fields are called on the page, for the API's messages. */
const NAMES: Record<ProfileField, string> = {
  description: 'The physical description',
  photoReference: 'Where the photograph is held',
  medicalNeeds: 'Medical needs',
  languages: 'Languages and communication',
  placesOfConcern: 'Places of concern',
  associates: 'Associates',
  phoneNumbers: 'Phone numbers',
  socialMedia: 'Social media',
};
const IDS = Object.fromEntries(PROFILE_FIELDS.map((field) => [field, field]));

/**
 * The Philomena profile (web-app.md journey 5, issue 17 item 1): what the police need if the child goes
 * missing, kept ready on one question page at `/children/{id}/profile` and printed in the grab pack.
 * Every field is sent: a box left empty clears what was recorded.
 */
export function profileRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  const mayEdit = (res: Response) => {
    requirePermission(res, Permission.UPDATE_MISSING_PERSON_PROFILE, 'Your role may not edit the profile');
  };
  const readProfile = async (req: Request, res: Response) =>
    (
      await graphql.read(callerOf(req, res), MissingPersonProfileFormDocument, {
        childId: String(req.params.id),
      })
    ).missingPersonProfile;

  const profilePage = (res: Response, profile: Profile, form: ProfileForm, extra: object = {}) =>
    res.render('profile/profile.njk', { profile, name: fullName(profile), form, ...extra });

  router.get(
    '/children/:id/profile',
    requireSignIn,
    page(async (req, res) => {
      mayEdit(res);
      const profile = await readProfile(req, res);
      const form = Object.fromEntries(
        PROFILE_FIELDS.map((field) => [field, profile[field] ?? '']),
      ) as ProfileForm;
      profilePage(res, profile, form, { banner: takeFlash(req) });
    }),
  );

  router.post(
    '/children/:id/profile',
    requireSignIn,
    page(async (req, res) => {
      mayEdit(res);
      const body = req.body as Record<string, unknown>;
      const form = Object.fromEntries(
        PROFILE_FIELDS.map((field) => [field, text(body[field])]),
      ) as ProfileForm;
      const childId = String(req.params.id);
      const outcome = shownOnTheForm(
        await graphql.run(callerOf(req, res), UpdateMissingPersonProfileDocument, {
          input: {
            childId,
            ...Object.fromEntries(PROFILE_FIELDS.map((field) => [field, form[field] || null])),
          },
        }),
      );
      if (!outcome.ok) {
        return profilePage(
          res,
          await readProfile(req, res),
          form,
          errorSummary(inPlainWords(outcome.refusal, NAMES), IDS),
        );
      }
      redirectWithFlash(
        req,
        res,
        'The profile is saved. The grab pack prints it as it is now.',
        `/children/${childId}/profile`,
      );
    }),
  );

  return router;
}
