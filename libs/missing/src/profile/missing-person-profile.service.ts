import { Injectable } from '@nestjs/common';
import { ChildrenService } from '@haven/children';
import {
  AuditAction,
  Clock,
  ExportLinks,
  OrganisationsService,
  PractitionersService,
  queryRow,
  RequestContext,
} from '@haven/platform';
import { z } from 'zod';
import { MissingService } from '../missing.service';
import { MissingPersonProfileModel } from './missing-person-profile.model';
import { UpdateMissingPersonProfileInput } from './update-missing-person-profile.input';

const VersionRow = z.object({ version: z.number() });

const ENTITY = 'MissingPersonProfile';
export const PROFILE_LINK_PURPOSE = 'missing-person-profile';
const LINK_MINUTES = 30;
const FIELDS = [
  'description',
  'photoReference',
  'associates',
  'placesOfConcern',
  'phoneNumbers',
  'socialMedia',
  'medicalNeeds',
  'languages',
] as const;
const COLUMNS: Record<(typeof FIELDS)[number], string> = {
  description: 'description',
  photoReference: 'photo_reference',
  associates: 'associates',
  placesOfConcern: 'places_of_concern',
  phoneNumbers: 'phone_numbers',
  socialMedia: 'social_media',
  medicalNeeds: 'medical_needs',
  languages: 'languages',
};

@Injectable()
export class MissingPersonProfileService {
  constructor(
    private readonly children: ChildrenService,
    private readonly missing: MissingService,
    private readonly organisations: OrganisationsService,
    private readonly practitioners: PractitionersService,
    private readonly clock: Clock,
    private readonly links: ExportLinks,
  ) {}

  async update(
    ctx: RequestContext,
    input: UpdateMissingPersonProfileInput,
  ): Promise<MissingPersonProfileModel> {
    const child = await this.children.requireVisible(ctx, input.childId);
    const given = FIELDS.filter((field) => input[field] !== undefined);
    const em = await ctx.em();
    const values = given.map((field) => input[field] ?? null);
    const { version } = await queryRow(
      em,
      VersionRow,
      `INSERT INTO missing_person_profile (child_id, local_authority_id, updated_by
                                           ${given.map((field) => `, ${COLUMNS[field]}`).join('')})
       VALUES ($1, $2, $3 ${given.map((_, index) => `, $${index + 4}`).join('')})
       ON CONFLICT (child_id) DO UPDATE SET version = missing_person_profile.version + 1, updated_at = now(),
              updated_by = excluded.updated_by ${given.map((field) => `, ${COLUMNS[field]} = excluded.${COLUMNS[field]}`).join('')}
       RETURNING version`,
      [child.id, child.localAuthorityId, ctx.actor.practitionerId, ...values],
    );
    ctx.audit(version === 1 ? AuditAction.CREATE : AuditAction.UPDATE, ENTITY, child, { fields: given });
    return this.build(ctx, child.id);
  }

  /** The profile as handed to the police: audited as an EXPORT. */
  async export(
    ctx: RequestContext,
    childId: string,
    via: 'api' | 'print',
  ): Promise<MissingPersonProfileModel> {
    const child = await this.children.findVisible(ctx, childId);
    const profile = await this.build(ctx, child.id);
    ctx.audit(AuditAction.EXPORT, ENTITY, child, { via, episodeId: profile.currentEpisode?.id ?? null });
    return profile;
  }

  private async build(ctx: RequestContext, childId: string): Promise<MissingPersonProfileModel> {
    const em = await ctx.em();
    const row = await queryRow(
      em,
      ProfileRow,
      `SELECT c.id, c.local_authority_id, c.allocated_worker_id, c.given_name, c.family_name, c.preferred_name, c.aliases,
              c.effective_date_of_birth, c.age_disputed, c.gender, c.nationality, c.languages AS spoken_languages,
              c.interpreter_needed, p.description, p.photo_reference, p.associates, p.places_of_concern, p.phone_numbers,
              p.social_media, p.medical_needs, p.languages, coalesce(p.version, 0) AS version, p.updated_at
         FROM child c LEFT JOIN missing_person_profile p ON p.child_id = c.id WHERE c.id = $1`,
      [childId],
    );
    const [episode, authority, worker] = await Promise.all([
      this.missing.openEpisode(ctx, childId),
      this.organisations.loader(ctx).load(row.local_authority_id),
      row.allocated_worker_id
        ? this.practitioners.loader(ctx).load(row.allocated_worker_id)
        : Promise.resolve(null),
    ]);
    const link = this.links.sign(PROFILE_LINK_PURPOSE, ctx.actor.practitionerId, childId, LINK_MINUTES);
    return {
      childId: row.id,
      localAuthorityId: row.local_authority_id,
      allocatedWorkerId: row.allocated_worker_id,
      givenName: row.given_name,
      familyName: row.family_name,
      preferredName: row.preferred_name,
      aliases: row.aliases.map((alias) => ({ name: alias.name, source: alias.source ?? null })),
      dateOfBirth: row.effective_date_of_birth,
      ageDisputed: row.age_disputed,
      gender: row.gender,
      nationality: row.nationality,
      spokenLanguages: row.spoken_languages,
      interpreterNeeded: row.interpreter_needed,
      description: row.description,
      photoReference: row.photo_reference,
      associates: row.associates,
      placesOfConcern: row.places_of_concern,
      phoneNumbers: row.phone_numbers,
      socialMedia: row.social_media,
      medicalNeeds: row.medical_needs,
      languages: row.languages,
      version: row.version,
      updatedAt: row.updated_at,
      currentEpisode: episode,
      responsibleAuthority: authority!,
      allocatedWorker: worker,
      printUrl: `/exports/missing-person-profile/${link}`,
      generatedAt: this.clock.now(),
    };
  }
}

const ProfileRow = z.object({
  id: z.string(),
  local_authority_id: z.string(),
  allocated_worker_id: z.string().nullable(),
  given_name: z.string(),
  family_name: z.string().nullable(),
  preferred_name: z.string().nullable(),
  aliases: z.array(z.object({ name: z.string(), source: z.string().nullish() })),
  effective_date_of_birth: z.string().nullable(),
  age_disputed: z.boolean(),
  gender: z.string(),
  nationality: z.string().nullable(),
  spoken_languages: z.array(z.string()),
  interpreter_needed: z.boolean(),
  description: z.string().nullable(),
  photo_reference: z.string().nullable(),
  associates: z.string().nullable(),
  places_of_concern: z.string().nullable(),
  phone_numbers: z.string().nullable(),
  social_media: z.string().nullable(),
  medical_needs: z.string().nullable(),
  languages: z.string().nullable(),
  version: z.number(),
  updated_at: z.date().nullable(),
});
