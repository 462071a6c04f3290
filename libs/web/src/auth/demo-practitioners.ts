import { Role } from '@haven/platform';

/** The demo data's authorities (npm run seed -- --demo), each with a social worker and a team manager. */
export const DEMO_AUTHORITIES = [
  { code: 'E09000017', slug: 'hillingdon', name: 'Hillingdon', worker: 'Sam Okafor', manager: 'Priya Shah' },
  { code: 'E10000016', slug: 'kent', name: 'Kent', worker: 'Tom Hughes', manager: 'Grace Mensah' },
  {
    code: 'S12000049',
    slug: 'glasgow',
    name: 'Glasgow City',
    worker: 'Morag Campbell',
    manager: 'Iain Fraser',
  },
  { code: 'W06000015', slug: 'cardiff', name: 'Cardiff', worker: 'Rhys Evans', manager: 'Carys Jones' },
  { code: 'ZT001', slug: 'belfast', name: 'Belfast', worker: 'Niamh Kelly', manager: 'Declan Murphy' },
] as const;

/** The demo data's guardianship providers and their guardians. */
export const DEMO_PROVIDERS = [
  { code: 'ICTG-BARNARDOS', guardians: ['Alex Turner', 'Fatima Begum'] },
  { code: 'SGS-ALADDIN', guardians: ['Eilidh Ross'] },
  { code: 'NIIG-BARNARDOS', guardians: ['Siobhan Quinn'] },
] as const;

export interface DemoPractitioner {
  sub: string;
  name: string;
  role: Role;
  org: string;
  las: string[];
  /** What the sign-in page says of them. */
  description: string;
}

/** Who the development sign-in page offers: the demo data's practitioners and a partnership analyst. */
export function demoPractitioners(): DemoPractitioner[] {
  const authorities = DEMO_AUTHORITIES.flatMap((authority) => [
    {
      sub: `demo-sw-${authority.slug}`,
      name: authority.worker,
      role: Role.SOCIAL_WORKER,
      org: authority.code,
      las: [],
      description: `Social worker, ${authority.name}`,
    },
    {
      sub: `demo-tm-${authority.slug}`,
      name: authority.manager,
      role: Role.TEAM_MANAGER,
      org: authority.code,
      las: [],
      description: `Team manager, ${authority.name}`,
    },
  ]);
  const guardians = DEMO_PROVIDERS.flatMap((provider) =>
    provider.guardians.map((name, index) => ({
      sub: `demo-guardian-${provider.code.toLowerCase()}-${index + 1}`,
      name,
      role: Role.GUARDIAN,
      org: provider.code,
      las: [],
      description: `Guardian, ${provider.code}`,
    })),
  );
  const analyst = {
    sub: 'demo-analyst-london',
    name: 'Jo Adeyemi',
    role: Role.LSCB_ANALYST,
    org: 'LSCP-WEST-LONDON',
    las: ['E09000017', 'E10000016'],
    description: 'Partnership analyst, Hillingdon and Kent',
  };
  return [...authorities, ...guardians, analyst];
}
