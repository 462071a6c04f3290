import { DataSource, EntityManager } from 'typeorm';
import {
  ChildFactsRow,
  GuardianScheme,
  schemeEligibility,
  schemesServing,
  toFacts,
} from '@haven/guardianship';
import {
  addDays,
  addWorkingDays,
  addYears,
  execute,
  loadConfig,
  londonDate,
  Nation,
  queryRow,
  queryRows,
} from '@haven/platform';
import { z } from 'zod';

/** Authorities in each nation, with a social worker and a team manager each. */
const AUTHORITIES = [
  { code: 'E09000017', slug: 'hillingdon', worker: 'Sam Okafor', manager: 'Priya Shah' },
  { code: 'E10000016', slug: 'kent', worker: 'Tom Hughes', manager: 'Grace Mensah' },
  { code: 'S12000049', slug: 'glasgow', worker: 'Morag Campbell', manager: 'Iain Fraser' },
  { code: 'W06000015', slug: 'cardiff', worker: 'Rhys Evans', manager: 'Carys Jones' },
  { code: 'ZT001', slug: 'belfast', worker: 'Niamh Kelly', manager: 'Declan Murphy' },
];

const PROVIDERS = [
  { code: 'ICTG-BARNARDOS', guardians: ['Alex Turner', 'Fatima Begum'] },
  { code: 'SGS-ALADDIN', guardians: ['Eilidh Ross'] },
  { code: 'NIIG-BARNARDOS', guardians: ['Siobhan Quinn'] },
];

interface DemoChild {
  given: string;
  family: string | null;
  aliases: [string, string][];
  age: number;
  days: number;
  gender: 'FEMALE' | 'MALE';
  nationality: string | null;
  basis: 'CLAIMED' | 'SUSPECTED' | 'DOCUMENTED' | null;
  categories: string[];
  exploitation: string[];
  route: string;
  immigration: string | null;
  nrm?: 'pending' | 'positive' | 'concluded' | 'overdue';
  /** An age dispute: still open, or completed with the child assessed older but still a child. */
  dispute?: 'open' | 'older';
  languages: string[];
}

const C = (
  given: string,
  family: string | null,
  age: number,
  days: number,
  gender: 'FEMALE' | 'MALE',
  nationality: string | null,
  categories: string[],
  exploitation: string[],
  extra: Partial<DemoChild> = {},
): DemoChild => ({
  given,
  family,
  aliases: [],
  age,
  days,
  gender,
  nationality,
  basis: nationality ? 'CLAIMED' : null,
  categories,
  exploitation,
  route: 'CLANDESTINE_ENTRY',
  immigration: 'ASYLUM_CLAIM_PENDING',
  languages: [],
  ...extra,
});

const T = 'TRAFFICKED';
const U = 'UNACCOMPANIED_ASYLUM_SEEKING';
const S = 'SEPARATED';
const R = 'AT_RISK_OF_EXPLOITATION';

/** Children with uncertain identities and the histories the domain describes. */
const CHILDREN: DemoChild[] = [
  C('Minh', 'Nguyễn', 16, 40, 'MALE', 'VN', [T, U], ['CRIMINAL_CANNABIS_CULTIVATION'], {
    aliases: [
      ['Nguyen Van Minh', 'Home Office screening'],
      ['Tony', 'name used by exploiters'],
    ],
    nrm: 'positive',
    languages: ['Vietnamese'],
  }),
  C('Thị Lan', 'Trần', 15, 120, 'FEMALE', 'VN', [T, U], ['LABOUR'], {
    aliases: [['Lan Tran', 'nail bar employer']],
    nrm: 'pending',
    languages: ['Vietnamese'],
  }),
  C('Ardit', 'Hoxha', 17, 300, 'MALE', 'AL', [T, U], ['CRIMINAL_COUNTY_LINES'], {
    aliases: [['Ardi', 'police intelligence']],
    nrm: 'concluded',
    languages: ['Albanian'],
  }),
  C('Dawit', 'Tesfay', 16, 200, 'MALE', 'ER', [U], [], { basis: 'SUSPECTED', languages: ['Tigrinya'] }),
  C('Senait', 'Haile', 17, 90, 'FEMALE', 'ER', [T, U], ['SEXUAL'], {
    nrm: 'overdue',
    languages: ['Tigrinya', 'Arabic'],
  }),
  C('Ahmad', 'Rahimi', 15, 30, 'MALE', 'AF', [U], [], { languages: ['Dari', 'Pashto'] }),
  C('Mohammed', 'Osman', 17, 10, 'MALE', 'SD', [U, R], ['UNKNOWN'], {
    aliases: [['Mohamed Othman', 'age dispute referral']],
    dispute: 'open',
    languages: ['Arabic'],
  }),
  C('Blessing', 'Okoro', 16, 500, 'FEMALE', 'NG', [T, S], ['DOMESTIC_SERVITUDE'], {
    aliases: [
      ['Blessing Okonkwo', 'passport used on entry'],
      ['Ada', 'name given by the family she worked for'],
    ],
    route: 'PORT_OF_ENTRY',
    nrm: 'positive',
    languages: ['English', 'Igbo'],
  }),
  C('Andrei', 'Popescu', 15, 60, 'MALE', 'RO', [T, S], ['CRIMINAL_BEGGING', 'CRIMINAL_THEFT'], {
    immigration: 'EEA_NATIONAL',
    route: 'PORT_OF_ENTRY',
    nrm: 'pending',
    languages: ['Romanian'],
  }),
  C('Kayden', 'Smith', 15, 700, 'MALE', 'GB', [T, R], ['CRIMINAL_COUNTY_LINES'], {
    basis: 'DOCUMENTED',
    route: 'INTERNAL',
    immigration: 'BRITISH_OR_SETTLED',
    nrm: 'positive',
  }),
  C('Chloe', 'Walker', 14, 900, 'FEMALE', 'GB', [T], ['SEXUAL'], {
    basis: 'DOCUMENTED',
    route: 'INTERNAL',
    immigration: 'BRITISH_OR_SETTLED',
    nrm: 'concluded',
  }),
  C('Hamid', null, 17, 25, 'MALE', null, [U], [], {
    dispute: 'older',
    route: 'UNKNOWN',
    immigration: 'UNKNOWN',
    languages: ['Kurdish (Sorani)'],
  }),
  C('Yonas', 'Gebremedhin', 17, 150, 'MALE', 'ET', [U], [], {
    immigration: 'UASC_LEAVE',
    languages: ['Amharic'],
  }),
  C('Amira', 'Hassan', 16, 80, 'FEMALE', 'SY', [U, S], [], {
    route: 'NATIONAL_TRANSFER',
    immigration: 'REFUGEE_STATUS',
    languages: ['Arabic'],
  }),
  C('Florian', 'Dervishi', 16, 45, 'MALE', 'AL', [T, U], ['LABOUR'], {
    aliases: [['Flori', 'car wash employer']],
    nrm: 'pending',
    languages: ['Albanian'],
  }),
  C('Van Hung', 'Phạm', 15, 5, 'MALE', 'VN', [T, U], ['CRIMINAL_CANNABIS_CULTIVATION'], {
    aliases: [['Hung Pham', 'police custody record']],
    languages: ['Vietnamese'],
  }),
  C('Precious', 'Adeyemi', 17, 400, 'FEMALE', 'NG', [T], ['SEXUAL', 'DOMESTIC_SERVITUDE'], {
    nrm: 'positive',
    route: 'PORT_OF_ENTRY',
    languages: ['English', 'Yoruba'],
  }),
  C('Zainab', 'Sesay', 16, 220, 'FEMALE', 'SL', [T, U], ['DOMESTIC_SERVITUDE'], {
    nrm: 'positive',
    languages: ['Krio', 'English'],
  }),
  C('Bilal', 'Ahmadzai', 17, 330, 'MALE', 'AF', [U], [], {
    immigration: 'REFUSED_APPEAL_PENDING',
    languages: ['Pashto'],
  }),
  C('Mihai', 'Lungu', 16, 15, 'MALE', 'RO', [T, S], ['BENEFIT_FRAUD'], {
    immigration: 'EEA_NATIONAL',
    languages: ['Romanian'],
  }),
  C('Jamal', 'Abdi', 17, 600, 'MALE', 'SO', [U, R], ['CRIMINAL_COUNTY_LINES'], {
    immigration: 'HUMANITARIAN_PROTECTION',
    languages: ['Somali'],
  }),
  C('Esi', 'Mensah', 15, 260, 'FEMALE', 'GH', [T, S], ['LABOUR'], {
    nrm: 'pending',
    languages: ['Twi', 'English'],
  }),
  C('Leon', 'Brown', 16, 365, 'MALE', 'GB', [R], ['UNKNOWN'], {
    basis: 'DOCUMENTED',
    route: 'INTERNAL',
    immigration: 'BRITISH_OR_SETTLED',
  }),
  C('Kiros', 'Weldemichael', 17, 100, 'MALE', 'ER', [T, U], ['LABOUR'], {
    nrm: 'overdue',
    languages: ['Tigrinya'],
  }),
  C('Tuan', 'Lê', 16, 2, 'MALE', 'VN', [U], [], { basis: 'SUSPECTED', languages: ['Vietnamese'] }),
];

export interface SeedResult {
  children: number;
  skipped: boolean;
}

/** A small, realistic data set: a few authorities in each nation and a few dozen children. */
export async function seedDemo(dataSource: DataSource, today = londonDate(new Date())): Promise<SeedResult> {
  return dataSource.transaction(async (em) => {
    const { seeded } = await queryRow(
      em,
      z.object({ seeded: z.number() }),
      `SELECT count(*)::int AS seeded FROM child c JOIN practitioner p ON p.id = c.registered_by WHERE p.subject LIKE 'demo-%'`,
    );
    if (seeded > 0) return { children: 0, skipped: true };

    const workers: { id: string; authorityId: string }[] = [];
    for (const authority of AUTHORITIES) {
      const { id: authorityId } = await queryRow(
        em,
        z.object({ id: z.string() }),
        'SELECT id FROM organisation WHERE code = $1',
        [authority.code],
      );
      const workerId = await practitioner(
        em,
        `demo-sw-${authority.slug}`,
        authority.worker,
        'SOCIAL_WORKER',
        authorityId,
      );
      await practitioner(em, `demo-tm-${authority.slug}`, authority.manager, 'TEAM_MANAGER', authorityId);
      workers.push({ id: workerId, authorityId });
    }
    for (const provider of PROVIDERS) {
      await execute(
        em,
        `INSERT INTO organisation (code, name, kind) VALUES ($1, $1, 'GUARDIANSHIP_PROVIDER') ON CONFLICT (code) DO NOTHING`,
        [provider.code],
      );
      const { id } = await queryRow(
        em,
        z.object({ id: z.string() }),
        'SELECT id FROM organisation WHERE code = $1',
        [provider.code],
      );
      for (const [index, name] of provider.guardians.entries()) {
        await practitioner(
          em,
          `demo-guardian-${provider.code.toLowerCase()}-${index + 1}`,
          name,
          'GUARDIAN',
          id,
        );
      }
    }

    for (const [index, child] of CHILDREN.entries()) {
      const worker = workers[index % workers.length];
      // born so that the child is `age` today, with birthdays spread over the year
      const dateOfBirth = addDays(addYears(today, -child.age - 1), 30 + ((index * 47) % 330));
      const arrival = addDays(today, -child.days);
      const { id } = await queryRow(
        em,
        z.object({ id: z.string() }),
        `INSERT INTO child (local_authority_id, given_name, family_name, aliases, claimed_date_of_birth,
                            effective_date_of_birth, gender, nationality, nationality_basis, languages, interpreter_needed,
                            categories, exploitation_types, arrival_date, arrival_route, legal_status, immigration_status,
                            asylum_claim_date, allocated_worker_id, registered_by, registered_at, local_child_id)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'S20_ACCOMMODATED', $15, $16, $17, $17,
                 $18::date + time '10:00', $19)
         RETURNING id`,
        [
          worker.authorityId,
          child.given,
          child.family,
          JSON.stringify(child.aliases.map(([name, source]) => ({ name, source }))),
          dateOfBirth,
          child.gender,
          child.nationality,
          child.basis,
          child.languages,
          child.languages.length > 0 && !child.languages.includes('English'),
          child.categories,
          child.exploitation,
          arrival,
          child.route,
          child.immigration,
          child.immigration === 'ASYLUM_CLAIM_PENDING' ? addDays(arrival, 3) : null,
          worker.id,
          arrival,
          demoLocalChildId(index),
        ],
      );
      if (child.nrm) await referral(em, id, worker, arrival, child.nrm, today);
      if (child.dispute) await ageDispute(em, id, worker, arrival, child.dispute, dateOfBirth, today);
    }
    await assignGuardians(em, today);
    await placementsAndEpisodes(em);
    await missingReview(em, today);
    return { children: CHILDREN.length, skipped: false };
  });
}

/** The authority's own (case-management) person id: six digits, one per demo child, never a national seed's ten. */
function demoLocalChildId(index: number): string {
  return String(204_100 + index * 37);
}

async function practitioner(
  em: EntityManager,
  subject: string,
  name: string,
  role: string,
  organisationId: string,
) {
  const { id } = await queryRow(
    em,
    z.object({ id: z.string() }),
    `INSERT INTO practitioner (subject, name, role, organisation_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (subject) DO UPDATE SET name = excluded.name RETURNING id`,
    [subject, name, role, organisationId],
  );
  return id;
}

async function referral(
  em: EntityManager,
  childId: string,
  worker: { id: string; authorityId: string },
  arrival: string,
  stage: 'pending' | 'positive' | 'concluded' | 'overdue',
  today: string,
): Promise<void> {
  const referredOn =
    stage === 'overdue'
      ? addDays(today, -12)
      : stage === 'pending'
        ? addDays(today, -2)
        : addDays(arrival, 7);
  const { nation } = await queryRow(
    em,
    z.object({ nation: z.enum(Nation) }),
    `SELECT nation FROM organisation WHERE id = $1`,
    [worker.authorityId],
  );
  const dueBy = addWorkingDays(referredOn, 5, nation);
  const rgOn = stage === 'positive' || stage === 'concluded' ? addDays(referredOn, 4) : null;
  const cgOn = stage === 'concluded' && rgOn ? addDays(rgOn, 120) : null;
  const { id } = await queryRow(
    em,
    z.object({ id: z.string() }),
    `INSERT INTO nrm_referral (child_id, local_authority_id, referred_on, first_responder, competent_authority,
                               reasonable_grounds_decision, reasonable_grounds_decided_on, reasonable_grounds_due_by,
                               conclusive_grounds_decision, conclusive_grounds_decided_on, recorded_by)
     VALUES ($1, $2, $3, 'CHILDRENS_SERVICES', 'SINGLE_COMPETENT_AUTHORITY', $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      childId,
      worker.authorityId,
      referredOn,
      rgOn ? 'POSITIVE' : 'PENDING',
      rgOn,
      dueBy,
      cgOn ? 'POSITIVE' : 'PENDING',
      cgOn,
      worker.id,
    ],
  );
  for (const [decisionStage, decidedOn] of [
    ['REASONABLE_GROUNDS', rgOn],
    ['CONCLUSIVE_GROUNDS', cgOn],
  ] as const) {
    if (!decidedOn) continue;
    await execute(
      em,
      `INSERT INTO nrm_decision (referral_id, child_id, local_authority_id, stage, decision, decided_on, recorded_by)
       VALUES ($1, $2, $3, $4, 'POSITIVE', $5, $6)`,
      [id, childId, worker.authorityId, decisionStage, decidedOn, worker.id],
    );
  }
}

async function ageDispute(
  em: EntityManager,
  childId: string,
  worker: { id: string; authorityId: string },
  arrival: string,
  kind: 'open' | 'older',
  claimed: string,
  today: string,
): Promise<void> {
  const raisedOn = addDays(arrival, 2) > today ? today : addDays(arrival, 2);
  if (kind === 'open') {
    await execute(
      em,
      `INSERT INTO age_assessment (child_id, local_authority_id, raised_on, raised_by, reason, claimed_date_of_birth, created_by)
       VALUES ($1, $2, $3, 'HOME_OFFICE', 'Physical appearance and demeanour at screening', $4, $5)`,
      [childId, worker.authorityId, raisedOn, claimed, worker.id],
    );
    return;
  }
  await execute(
    em,
    `INSERT INTO age_assessment (child_id, local_authority_id, raised_on, raised_by, reason, claimed_date_of_birth, status,
                                 started_on, outcome, assessed_date_of_birth, completed_on, two_assessors, appropriate_adult,
                                 interpreter_used, adverse_points_put, written_reasons, final_determined_by, created_by)
     VALUES ($1, $2, $3, 'POLICE', 'No documents; claimed age doubted on arrest', $4, 'COMPLETED', $3, 'ASSESSED_OLDER_STILL_CHILD',
             $5, $6, true, true, true, true, true, 'LOCAL_AUTHORITY', $7)`,
    [childId, worker.authorityId, raisedOn, claimed, addDays(claimed, -200), today, worker.id],
  );
}

/**
 * Whether anyone in the UK holds parental responsibility, as the demo records it (absent: not known):
 * unaccompanied children have no one; UK children's parents share it with the authority.
 */
const PARENTAL_RESPONSIBILITY_IN_UK: Record<string, boolean> = {
  Minh: false,
  'Thị Lan': false,
  Ardit: false,
  Dawit: false,
  Senait: false,
  Ahmad: false,
  Mohammed: false,
  Andrei: true,
  Kayden: true,
  Chloe: true,
  Hamid: false,
  Yonas: false,
  Amira: false,
  Florian: false,
  'Van Hung': false,
  Zainab: false,
  Bilal: false,
  Jamal: false,
  Esi: false,
  Leon: true,
  Kiros: false,
  Tuan: false,
};

/** The provider whose guardians serve each scheme in the demo. */
const DEMO_PROVIDER: Record<GuardianScheme, string> = {
  ICTG_DIRECT: 'ICTG-BARNARDOS',
  ICTG_REGIONAL_COORDINATOR: 'ICTG-BARNARDOS',
  SCOTTISH_GUARDIANSHIP: 'SGS-ALADDIN',
  NI_INDEPENDENT_GUARDIAN: 'NIIG-BARNARDOS',
  OTHER_ADVOCATE: 'ICTG-BARNARDOS',
};

/**
 * Guardians for the children each nation's scheme serves, chosen by the service's own rule
 * (scheme-rules.ts): the first statutory scheme the child is eligible for, two weeks ago.
 */
async function assignGuardians(em: EntityManager, today: string): Promise<void> {
  const start = addDays(today, -14);
  await execute(
    em,
    `UPDATE child c SET parental_responsibility_in_uk = pr.value
       FROM unnest($1::text[], $2::boolean[]) AS pr(given_name, value), practitioner p
      WHERE c.given_name = pr.given_name AND p.id = c.registered_by AND p.subject LIKE 'demo-%'`,
    [Object.keys(PARENTAL_RESPONSIBILITY_IN_UK), Object.values(PARENTAL_RESPONSIBILITY_IN_UK)],
  );
  const children = await queryRows(
    em,
    DemoFacts,
    `SELECT c.id, c.local_authority_id, o.nation, c.categories, c.parental_responsibility_in_uk,
            c.effective_date_of_birth, c.age_disputed,
            EXISTS (SELECT 1 FROM nrm_referral r WHERE r.child_id = c.id AND r.referred_on <= $1) AS referred
       FROM child c JOIN organisation o ON o.id = c.local_authority_id JOIN practitioner p ON p.id = c.registered_by
      WHERE p.subject LIKE 'demo-%' ORDER BY c.registered_at, c.id`,
    [start],
  );
  const guardians = await queryRows(
    em,
    z.object({ id: z.string(), organisation_id: z.string(), code: z.string() }),
    `SELECT p.id, p.organisation_id, o.code FROM practitioner p JOIN organisation o ON o.id = p.organisation_id
      WHERE p.subject LIKE 'demo-guardian-%' ORDER BY p.subject`,
  );
  const settings = loadConfig().guardianship;
  const turns = new Map<string, number>();
  for (const child of children) {
    const facts = toFacts(child);
    const scheme = schemesServing(child.nation).find(
      (candidate) =>
        candidate !== GuardianScheme.OTHER_ADVOCATE &&
        schemeEligibility(candidate, facts, start, settings).eligible,
    );
    if (!scheme) continue;
    const roster = guardians.filter((guardian) => guardian.code === DEMO_PROVIDER[scheme]);
    const turn = turns.get(DEMO_PROVIDER[scheme]) ?? 0;
    turns.set(DEMO_PROVIDER[scheme], turn + 1);
    const guardian = roster[turn % roster.length];
    await execute(
      em,
      `INSERT INTO guardian_assignment (child_id, local_authority_id, guardian_id, provider_id, scheme, start_date)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [child.id, child.local_authority_id, guardian.id, guardian.organisation_id, scheme, start],
    );
  }
}

const DemoFacts = ChildFactsRow.extend({ id: z.string(), local_authority_id: z.string() });

/**
 * Every child placed on arrival; some moved on, a few in unsafe accommodation; missing episodes in
 * the patterns the documents describe: soon after placement, repeated, one child missing now.
 */
async function placementsAndEpisodes(em: EntityManager): Promise<void> {
  await execute(
    em,
    `
    WITH children AS (
      SELECT c.id, c.local_authority_id, c.arrival_date, c.registered_by,
             row_number() OVER (ORDER BY c.registered_at, c.id) AS n
        FROM child c JOIN practitioner p ON p.id = c.registered_by WHERE p.subject LIKE 'demo-%'
    )
    INSERT INTO placement (child_id, local_authority_id, type, provider, address, started_at, ended_at, end_reason,
                           out_of_area, specialist, safety_plan, unsafe, created_by)
    SELECT id, local_authority_id,
           (ARRAY['FOSTER_CARE', 'RESIDENTIAL_CHILDRENS_HOME', 'SPECIALIST_FOSTER_CARE', 'SUPPORTED_ACCOMMODATION',
                  'BED_AND_BREAKFAST'])[1 + n % 5],
           'Demo provider ' || n, n || ' Demo Street', arrival_date + time '18:00', NULL, NULL,
           n % 4 = 0, n % 5 = 2, n % 2 = 0, n % 5 = 4, registered_by
      FROM children`,
  );
  // missing's rules, with the default 72 hours (MISSING_SOON_AFTER_PLACEMENT_HOURS, RETURN_INTERVIEW_DUE_HOURS)
  await execute(
    em,
    `
    WITH children AS (
      SELECT c.id, c.local_authority_id, c.arrival_date, c.registered_by, p.id AS placement_id, p.started_at,
             row_number() OVER (ORDER BY c.registered_at, c.id) AS n
        FROM child c JOIN placement p ON p.child_id = c.id
       WHERE c.registered_by IN (SELECT id FROM practitioner WHERE subject LIKE 'demo-%')
    )
    INSERT INTO missing_episode (child_id, local_authority_id, kind, placement_id, missing_since, reported_to_police_at,
                                 police_reference, police_risk_level, last_seen_location, last_seen_with,
                                 trafficker_contact_feared, soon_after_placement, returned_at, return_interview_due_by,
                                 found_by, interview_offered_at, interview_completed_at, reported_by)
    SELECT id, local_authority_id, CASE WHEN n % 3 = 0 THEN 'AWAY' ELSE 'MISSING' END, placement_id,
           started_at + make_interval(hours => 20), started_at + make_interval(hours => 21),
           'DEMO/' || n, (ARRAY['HIGH', 'MEDIUM', 'LOW'])[1 + n % 3], 'Near the placement', 'Unknown adults',
           n % 2 = 0, haven_soon_after_placement(started_at + make_interval(hours => 20), started_at, arrival_date, 72),
           started_at + make_interval(hours => 40),
           haven_return_interview_due_by(started_at + make_interval(hours => 40), 72),
           'POLICE', started_at + make_interval(hours => 50),
           CASE WHEN n % 4 = 0 THEN NULL ELSE started_at + make_interval(hours => 60) END, registered_by
      FROM children WHERE n % 2 = 1 AND started_at < now() - interval '3 days'`,
  );
  // Senait: missing now, and the profile the police will need
  await execute(
    em,
    `
    INSERT INTO missing_episode (child_id, local_authority_id, kind, placement_id, missing_since, reported_to_police_at,
                                 police_reference, police_risk_level, last_seen_location, last_seen_with, circumstances,
                                 trafficker_contact_feared, soon_after_placement, reported_by)
    SELECT c.id, c.local_authority_id, 'MISSING', p.id, now() - interval '5 hours', now() - interval '4 hours',
           'DEMO/NOW', 'HIGH', 'Bus station', 'Two men in a grey car', 'Left after a phone call', true, false, c.registered_by
      FROM child c JOIN placement p ON p.child_id = c.id
     WHERE c.given_name = 'Senait'
       AND NOT EXISTS (SELECT 1 FROM open_missing_episode m WHERE m.child_id = c.id)`,
  );
  await execute(
    em,
    `
    INSERT INTO missing_person_profile (child_id, local_authority_id, description, photo_reference, associates,
                                        places_of_concern, phone_numbers, medical_needs, languages, updated_by)
    SELECT c.id, c.local_authority_id, 'About 165cm, slim, short black hair, small scar above right eyebrow',
           'Photo held on case file (taken at placement)', 'A man known as "Sami"', 'Addresses near the bus station',
           '07700 900123 (own phone)', 'None known', 'Tigrinya; some Arabic; little English', c.registered_by
      FROM child c WHERE c.given_name IN ('Senait', 'Minh', 'Blessing')
    ON CONFLICT (child_id) DO NOTHING`,
  );
}

/** Hillingdon's frontline group met three weeks ago about every child missing; one action is overdue. */
async function missingReview(em: EntityManager, today: string): Promise<void> {
  const { id, authority } = await queryRow(
    em,
    z.object({ id: z.string(), authority: z.string() }),
    `INSERT INTO meeting (local_authority_id, type, status, scheduled_for, held_at, chair, agenda_since, created_by)
     SELECT o.id, 'MISSING_REVIEW', 'HELD', $1::date - 21 + time '10:00', $1::date - 21 + time '10:05', 'Priya Shah',
            $1::date - 63, p.id
       FROM organisation o JOIN practitioner p ON p.subject = 'demo-tm-hillingdon' WHERE o.code = 'E09000017'
     RETURNING id, local_authority_id AS authority`,
    [today],
  );
  await execute(
    em,
    `INSERT INTO meeting_child (meeting_id, child_id, local_authority_id, added_because, decision)
     SELECT DISTINCT ON (m.child_id) $1::uuid, m.child_id, m.local_authority_id, 'MISSING_SINCE_LAST_REVIEW',
            'Safety plan reviewed; return interview findings shared with police'
       FROM missing_episode m WHERE m.local_authority_id = $2 AND m.missing_since < $3::date - 21`,
    [id, authority, today],
  );
  for (const [name, agency, attended] of [
    ['Priya Shah', 'CHILDRENS_SERVICES', true],
    ['DS Amira Khan', 'POLICE', true],
    ['Alex Turner', 'GUARDIANSHIP_SERVICE', true],
    ['School nurse', 'HEALTH', false],
  ] as const) {
    await execute(
      em,
      `INSERT INTO meeting_attendee (meeting_id, name, agency, attended) VALUES ($1, $2, $3, $4)`,
      [id, name, agency, attended],
    );
  }
  await execute(
    em,
    `INSERT INTO meeting_action (meeting_id, local_authority_id, child_id, description, owner, due_on)
     VALUES ($1, $2, NULL, 'Map addresses of concern with the police', 'DS Amira Khan', $3::date - 7),
            ($1, $2, NULL, 'Brief carers on the grab pack', 'Priya Shah', $3::date + 14)`,
    [id, authority, today],
  );
}
