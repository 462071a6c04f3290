import { createHash } from 'node:crypto';
import { AgeAssessmentOutcome, AgeAssessmentStatus, AgeDeterminedBy } from '@haven/age-assessment';
import { ChildCategory, ChildStatus, NrmDecision } from '@haven/children';
import { schemeEligibility } from '@haven/guardianship';
import { AgendaReason, MeetingStatus, MeetingType } from '@haven/meetings';
import { MissingKind, returnInterviewDueBy, startsSoonAfterPlacement } from '@haven/missing';
import { addWorkingDays, ageOn, groupBy, londonDate, Nation, Role, startOfLondonDay } from '@haven/platform';
// libs/missing does not export its rules module; the generator mirrors it, and this keeps the mirror honest

import {
  apportion,
  AuthorityRef,
  ColumnKind,
  CopyBuffer,
  copyValue,
  dayOf,
  generateChild,
  generateNational,
  isoOf,
  londonDay,
  londonInstant,
  NationalOptions,
  planNational,
  Random,
  TABLES,
  TableSpec,
} from './national';

const AUTHORITIES: AuthorityRef[] = [
  ['E10000016', 'Kent', Nation.ENGLAND],
  ['E09000017', 'Hillingdon', Nation.ENGLAND],
  ['E06000001', 'Hartlepool', Nation.ENGLAND],
  ['W06000015', 'Cardiff', Nation.WALES],
  ['S12000049', 'Glasgow City', Nation.SCOTLAND],
  ['ZT001', 'Belfast Health and Social Care Trust', Nation.NORTHERN_IRELAND],
].map(([code, name, nation], i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  code,
  name,
  nation: nation as Nation,
}));

const AS_OF = '2025-06-15';
const HORIZON = startOfLondonDay(AS_OF).getTime();

function options(seed: number, asOf = AS_OF): NationalOptions {
  return {
    seed,
    asOf,
    children: 2000,
    meetings: 200,
    settings: {
      soonAfterPlacementHours: 72,
      returnInterviewDueHours: 72,
      reasonableGroundsTargetWorkingDays: 5,
      recoveryPeriodDays: { englandAndWales: 30, scotland: 30, northernIreland: 45 },
      guardianAgeLimits: { ictg: 18, scotland: 18, northernIreland: 18 },
    },
  };
}

type DataSet = Map<string, unknown[]>;

function generate(seed: number, asOf = AS_OF): DataSet {
  const rows: DataSet = new Map();
  generateNational(planNational(AUTHORITIES, options(seed, asOf)), {
    add(spec, row) {
      const list = rows.get(spec.name) ?? [];
      list.push(row);
      rows.set(spec.name, list);
    },
  });
  return rows;
}

function rowsOf<R>(data: DataSet, spec: TableSpec<R>): R[] {
  return (data.get(spec.name) ?? []) as R[];
}

/** Collects broken rules, so that a check over thousands of rows fails once, naming the rows. */
function rules() {
  const broken: string[] = [];
  return {
    broken,
    check: (ok: boolean, id: string, rule: string) => {
      if (!ok) broken.push(`${id}: ${rule}`);
    },
  };
}

function latest(values: readonly number[]): number {
  return values.reduce((max, value) => Math.max(max, value), -Infinity);
}

const OPEN_ASSESSMENT = [
  AgeAssessmentStatus.RAISED,
  AgeAssessmentStatus.IN_PROGRESS,
  AgeAssessmentStatus.CHALLENGED,
];

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the national data set', () => {
  let data: DataSet;

  beforeAll(() => {
    data = generate(1);
  });

  describe('is deterministic', () => {
    it('gives the same rows for the same seed and as-of date', () => {
      const again = generate(1);
      expect([...again.keys()]).toEqual([...data.keys()]);
      for (const [name, rows] of data) {
        expect(again.get(name)!.length).toBe(rows.length);
        expect(again.get(name)!.slice(0, 50)).toEqual(rows.slice(0, 50));
      }
    });

    it('differs with another seed or another as-of date', () => {
      const otherSeed = rowsOf(generate(2), TABLES.child);
      const otherDay = rowsOf(generate(1, '2024-01-31'), TABLES.child);
      const children = rowsOf(data, TABLES.child);
      expect(otherSeed[0].id).not.toBe(children[0].id);
      expect(otherSeed.slice(0, 20)).not.toEqual(children.slice(0, 20));
      expect(otherDay.slice(0, 20).map((child) => child.registeredAt)).not.toEqual(
        children.slice(0, 20).map((child) => child.registeredAt),
      );
    });

    it('generates each child on its own: the same rows whatever was generated before', () => {
      const plan = planNational(AUTHORITIES, options(1));
      const later = generateChild(plan, 1500);
      generateChild(plan, 3);
      expect(generateChild(plan, 1500)).toEqual(later);
      expect(rowsOf(data, TABLES.child)[1500]).toEqual(later.child);
    });

    it('gives, for seed 1 and a fixed as-of date, exactly the rows it gave before (a digest pins them)', () => {
      // sha256 over every row in the order generated, each as its table's name and its COPY line; the
      // digest was recorded before the generator was split into modules, and changes only with the output
      const digest = createHash('sha256');
      generateNational(planNational(AUTHORITIES, { ...options(1), children: 300, meetings: 40 }), {
        add(spec, row) {
          const record = row as Record<string, unknown>;
          const columns = Object.entries<ColumnKind>(spec.columns);
          digest.update(
            `${spec.name}\t${columns.map(([key, kind]) => copyValue(kind, record[key])).join('\t')}\n`,
          );
        },
      });
      expect(digest.digest('hex')).toBe('f6fc8e7fbc696a73d1e188acd70ee9d0503d5e73efbdb9f0beec4040653d10e0');
    });

    it('makes version 4 UUIDs from the seeded stream', () => {
      const random = new Random(7);
      const ids = Array.from({ length: 1000 }, () => random.uuid());
      expect(ids.every((id) => UUID_V4.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      expect(rowsOf(data, TABLES.missingEpisode).every((episode) => UUID_V4.test(episode.id))).toBe(true);
    });
  });

  it('writes every column of every table it generates', () => {
    for (const spec of Object.values(TABLES) as TableSpec<object>[]) {
      const [row] = rowsOf(data, spec);
      expect(row).toBeDefined();
      expect(Object.keys(row).sort()).toEqual(Object.keys(spec.columns).sort());
    }
  });

  it('dates nothing on or after the start of the as-of day, but meetings still to come', () => {
    const instants = [
      ...rowsOf(data, TABLES.child).flatMap((c) => [c.registeredAt, c.updatedAt]),
      ...rowsOf(data, TABLES.placement).flatMap((p) => [p.startedAt, p.endedAt ?? 0, p.createdAt]),
      ...rowsOf(data, TABLES.missingEpisode).flatMap((m) => [
        m.missingSince,
        m.returnedAt ?? 0,
        m.reportedAt,
        m.reportedToPoliceAt ?? 0,
        m.interviewOfferedAt ?? 0,
        m.interviewCompletedAt ?? 0,
      ]),
      ...rowsOf(data, TABLES.guardianContact).flatMap((c) => [c.contactedAt, c.recordedAt]),
      ...rowsOf(data, TABLES.meeting).flatMap((m) => [m.createdAt, m.heldAt ?? 0, m.cancelledAt ?? 0]),
    ];
    expect(latest(instants)).toBeLessThan(HORIZON);
    const today = dayOf(AS_OF);
    const days = [
      ...rowsOf(data, TABLES.child).flatMap((c) => [c.closedOn ?? 0, c.asylumClaimDate ?? 0]),
      ...rowsOf(data, TABLES.nrmDecision).map((d) => d.decidedOn),
      ...rowsOf(data, TABLES.ageAssessment).flatMap((a) => [
        a.raisedOn,
        a.completedOn ?? 0,
        a.finalisedOn ?? 0,
      ]),
      ...rowsOf(data, TABLES.guardianAssignment).flatMap((g) => [g.startDate, g.endDate ?? 0]),
    ];
    expect(latest(days)).toBeLessThan(today);
  });

  it("keeps a child's placements consecutive and never overlapping, the last open while the case is", () => {
    const children = new Map(rowsOf(data, TABLES.child).map((child) => [child.id, child]));
    const { broken, check } = rules();
    for (const [childId, placements] of groupBy(rowsOf(data, TABLES.placement), (p) => p.childId)) {
      const child = children.get(childId)!;
      placements.forEach((placement, i) => {
        check(
          (placement.endReason === null) === (placement.endedAt === null),
          placement.id,
          'end reason iff ended',
        );
        check((placement.endedAt ?? Infinity) > placement.startedAt, placement.id, 'ends after it starts');
        check(i === 0 || placement.startedAt === placements[i - 1].endedAt, placement.id, 'follows the last');
      });
      const current = placements[placements.length - 1].endedAt === null;
      check(
        current === (child.status === ChildStatus.OPEN),
        childId,
        'a current placement iff the case is open',
      );
      check(placements[0].startedAt >= child.registeredAt, childId, 'placed once registered');
    }
    expect(broken).toEqual([]);
    expect(new Set(rowsOf(data, TABLES.placement).map((p) => p.childId)).size).toBe(children.size);
  });

  it('keeps missing episodes apart, in the placement current when they began, with the rules of libs/missing', () => {
    const children = new Map(rowsOf(data, TABLES.child).map((child) => [child.id, child]));
    const placements = new Map(rowsOf(data, TABLES.placement).map((p) => [p.id, p]));
    const episodes = rowsOf(data, TABLES.missingEpisode);
    const { broken, check } = rules();
    for (const [childId, own] of groupBy(episodes, (m) => m.childId)) {
      const child = children.get(childId)!;
      own.forEach((episode, i) => {
        const placement = placements.get(episode.placementId)!;
        const soon = startsSoonAfterPlacement(
          new Date(episode.missingSince),
          new Date(placement.startedAt),
          child.arrivalDate === null ? null : isoOf(child.arrivalDate),
          72,
        );
        check(placement.childId === childId, episode.id, "the child's own placement");
        check(
          episode.missingSince >= placement.startedAt &&
            episode.missingSince < (placement.endedAt ?? Infinity),
          episode.id,
          'begins within the placement',
        );
        check(episode.soonAfterPlacement === soon, episode.id, 'soon after placement as libs/missing says');
        check(
          i === 0 || episode.missingSince >= (own[i - 1].returnedAt ?? Infinity),
          episode.id,
          'no overlap',
        );
        check(
          episode.kind === MissingKind.AWAY || episode.policeReference !== null,
          episode.id,
          'police reference',
        );
        if (episode.returnedAt === null) {
          check(
            i === own.length - 1 && child.status === ChildStatus.OPEN,
            episode.id,
            'the one open episode is the last',
          );
          check(episode.returnInterviewDueBy === null, episode.id, 'no interview due while missing');
          return;
        }
        check(episode.returnedAt > episode.missingSince, episode.id, 'returns after going missing');
        check(
          episode.returnInterviewDueBy === returnInterviewDueBy(new Date(episode.returnedAt), 72).getTime(),
          episode.id,
          'interview due 72 hours after the return',
        );
        check(
          episode.interviewOfferedAt === null || episode.interviewOfferedAt >= episode.returnedAt,
          episode.id,
          'offered after the return',
        );
        check(
          episode.interviewCompletedAt === null ||
            (episode.interviewCompletedAt >= episode.interviewOfferedAt! && !episode.interviewDeclined),
          episode.id,
          'completed after the offer, and not declined',
        );
      });
    }
    expect(broken).toEqual([]);
    const soon = episodes.filter((m) => m.soonAfterPlacement).length;
    expect(soon / episodes.length).toBeGreaterThan(0.15);
    expect(soon).toBeLessThan(episodes.length);
  });

  it('has heavy-tailed missing: most children never, about three in ten at least once, some very often', () => {
    const perChild = groupBy(rowsOf(data, TABLES.missingEpisode), (m) => m.childId);
    const share = perChild.size / rowsOf(data, TABLES.child).length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.4);
    expect(Math.max(...[...perChild.values()].map((episodes) => episodes.length))).toBeGreaterThanOrEqual(
      100,
    );
  });

  it('keeps the effective date of birth, the age dispute and the closure consistent, as the triggers would', () => {
    const assessments = new Map(rowsOf(data, TABLES.ageAssessment).map((a) => [a.childId, a]));
    const { broken, check } = rules();
    for (const child of rowsOf(data, TABLES.child)) {
      const assessment = assessments.get(child.id);
      const decided =
        assessment?.status === AgeAssessmentStatus.COMPLETED ||
        assessment?.status === AgeAssessmentStatus.FINAL;
      const open = !!assessment && OPEN_ASSESSMENT.includes(assessment.status);
      const expected = decided ? assessment.assessedDateOfBirth : child.claimedDateOfBirth;
      check(child.effectiveDateOfBirth === expected, child.id, 'effective date of birth');
      check(child.ageDisputed === open, child.id, 'age disputed while an assessment is open');
      check(
        (child.status === ChildStatus.CLOSED) === (child.closureReason !== null && child.closedOn !== null),
        child.id,
        'closed with a reason and a date',
      );
      const age = ageOn(isoOf(child.claimedDateOfBirth), londonDate(new Date(child.registeredAt)));
      check(age >= 12 && age <= 17, child.id, 'registered aged 12 to 17');
      if (!assessment) continue;
      const merton = assessment.twoAssessors && assessment.appropriateAdult && assessment.adversePointsPut;
      check(
        assessment.outcome !== AgeAssessmentOutcome.ASSESSED_ADULT ||
          !!merton ||
          assessment.finalDeterminedBy === AgeDeterminedBy.COURT,
        assessment.id,
        'an adult determination only with the Merton safeguards',
      );
      check(
        (assessment.outcome === null) === OPEN_ASSESSMENT.slice(0, 2).includes(assessment.status),
        assessment.id,
        'an outcome once completed',
      );
    }
    expect(broken).toEqual([]);
  });

  it("refers into the NRM with the 5-working-day target of the nation's calendar and a decision row for each decision", () => {
    const children = new Map(rowsOf(data, TABLES.child).map((child) => [child.id, child]));
    const nations = new Map(AUTHORITIES.map((authority) => [authority.id, authority.nation]));
    const recovery = { ENGLAND: 30, WALES: 30, SCOTLAND: 30, NORTHERN_IRELAND: 45 };
    const decisions = groupBy(rowsOf(data, TABLES.nrmDecision), (d) => d.referralId);
    const referrals = rowsOf(data, TABLES.nrmReferral);
    for (const referral of referrals) {
      const nation = nations.get(referral.localAuthorityId)!;
      expect(isoOf(referral.reasonableGroundsDueBy)).toBe(
        addWorkingDays(isoOf(referral.referredOn), 5, nation),
      );
      expect(referral.reasonableGroundsDecision === NrmDecision.PENDING).toBe(
        referral.reasonableGroundsDecidedOn === null,
      );
      expect(referral.conclusiveGroundsDecision === NrmDecision.PENDING).toBe(
        referral.conclusiveGroundsDecidedOn === null,
      );
      if (referral.conclusiveGroundsDecidedOn !== null) {
        expect(referral.reasonableGroundsDecision).toBe(NrmDecision.POSITIVE);
        expect(referral.conclusiveGroundsDecidedOn).toBeGreaterThanOrEqual(
          referral.reasonableGroundsDecidedOn! + recovery[nation],
        );
      }
      const rows = decisions.get(referral.id) ?? [];
      expect(rows.map((d) => d.decision)).toEqual(
        [referral.reasonableGroundsDecision, referral.conclusiveGroundsDecision].filter(
          (d) => d !== NrmDecision.PENDING,
        ),
      );
      expect(children.get(referral.childId)!.categories).toContain('TRAFFICKED');
    }
    const share = referrals.length / children.size;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.55);
  });

  it('assigns guardians one at a time per child, by the nation’s scheme, under the caseload ceiling', () => {
    const children = new Map(rowsOf(data, TABLES.child).map((child) => [child.id, child]));
    const nations = new Map(AUTHORITIES.map((authority) => [authority.id, authority.nation]));
    const assignments = rowsOf(data, TABLES.guardianAssignment);
    for (const own of groupBy(assignments, (a) => a.childId).values()) {
      own.sort((a, b) => a.startDate - b.startDate);
      own.forEach((assignment, i) => {
        const nation = nations.get(children.get(assignment.childId)!.localAuthorityId);
        const schemes = {
          ENGLAND: ['ICTG_DIRECT', 'ICTG_REGIONAL_COORDINATOR'],
          WALES: ['ICTG_DIRECT', 'ICTG_REGIONAL_COORDINATOR'],
          SCOTLAND: ['SCOTTISH_GUARDIANSHIP'],
          NORTHERN_IRELAND: ['NI_INDEPENDENT_GUARDIAN'],
        };
        expect(schemes[nation!]).toContain(assignment.scheme);
        expect(assignment.endDate === null).toBe(assignment.endReason === null);
        if (assignment.endDate !== null) expect(assignment.endDate).toBeGreaterThan(assignment.startDate);
        if (i > 0) {
          expect(assignment.startDate).toBeGreaterThanOrEqual(own[i - 1].endDate!);
          expect(assignment.guardianId).not.toBe(own[i - 1].guardianId);
        }
      });
    }
    const caseloads = groupBy(
      assignments.filter((a) => a.endDate === null),
      (a) => a.guardianId,
    );
    expect(Math.max(...[...caseloads.values()].map((active) => active.length))).toBeLessThanOrEqual(20);
    const guardians = rowsOf(data, TABLES.practitioner).filter((p) => p.role === Role.GUARDIAN);
    expect(guardians.map((g) => g.subject)).toEqual(guardians.map((_, i) => `national-guardian-${i + 1}`));
  });

  it('assigns guardians by the service’s eligibility rule, parental responsibility included', () => {
    const children = new Map(rowsOf(data, TABLES.child).map((child) => [child.id, child]));
    const nations = new Map(AUTHORITIES.map((authority) => [authority.id, authority.nation]));
    const referred = new Map(rowsOf(data, TABLES.nrmReferral).map((r) => [r.childId, r.referredOn]));
    const settings = {
      caseloadCeiling: 20,
      ageLimits: { ictg: 18, scotland: 18, northernIreland: 18, otherAdvocate: 18 },
    };
    const assignments = rowsOf(data, TABLES.guardianAssignment);
    const refused = assignments.filter((assignment) => {
      const child = children.get(assignment.childId)!;
      const facts = {
        nation: nations.get(child.localAuthorityId)!,
        categories: child.categories,
        referredToNrm: (referred.get(child.id) ?? Infinity) <= assignment.startDate,
        parentalResponsibilityInUk: child.parentalResponsibilityInUk,
        effectiveDateOfBirth: isoOf(child.effectiveDateOfBirth),
        ageDisputed: child.ageDisputed,
      };
      return !schemeEligibility(assignment.scheme, facts, isoOf(assignment.startDate), settings).eligible;
    });
    expect(refused).toEqual([]);
    // an ICTG for a trafficked child before (or without) any NRM referral
    const beforeReferral = assignments.filter((assignment) => {
      const child = children.get(assignment.childId)!;
      return (
        [Nation.ENGLAND, Nation.WALES].includes(nations.get(child.localAuthorityId)!) &&
        (referred.get(child.id) ?? Infinity) > assignment.startDate
      );
    });
    expect(beforeReferral.length).toBeGreaterThan(0);
    const schemes = new Set(assignments.map((assignment) => assignment.scheme));
    expect(schemes).toContain('ICTG_DIRECT');
    expect(schemes).toContain('ICTG_REGIONAL_COORDINATOR');
    // parental responsibility: true, false and not known all occur; an unaccompanied child has no one
    const recorded = [...children.values()];
    for (const value of [true, false, null]) {
      expect(recorded.some((child) => child.parentalResponsibilityInUk === value)).toBe(true);
    }
    expect(
      recorded.filter(
        (child) =>
          child.categories.includes(ChildCategory.UNACCOMPANIED_ASYLUM_SEEKING) &&
          child.parentalResponsibilityInUk === true,
      ),
    ).toEqual([]);
    // trafficked from registration, as the database's trigger would record it
    for (const child of recorded) {
      expect(child.traffickedSince).toBe(
        child.categories.includes(ChildCategory.TRAFFICKED) ? child.registeredAt : null,
      );
    }
  });

  it('discusses only the host authority’s children in meetings, and none in an LSCB subgroup', () => {
    const children = new Map(rowsOf(data, TABLES.child).map((child) => [child.id, child]));
    const meetings = new Map(rowsOf(data, TABLES.meeting).map((meeting) => [meeting.id, meeting]));
    for (const row of rowsOf(data, TABLES.meetingChild)) {
      const meeting = meetings.get(row.meetingId)!;
      expect(meeting.type).not.toBe(MeetingType.LSCB_SUBGROUP);
      expect(children.get(row.childId)!.localAuthorityId).toBe(meeting.localAuthorityId);
    }
    for (const meeting of meetings.values()) {
      expect(meeting.status === MeetingStatus.HELD).toBe(meeting.heldAt !== null);
      expect(meeting.status === MeetingStatus.CANCELLED).toBe(meeting.cancelledAt !== null);
      expect(meeting.type === MeetingType.MISSING_REVIEW).toBe(meeting.agendaSince !== null);
    }
    const agendas = new Set(
      rowsOf(data, TABLES.meetingChild).map((row) => `${row.meetingId} ${row.childId}`),
    );
    for (const action of rowsOf(data, TABLES.meetingAction)) {
      if (action.childId) expect(agendas.has(`${action.meetingId} ${action.childId}`)).toBe(true);
    }
  });

  it("gives each child the authority's own ten-digit person id, unique in the authority, from the seed", () => {
    const children = rowsOf(data, TABLES.child);
    expect(children.every((child) => /^\d{10}$/.test(child.localChildId))).toBe(true);
    for (const authorityChildren of groupBy(children, (child) => child.localAuthorityId).values()) {
      expect(new Set(authorityChildren.map((child) => child.localChildId)).size).toBe(
        authorityChildren.length,
      );
    }
  });

  it('writes one CREATE audit event per child', () => {
    const audit = rowsOf(data, TABLES.auditEvent);
    expect(audit.map((event) => event.entityId)).toEqual(rowsOf(data, TABLES.child).map((child) => child.id));
    expect(new Set(audit.map((event) => `${event.action} ${event.entity} ${event.requestId}`))).toEqual(
      new Set(['CREATE Child seed-national']),
    );
  });
});

describe('London time', () => {
  it('finds the start of each day as the platform does, across the clock changes', () => {
    const days = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26'].map(dayOf);
    for (let day = dayOf('2004-01-01'); day < dayOf('2030-12-31'); day += 3) days.push(day);
    const wrong = days.filter((day) => londonInstant(day, 0) !== startOfLondonDay(isoOf(day)).getTime());
    expect(wrong.map(isoOf)).toEqual([]);
  });

  it('tells the London date of an instant as the platform does', () => {
    const random = new Random(3);
    const instants = Array.from(
      { length: 2000 },
      () => Date.UTC(2005, 0, 1) + random.int(0, 25 * 365) * 86_400_000 + random.int(0, 86_399) * 1000,
    );
    const wrong = instants.filter((instant) => isoOf(londonDay(instant)) !== londonDate(new Date(instant)));
    expect(wrong.map((instant) => new Date(instant).toISOString())).toEqual([]);
  });
});

describe('COPY text format', () => {
  it('escapes backslashes, tabs and newlines, and writes NULL as \\N', () => {
    expect(copyValue('text', 'a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyValue('text', "Nguyễn O'Neill")).toBe("Nguyễn O'Neill");
    expect(copyValue('text', null)).toBe('\\N');
    expect(copyValue('bool', false)).toBe('f');
    expect(copyValue('date', dayOf('2024-02-29'))).toBe('2024-02-29');
    expect(copyValue('ts', Date.UTC(2024, 6, 1, 9, 30, 5))).toBe('2024-07-01 09:30:05+00');
    expect(copyValue('ts', Date.UTC(2024, 6, 1, 9, 30, 5, 250))).toBe('2024-07-01T09:30:05.250Z');
  });

  it('quotes array elements and escapes JSON for COPY', () => {
    expect(copyValue('texts', ['Kurdish (Sorani)', 'a"b', 'c,d'])).toBe(
      '{"Kurdish (Sorani)","a\\\\"b","c,d"}',
    );
    expect(copyValue('texts', [])).toBe('{}');
    expect(copyValue('json', [{ name: 'Minh\tTony', source: 'line\nbreak' }])).toBe(
      '[{"name":"Minh\\\\tTony","source":"line\\\\nbreak"}]',
    );
  });

  it('names the columns in snake case and writes one line per row', () => {
    const buffer = new CopyBuffer(TABLES.meetingChild);
    buffer.add({
      meetingId: 'm',
      childId: 'c',
      localAuthorityId: 'la',
      addedBecause: AgendaReason.NAMED,
      decision: null,
    });
    buffer.flush();
    expect(buffer.statement).toBe(
      'COPY meeting_child (meeting_id, child_id, local_authority_id, added_because, decision) FROM STDIN',
    );
    expect(buffer.chunks.map((chunk) => chunk.bytes.toString('utf8'))).toEqual(['m\tc\tla\tNAMED\t\\N\n']);
  });
});

describe('apportion', () => {
  it('splits a total exactly in proportion', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100_000, [5, 0.02, 3]).reduce((a, b) => a + b, 0)).toBe(100_000);
  });
});
