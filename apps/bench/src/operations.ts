import { CheckAnswer, RequestSpec } from './load';

/** The case file of quality.md: child, aliases, current placement, active guardian, last 10 episodes, open alerts. */
export const CASE_FILE = `query CaseFile($id: ID!) {
  child(id: $id) {
    id version givenName familyName preferredName aliases { name source }
    claimedDateOfBirth effectiveDateOfBirth age ageDisputed gender nationality nationalityBasis languages
    categories exploitationTypes status legalStatus immigrationStatus leaveExpiresOn currentlyMissing
    localAuthority { code name }
    currentPlacement { id type provider startedAt outOfArea specialist safetyPlan unsafe }
    activeGuardian { id name }
    missingEpisodes(first: 10) {
      id kind missingSince returnedAt soonAfterPlacement policeRiskLevel returnInterviewDueBy
      returnInterview { offeredAt completedAt declined }
    }
    alerts(unresolved: true) { id kind severity status escalationLevel raisedAt reason }
  }
}`;

/** A page of 50 open children matching a search term, as the children list shows them. */
export const CHILDREN_PAGE = `query ChildrenPage($search: String!) {
  children(first: 50, filter: { search: $search, status: OPEN }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id givenName familyName effectiveDateOfBirth ageDisputed nationality status } }
  }
}`;

/** Nothing to do: what the service's stack costs any request (the bench's emptyQuery row). */
export const EMPTY_QUERY = '{ __typename }';

export const REPORT_MISSING = `mutation ReportMissing($input: ReportMissingInput!) {
  reportMissing(input: $input) { id kind missingSince soonAfterPlacement }
}`;

const FIGURE = '{ value suppressed }';
const BREAKDOWN = `{ key count ${FIGURE} }`;

/** The whole dashboard, as the /dashboard page asks for it. */
export const DASHBOARD = `query Dashboard($input: DashboardInput!) {
  dashboard(input: $input) {
    from to authorityCodes generatedAt suppressionThreshold
    childrenOpen ${FIGURE} childrenRegistered ${FIGURE} childrenMissingAtLeastOnce ${FIGURE}
    currentlyMissing ${FIGURE} missingEpisodes ${FIGURE} notFoundAfter7Days ${FIGURE}
    childrenInUnsafePlacements ${FIGURE} guardiansActive ${FIGURE} nrmReferrals ${FIGURE}
    nrmReasonableGroundsDecisions ${FIGURE} openAgeDisputes ${FIGURE} turning18Within180Days ${FIGURE}
    traffickedMissingRate ${FIGURE} unaccompaniedMissingRate ${FIGURE} soonAfterPlacementRate ${FIGURE}
    returnInterviewsWithin72hRate ${FIGURE} returnInterviewsCompletedWithin72hRate ${FIGURE}
    guardianCoverageRate ${FIGURE} turning18WithSecuredSolutionRate ${FIGURE}
    nationalityNotRecordedRate ${FIGURE} exploitationNotRecordedRate ${FIGURE}
    medianHoursMissing ${FIGURE} medianDaysToReasonableGrounds ${FIGURE} medianGuardianCaseload ${FIGURE}
    byCategory ${BREAKDOWN} byNrmCategory ${BREAKDOWN} byExploitationType ${BREAKDOWN}
    byNationality ${BREAKDOWN} byGender ${BREAKDOWN} byAgeBand ${BREAKDOWN}
    monthly { month childrenRegistered ${FIGURE} childrenMissing ${FIGURE} missingEpisodes ${FIGURE} nrmReferrals ${FIGURE} }
  }
}`;

export const ALERT_SCAN = `mutation Scan { runAlertScan(input: {}) { raised resolved escalated } }`;

/** A GraphQL POST as the service expects it. */
export function graphqlRequest(
  token: string,
  query: string,
  variables: Record<string, unknown>,
): RequestSpec {
  return {
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}

/** A POST to one of the twin's handlers. */
export function twinRequest(token: string, path: string, input: Record<string, unknown>): RequestSpec {
  return {
    path,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  };
}

/** A GraphQL answer counts only with data and no errors (which arrive with HTTP 200). */
export const graphqlSucceeded: CheckAnswer = (status, body) => {
  if (status !== 200) return false;
  try {
    const answer = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return !answer.errors?.length && answer.data !== null && answer.data !== undefined;
  } catch {
    return false;
  }
};

export const twinSucceeded: CheckAnswer = (status, body) => status === 200 && body.startsWith('{"data":');

/** Cycles through a list, one item per call. */
export function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('Nothing to cycle through');
  let index = 0;
  return () => items[index++ % items.length];
}

/** Hands out each item once; the caller sizes the list for the requests it will make. */
export function once<T>(items: readonly T[], what: string): () => T {
  let index = 0;
  return () => {
    if (index >= items.length) throw new Error(`The benchmark ran out of ${what}`);
    return items[index++];
  };
}
