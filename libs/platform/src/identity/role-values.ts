/** The roles a token names; registered for GraphQL in role.ts (kept apart so that `npm run token` loads no framework). */
export enum Role {
  SOCIAL_WORKER = 'SOCIAL_WORKER',
  TEAM_MANAGER = 'TEAM_MANAGER',
  GUARDIAN = 'GUARDIAN',
  LSCB_ANALYST = 'LSCB_ANALYST',
  ADMIN = 'ADMIN',
}
