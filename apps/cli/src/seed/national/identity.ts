// Who the child is: gender, names and aliases, categories, how and when they arrived.

import { Alias, ArrivalRoute, ChildCategory, Gender } from '@haven/children';
import * as data from '../national-data';
import { NationalityProfile } from '../national-data';
import { Random } from './random';
import { Day } from './time';
import { AuthorityPlan, GROWTH_OVER_HISTORY, NationalPlan } from './plan';

export function pickGender(rnd: Random, profile: NationalityProfile): Gender {
  const draw = rnd.float();
  if (draw < 0.004) return Gender.NOT_KNOWN;
  if (draw < 0.007) return Gender.OTHER;
  return rnd.chance(profile.maleShare) ? Gender.MALE : Gender.FEMALE;
}

/** Registration days over the history, growing over time (inverse of an exponential distribution). */
export function registrationDay(rnd: Random, plan: NationalPlan): Day {
  const span = plan.today - plan.historyStart;
  const growth = Math.log(GROWTH_OVER_HISTORY) / span;
  const offset = Math.log(1 + rnd.float() * (GROWTH_OVER_HISTORY - 1)) / growth;
  return plan.historyStart + Math.min(span - 1, Math.floor(offset));
}

function stripDiacritics(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function identity(rnd: Random, profile: NationalityProfile, gender: Gender) {
  const male = gender === Gender.MALE || (gender !== Gender.FEMALE && rnd.chance(0.5));
  const givenName = rnd.pick(male ? profile.given.male : profile.given.female);
  const familyName =
    profile.family && (profile.nationality || rnd.chance(0.5)) ? rnd.pick(profile.family) : null;
  const words = givenName.split(' ');
  // "Thị Lan" is called Lan; a few others are known by another spelling
  const preferredName =
    words.length > 1 && rnd.chance(0.5)
      ? words[words.length - 1]
      : data.SPELLINGS[givenName] && rnd.chance(0.05)
        ? rnd.pick(data.SPELLINGS[givenName])
        : null;
  return {
    givenName,
    familyName,
    preferredName,
    aliases: aliases(rnd, profile, male, givenName, familyName),
  };
}

/** Other names the child is recorded under: transliterations, other spellings, exploiters' names. */
function aliases(
  rnd: Random,
  profile: NationalityProfile,
  male: boolean,
  given: string,
  family: string | null,
): Alias[] {
  const count = rnd.weighted(data.ALIAS_COUNT);
  if (count === 0) return [];
  const full = family ? `${given} ${family}` : given;
  const plainGiven = stripDiacritics(given);
  const plainFamily = family ? stripDiacritics(family) : null;
  const candidates: Alias[] = [];
  const sources = data.ALIAS_SOURCES;
  if (stripDiacritics(full) !== full) {
    candidates.push({ name: stripDiacritics(full), source: rnd.pick(sources.screening) });
  }
  if (profile.familyFirst && plainFamily) {
    const middle =
      profile.nationality === 'VN' && given.split(' ').length === 1 ? (male ? ' Van' : ' Thi') : '';
    candidates.push({ name: `${plainFamily}${middle} ${plainGiven}`, source: rnd.pick(sources.custody) });
  }
  const spellings = data.SPELLINGS[given];
  if (spellings) {
    candidates.push({
      name: [rnd.pick(spellings), family].filter(Boolean).join(' '),
      source: rnd.pick([...sources.screening, ...sources.documents]),
    });
  }
  candidates.push({ name: rnd.pick(profile.exploiterNames), source: rnd.pick(sources.exploiters) });
  const other = rnd.pick(male ? profile.given.male : profile.given.female);
  candidates.push({ name: [other, family].filter(Boolean).join(' '), source: rnd.pick(sources.documents) });
  const chosen: Alias[] = [];
  while (chosen.length < count && candidates.length > 0) {
    const [alias] = candidates.splice(rnd.int(0, candidates.length - 1), 1);
    if (alias.name !== full && !chosen.some((existing) => existing.name === alias.name)) chosen.push(alias);
  }
  return chosen;
}

/** Categories and exploitation types that agree with each other and with the NRM referral. */
export function classify(rnd: Random, profile: NationalityProfile, gender: Gender) {
  const trafficked = rnd.chance(profile.traffickedRate);
  const atRisk = !trafficked && rnd.chance(profile.atRiskRate);
  const categories: ChildCategory[] = [];
  if (trafficked) categories.push(ChildCategory.TRAFFICKED);
  if (profile.arrival === 'UNACCOMPANIED') {
    categories.push(rnd.chance(0.92) ? ChildCategory.UNACCOMPANIED_ASYLUM_SEEKING : ChildCategory.SEPARATED);
  }
  if (profile.arrival === 'SEPARATED') categories.push(ChildCategory.SEPARATED);
  if (atRisk || (trafficked && profile.arrival === 'INTERNAL' && rnd.chance(0.3))) {
    categories.push(ChildCategory.AT_RISK_OF_EXPLOITATION);
  }
  const female = gender === Gender.FEMALE || (gender !== Gender.MALE && rnd.chance(0.5));
  const exploitation =
    trafficked || atRisk
      ? rnd.weighted(female ? profile.exploitation.female : profile.exploitation.male)
      : [];
  return { trafficked, referred: trafficked && rnd.chance(profile.nrmRate), categories, exploitation };
}

export function arrivalRoute(
  rnd: Random,
  profile: NationalityProfile,
  authority: AuthorityPlan,
): ArrivalRoute {
  // the National Transfer Scheme moves unaccompanied children from the ports to other authorities
  if (profile.arrival === 'UNACCOMPANIED' && !authority.gateway && rnd.chance(0.35)) {
    return ArrivalRoute.NATIONAL_TRANSFER;
  }
  return rnd.weighted(profile.routes);
}

export function arrivalDay(rnd: Random, route: ArrivalRoute, registeredOn: Day): Day | null {
  switch (route) {
    case ArrivalRoute.INTERNAL:
      return null;
    case ArrivalRoute.NATIONAL_TRANSFER:
      return registeredOn - rnd.int(5, 60);
    case ArrivalRoute.UNKNOWN:
      return rnd.chance(0.5) ? null : registeredOn - rnd.int(0, 120);
    default:
      return registeredOn - (rnd.chance(0.8) ? rnd.int(0, 2) : rnd.int(3, 45));
  }
}
