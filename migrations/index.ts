import { Foundation1732250000000 } from './1732250000000-foundation';
import { LocalAuthorities1732250000001 } from './1732250000001-local-authorities';
import { Meetings1732250000005 } from './1732250000005-meetings';
import { Statistics1732250000006 } from './1732250000006-statistics';
import { GuardianEligibility1732250000007 } from './1732250000007-guardian-eligibility';
import { AlertsAndDurableSolutions1732250000004 } from './1732250000004-alerts-and-durable-solutions';
import { PlacementsAndMissing1732250000003 } from './1732250000003-placements-and-missing';
import { GuardianshipAndAgeAssessment1732250000002 } from './1732250000002-guardianship-and-age-assessment';
import { NationalScaleIndexes1732250000008 } from './1732250000008-national-scale-indexes';
import { RowLevelSecurity1732250000009 } from './1732250000009-row-level-security';
import { ChildRecordIdentifiers1732250000010 } from './1732250000010-child-record-identifiers';
import { TraffickedSince1732250000011 } from './1732250000011-trafficked-since';
import { AgeDecisions1732250000012 } from './1732250000012-age-decisions';
import { NationWorkingDays1732250000013 } from './1732250000013-nation-working-days';
import { MissingReviewWindowAndRetention1732250000014 } from './1732250000014-missing-review-window-and-retention';
import { DashboardTruth1732250000015 } from './1732250000015-dashboard-truth';
import { OutboxTransactionIds1732250000016 } from './1732250000016-outbox-transaction-ids';
import { WebSessions1732250000017 } from './1732250000017-web-sessions';
import { GuardianshipAndAgeRules1732250000018 } from './1732250000018-guardianship-and-age-rules';
import { MissingPlacementNrmRules1732250000019 } from './1732250000019-missing-placement-nrm-rules';
import { DashboardKeptAnswers1732250000020 } from './1732250000020-dashboard-kept-answers';
import { PractitionerJson1732250000021 } from './1732250000021-practitioner-json';

/** Every migration, in order. Listed explicitly so that the build, the tests and the CLI agree. */
export const MIGRATIONS = [
  Foundation1732250000000,
  LocalAuthorities1732250000001,
  GuardianshipAndAgeAssessment1732250000002,
  PlacementsAndMissing1732250000003,
  AlertsAndDurableSolutions1732250000004,
  Meetings1732250000005,
  Statistics1732250000006,
  GuardianEligibility1732250000007,
  NationalScaleIndexes1732250000008,
  RowLevelSecurity1732250000009,
  ChildRecordIdentifiers1732250000010,
  TraffickedSince1732250000011,
  AgeDecisions1732250000012,
  NationWorkingDays1732250000013,
  MissingReviewWindowAndRetention1732250000014,
  DashboardTruth1732250000015,
  OutboxTransactionIds1732250000016,
  WebSessions1732250000017,
  GuardianshipAndAgeRules1732250000018,
  MissingPlacementNrmRules1732250000019,
  DashboardKeptAnswers1732250000020,
  PractitionerJson1732250000021,
];
