// The whole data set: the plan's organisations and staff, every child, the guardians' roster, the meetings.

import { OrganisationKind, Role } from '@haven/platform';
import { HOUR, londonInstant } from './time';
import { RowSink, TABLES } from './tables';
import { NationalPlan, StaffMember } from './plan';
import { ChildRecords, ChildSummary, GuardianSpan } from './context';
import { generateChild } from './child';
import { assignGuardians } from './guardians';
import { generateMeetings } from './meetings';

/** Generates every row, table by table through the sink; `onChild` reports progress. */
export function generateNational(plan: NationalPlan, sink: RowSink, onChild?: (done: number) => void): void {
  const historyBegins = londonInstant(plan.historyStart, 9 * 60);
  for (const provider of Object.values(plan.providers)) {
    sink.add(TABLES.organisation, {
      id: provider.id,
      code: provider.code,
      name: provider.name,
      kind: OrganisationKind.GUARDIANSHIP_PROVIDER,
      createdAt: historyBegins,
    });
  }
  for (const authority of plan.authorities) {
    const staff: [StaffMember, Role][] = [
      [authority.manager, Role.TEAM_MANAGER],
      ...authority.workers.map((worker): [StaffMember, Role] => [worker, Role.SOCIAL_WORKER]),
    ];
    for (const [member, role] of staff) {
      sink.add(TABLES.practitioner, {
        ...member,
        role,
        organisationId: authority.id,
        firstSeenAt: historyBegins,
        lastSeenAt: plan.horizon - HOUR,
      });
    }
  }
  const spans: GuardianSpan[] = [];
  const summaries: ChildSummary[][] = plan.authorities.map(() => []);
  for (let index = 0; index < plan.children; index += 1) {
    const records = generateChild(plan, index);
    addChild(sink, records);
    spans.push(...records.guardianship);
    summaries[plan.authorityOfChild[index]].push(records.summary);
    if (onChild && (index + 1) % 1000 === 0) onChild(index + 1);
  }
  onChild?.(plan.children);
  assignGuardians(plan, spans, sink);
  for (const authority of plan.authorities) {
    const children = summaries[authority.index].sort(
      (a, b) => a.registeredAt - b.registeredAt || a.index - b.index,
    );
    generateMeetings(plan, authority, children, sink);
  }
}

function addChild(sink: RowSink, records: ChildRecords): void {
  sink.add(TABLES.child, records.child);
  sink.add(TABLES.auditEvent, records.audit);
  if (records.referral) sink.add(TABLES.nrmReferral, records.referral);
  for (const decision of records.decisions) sink.add(TABLES.nrmDecision, decision);
  if (records.assessment) sink.add(TABLES.ageAssessment, records.assessment);
  for (const placement of records.placements) sink.add(TABLES.placement, placement);
  for (const episode of records.episodes) sink.add(TABLES.missingEpisode, episode);
  for (const solution of records.solutions) sink.add(TABLES.durableSolution, solution);
}
