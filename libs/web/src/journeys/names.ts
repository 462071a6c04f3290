/** A child's (or a person's) name as the pages show it: the given name, then the family name if known. */
export function fullName(person: { givenName: string; familyName?: string | null }): string {
  return [person.givenName, person.familyName].filter(Boolean).join(' ');
}
