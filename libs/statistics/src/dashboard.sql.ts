import { guardianEligibleSql, hasGuardianSql } from '@haven/guardianship';
import { unsafeOnSql } from '@haven/placements';

/**
 * The dashboard's SQL. Parameters: $1 authority ids, $2 $3 the period's first and last dates, $4 the
 * suppression threshold, $5 today (London), $6 now, $7 $8 the period as instants [from, to), $9 $10 $11
 * the ICTG, Scottish and Northern Irish guardian age limits. Every number passes through haven_figure,
 * haven_rate or haven_measure, which suppress small counts before they leave the database.
 */
/** An episode still open this long after it began counts as "not found after 7 days". */
const NOT_FOUND_AFTER = `interval '7 days'`;

/** Children open on the last day of the period ($3), registered before its end (the given parameter). */
const openChildren = (periodEnd: string) => `
  SELECT c.id, c.local_authority_id, c.status, c.closed_on, c.categories, c.exploitation_types, c.nationality,
         c.gender, c.effective_date_of_birth, c.age_disputed, c.parental_responsibility_in_uk
    FROM child c
   WHERE c.local_authority_id = ANY($1::uuid[]) AND c.registered_at < ${periodEnd}
     AND (c.status = 'OPEN' OR c.closed_on > $3::date)`;

/**
 * A child looked after at any time in the period: registered on or before its last day (before the
 * instant the day after it begins) and not closed before its first day. The cohort of the missing
 * shares (the 28% and 13% measures count every child in care during the year, not only those still in
 * care at its end). A reopened case has no closing date: it counts as looked after throughout.
 */
export const lookedAfterInPeriodSql = (child: string, firstDay: string, endInstant: string) =>
  `(${child}.registered_at < ${endInstant} AND (${child}.closed_on IS NULL OR ${child}.closed_on >= ${firstDay}))`;

const LOOKED_AFTER = `
  SELECT c.id, c.categories FROM child c
   WHERE c.local_authority_id = ANY($1::uuid[]) AND ${lookedAfterInPeriodSql('c', '$2::date', '$8')}`;

const EPISODES = `
  SELECT m.child_id, m.missing_since, m.returned_at, m.soon_after_placement FROM missing_episode m
   WHERE m.local_authority_id = ANY($1::uuid[]) AND m.missing_since >= $7 AND m.missing_since < $8`;

const RETURNS = `
  SELECT m.returned_at, m.return_interview_due_by AS due_by, m.interview_offered_at, m.interview_completed_at
    FROM missing_episode m
   WHERE m.local_authority_id = ANY($1::uuid[]) AND m.returned_at >= $7 AND m.returned_at < $8`;

/** Children eligible for their nation's guardian scheme (scheme-rules.ts, as SQL). */
const ELIGIBLE = `
  SELECT c.id, ${hasGuardianSql('c')} AS has_guardian
    FROM open_children c JOIN organisation o ON o.id = c.local_authority_id
   WHERE c.status = 'OPEN' AND ${guardianEligibleSql({
     child: 'c',
     nation: 'o.nation',
     onDate: '$5::date',
     ictgAgeLimit: '$9::int',
     scotlandAgeLimit: '$10::int',
     northernIrelandAgeLimit: '$11::int',
   })}`;

export const HEADLINES = `
  WITH open_children AS (${openChildren('$8')}),
       episodes AS (${EPISODES}),
       looked_after AS (${LOOKED_AFTER}),
       returns AS (${RETURNS}),
       eligible AS (${ELIGIBLE}),
       missing_children AS (SELECT DISTINCT child_id FROM episodes),
       turning AS (SELECT c.id, haven_has_secured_solution(c.id) AS secured FROM open_children c
                    WHERE c.status = 'OPEN' AND haven_birthday(c.effective_date_of_birth, 18) BETWEEN $5::date AND $5::date + 180),
       caseloads AS (SELECT ga.guardian_id, count(*) AS n FROM active_guardian_assignment ga
                      WHERE ga.local_authority_id = ANY($1::uuid[]) GROUP BY ga.guardian_id),
       decisions AS (SELECT r.reasonable_grounds_decided_on - r.referred_on AS days FROM nrm_referral r
                      WHERE r.local_authority_id = ANY($1::uuid[]) AND r.reasonable_grounds_decided_on BETWEEN $2::date AND $3::date),
       ended AS (SELECT extract(epoch FROM e.returned_at - e.missing_since)::float8 / 3600 AS hours FROM episodes e WHERE e.returned_at IS NOT NULL)
  SELECT jsonb_build_object(
    'childrenOpen', haven_figure((SELECT count(*) FROM open_children WHERE status = 'OPEN' OR closed_on > $3::date), $4),
    'childrenRegistered', haven_figure((SELECT count(*) FROM child c WHERE c.local_authority_id = ANY($1::uuid[])
                                          AND c.registered_at >= $7 AND c.registered_at < $8), $4),
    'childrenMissingAtLeastOnce', haven_figure((SELECT count(*) FROM missing_children), $4),
    'traffickedMissingRate', haven_rate(
        (SELECT count(*) FROM looked_after c WHERE 'TRAFFICKED' = ANY(c.categories) AND c.id IN (SELECT child_id FROM missing_children)),
        (SELECT count(*) FROM looked_after c WHERE 'TRAFFICKED' = ANY(c.categories)), $4),
    'unaccompaniedMissingRate', haven_rate(
        (SELECT count(*) FROM looked_after c WHERE 'UNACCOMPANIED_ASYLUM_SEEKING' = ANY(c.categories)
            AND c.id IN (SELECT child_id FROM missing_children)),
        (SELECT count(*) FROM looked_after c WHERE 'UNACCOMPANIED_ASYLUM_SEEKING' = ANY(c.categories)), $4),
    'missingEpisodes', haven_figure((SELECT count(*) FROM episodes), $4),
    'currentlyMissing', haven_figure((SELECT count(*) FROM open_missing_episode m
                                       WHERE m.local_authority_id = ANY($1::uuid[])), $4),
    'notFoundAfter7Days', haven_figure((SELECT count(*) FROM episodes e
                                         WHERE coalesce(e.returned_at, $6) - e.missing_since > ${NOT_FOUND_AFTER}), $4),
    'medianHoursMissing', haven_measure((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM ended),
                                        (SELECT count(*) FROM ended), $4),
    'soonAfterPlacementRate', haven_rate((SELECT count(*) FROM episodes WHERE soon_after_placement),
                                         (SELECT count(*) FROM episodes), $4),
    'returnInterviewsWithin72hRate', haven_rate(
        (SELECT count(*) FROM returns WHERE interview_offered_at <= due_by),
        (SELECT count(*) FROM returns), $4),
    'returnInterviewsCompletedWithin72hRate', haven_rate(
        (SELECT count(*) FROM returns WHERE interview_completed_at <= due_by),
        (SELECT count(*) FROM returns), $4),
    'guardianCoverageRate', haven_rate((SELECT count(*) FROM eligible WHERE has_guardian), (SELECT count(*) FROM eligible), $4),
    'guardiansActive', haven_figure((SELECT count(*) FROM caseloads), $4),
    'medianGuardianCaseload', haven_measure((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM caseloads),
                                            (SELECT count(*) FROM caseloads), $4),
    'openAgeDisputes', haven_figure((SELECT count(*) FROM open_age_assessment a
                                      WHERE a.local_authority_id = ANY($1::uuid[])), $4),
    'childrenInUnsafePlacements', haven_figure((SELECT count(DISTINCT p.child_id) FROM current_placement p
                                                 WHERE p.local_authority_id = ANY($1::uuid[])
                                                   AND ${unsafeOnSql('p', '$5::date')}), $4),
    'nrmReferrals', haven_figure((SELECT count(*) FROM nrm_referral r WHERE r.local_authority_id = ANY($1::uuid[])
                                   AND r.referred_on BETWEEN $2::date AND $3::date), $4),
    'nrmReasonableGroundsDecisions', haven_figure((SELECT count(*) FROM decisions), $4),
    'medianDaysToReasonableGrounds', haven_measure((SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM decisions),
                                                   (SELECT count(*) FROM decisions), $4),
    'turning18Within180Days', haven_figure((SELECT count(*) FROM turning), $4),
    'turning18WithSecuredSolutionRate', haven_rate((SELECT count(*) FROM turning WHERE secured), (SELECT count(*) FROM turning), $4),
    'turning18WithoutDurableSolution', haven_figure((SELECT count(*) FROM child_turned_18_without_solution t
                                                      WHERE t.local_authority_id = ANY($1::uuid[])
                                                        AND t.turned_18_on BETWEEN $2::date AND $3::date), $4),
    'exploitationNotRecordedRate', haven_rate(
        (SELECT count(*) FROM open_children c WHERE c.exploitation_types <@ ARRAY['UNKNOWN']::text[]),
        (SELECT count(*) FROM open_children), $4),
    'nationalityNotRecordedRate', haven_rate((SELECT count(*) FROM open_children c WHERE c.nationality IS NULL),
                                             (SELECT count(*) FROM open_children), $4)
  ) AS figures`;

/** The recorded types; none (or only UNKNOWN) is "not recorded". */
const RECORDED_TYPES = `nullif(array_remove(c.exploitation_types, 'UNKNOWN'), '{}')`;

/** Each breakdown: (dimension, key, count) over the children open on the last day. $2 is the period's end. */
export const BREAKDOWNS = `
  WITH open_children AS (${openChildren('$2')}),
  keyed AS (
    SELECT 'category' AS dimension, k AS key, c.id FROM open_children c CROSS JOIN unnest(c.categories) k
    UNION ALL
    SELECT 'exploitationType', coalesce(t, 'NOT_RECORDED'), c.id
      FROM open_children c LEFT JOIN LATERAL unnest(${RECORDED_TYPES}) t ON true
    UNION ALL
    SELECT 'nrmCategory', k, c.id FROM open_children c CROSS JOIN haven_nrm_categories(c.exploitation_types) k
    UNION ALL
    SELECT 'gender', c.gender, c.id FROM open_children c
    UNION ALL
    SELECT 'ageBand', CASE WHEN c.effective_date_of_birth IS NULL THEN 'NOT_RECORDED'
                           WHEN haven_birthday(c.effective_date_of_birth, 14) > $3::date THEN 'UNDER_14'
                           WHEN haven_birthday(c.effective_date_of_birth, 16) > $3::date THEN '14_15'
                           WHEN haven_birthday(c.effective_date_of_birth, 18) > $3::date THEN '16_17'
                           ELSE '18_AND_OVER' END, c.id FROM open_children c
  ),
  nationalities AS (
    SELECT coalesce(c.nationality, 'NOT_RECORDED') AS key, count(*) AS n,
           row_number() OVER (ORDER BY (c.nationality IS NULL), count(*) DESC, coalesce(c.nationality, 'NOT_RECORDED')) AS rank
      FROM open_children c GROUP BY c.nationality
  )
  -- distinct (dimension, key, child) first, hashed: a child counts once per key (two labour types are one LABOUR)
  SELECT dimension, key, haven_figure(count(*), $4) AS count
    FROM (SELECT DISTINCT dimension, key, id FROM keyed) distinct_keys GROUP BY dimension, key
  UNION ALL
  SELECT 'nationality', CASE WHEN rank <= 10 OR key = 'NOT_RECORDED' THEN key ELSE 'OTHER' END, haven_figure(sum(n)::bigint, $4)
    FROM nationalities GROUP BY CASE WHEN rank <= 10 OR key = 'NOT_RECORDED' THEN key ELSE 'OTHER' END
  ORDER BY 1, 2`;

/**
 * Month by month, in one pass over each table: rows of the period (sargable instants $5 $6, dates $2 $3)
 * grouped by their London month. Parameters: $1 authorities, $2 $3 the period's dates, $4 the threshold,
 * $5 $6 the period as instants [from, to).
 */
export const MONTHLY = `
  WITH months AS (
    SELECT generate_series(date_trunc('month', $2::date), date_trunc('month', $3::date), interval '1 month')::date AS month
  ),
  registered AS (
    SELECT date_trunc('month', c.registered_at AT TIME ZONE 'Europe/London')::date AS month, count(*) AS n
      FROM child c WHERE c.local_authority_id = ANY($1::uuid[]) AND c.registered_at >= $5 AND c.registered_at < $6
     GROUP BY 1),
  missing AS (
    SELECT date_trunc('month', m.missing_since AT TIME ZONE 'Europe/London')::date AS month, count(*) AS n,
           count(DISTINCT m.child_id) AS children
      FROM missing_episode m WHERE m.local_authority_id = ANY($1::uuid[]) AND m.missing_since >= $5 AND m.missing_since < $6
     GROUP BY 1),
  referred AS (
    SELECT date_trunc('month', r.referred_on)::date AS month, count(*) AS n
      FROM nrm_referral r WHERE r.local_authority_id = ANY($1::uuid[]) AND r.referred_on BETWEEN $2::date AND $3::date
     GROUP BY 1)
  SELECT to_char(mo.month, 'YYYY-MM') AS month,
         haven_figure(coalesce(registered.n, 0), $4) AS "childrenRegistered",
         haven_figure(coalesce(missing.n, 0), $4) AS "missingEpisodes",
         haven_figure(coalesce(missing.children, 0), $4) AS "childrenMissing",
         haven_figure(coalesce(referred.n, 0), $4) AS "nrmReferrals"
    FROM months mo
    LEFT JOIN registered USING (month) LEFT JOIN missing USING (month) LEFT JOIN referred USING (month)
   ORDER BY mo.month`;

/**
 * One authority's kept answer, if it is still the live one: no transaction its snapshot could not see has
 * written what the dashboard reads for the authority since (`dashboard_change`, written by triggers in the
 * writers' own transactions), and the clock has not reached `valid_until`. With this statement's snapshot,
 * under which a fresh answer would be kept. Parameters: $1 the key, $2 the authority, $3 now.
 */
export const KEPT_ANSWER = `
  SELECT pg_current_snapshot()::text AS snapshot,
         (SELECT r.answer FROM dashboard_rollup r
           WHERE r.key = $1 AND r.snapshot IS NOT NULL AND r.valid_until > $3
             AND NOT EXISTS (SELECT 1 FROM dashboard_change w
                              WHERE w.local_authority_id = $2 AND w.xid >= pg_snapshot_xmin(r.snapshot)
                                AND NOT pg_visible_in_snapshot(w.xid, r.snapshot))) AS answer`;

/**
 * Keeps one authority's answer, computed under the snapshot $5, until the clock can change a figure: the
 * next London midnight ($6: ages, eligibility, placements judged "today") or the moment an open episode of
 * the period ($7 $8) passes seven days (notFoundAfter7Days), whichever is first. Parameters: $1 the key, $2
 * the authority, $3 now, $4 the answer.
 */
export const KEEP_ANSWER = `
  INSERT INTO dashboard_rollup (key, generated_at, answer, snapshot, valid_until)
  SELECT $1, $3, $4, $5::pg_snapshot,
         least($6::timestamptz, (SELECT min(m.missing_since) + ${NOT_FOUND_AFTER} FROM open_missing_episode m
                                  WHERE m.local_authority_id = $2 AND m.missing_since >= $7 AND m.missing_since < $8
                                    AND m.missing_since + ${NOT_FOUND_AFTER} >= $3))
  ON CONFLICT (key) DO UPDATE SET generated_at = excluded.generated_at, answer = excluded.answer,
                                  snapshot = excluded.snapshot, valid_until = excluded.valid_until`;
