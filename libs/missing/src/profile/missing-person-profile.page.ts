import { MissingKind } from '../missing.enums';
import { MissingPersonProfileModel } from './missing-person-profile.model';

const escape = (value: string | number | null | undefined): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const row = (label: string, value: string | number | string[] | null | undefined) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
    ? ''
    : `<tr><th>${escape(label)}</th><td>${Array.isArray(value) ? value.map(escape).join('<br>') : escape(value).replace(/\n/g, '<br>')}</td></tr>`;

const instant = (date: Date | null | undefined) =>
  date
    ? `${date.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' })} (UK time)`
    : null;

/** The printable profile handed to the police: one page, no scripts, nothing fetched from elsewhere. */
export function renderProfilePage(profile: MissingPersonProfileModel): string {
  const episode = profile.currentEpisode;
  const name = [profile.givenName, profile.familyName].filter(Boolean).join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Missing person profile: ${escape(name)}</title>
<style>
  body { font-family: Arial, sans-serif; margin: 24px; color: #111; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; border-bottom: 2px solid #1f3a5f; padding-bottom: 2px; margin-top: 20px; }
  table { border-collapse: collapse; width: 100%; } th { text-align: left; width: 30%; vertical-align: top; padding: 4px 8px 4px 0; color: #333; }
  td { padding: 4px 0; } .missing { background: #b00020; color: #fff; padding: 8px 12px; font-weight: bold; margin: 12px 0; }
  .meta { color: #555; font-size: 12px; } @media print { body { margin: 0; } .no-print { display: none; } }
</style>
</head>
<body>
<p class="meta">OFFICIAL-SENSITIVE: personal data about a child. Handed over by ${escape(profile.responsibleAuthority.name)} under the Philomena Protocol.</p>
<h1>${escape(name)}${profile.preferredName ? ` (known as ${escape(profile.preferredName)})` : ''}</h1>
${episode ? `<div class="missing">${escape(episode.kind === MissingKind.AWAY ? 'AWAY FROM PLACEMENT' : 'MISSING')} since ${escape(instant(episode.missingSince))}</div>` : ''}
<h2>Identity</h2>
<table>
${row(
  'Other names',
  profile.aliases.map((alias) => (alias.source ? `${alias.name} (${alias.source})` : alias.name)),
)}
${row('Date of birth', profile.dateOfBirth ? `${profile.dateOfBirth}${profile.ageDisputed ? ' (age disputed: treat as a child)' : ''}` : 'Not known: treat as a child')}
${row('Gender', profile.gender)}
${row('Nationality', profile.nationality)}
${row('Languages spoken', profile.spokenLanguages)}
${row('Interpreter needed', profile.interpreterNeeded ? 'Yes' : 'No')}
${row('Language notes', profile.languages)}
</table>
<h2>Description</h2>
<table>
${row('Physical description', profile.description)}
${row('Photograph', profile.photoReference)}
${row('Medical needs', profile.medicalNeeds)}
</table>
${
  episode
    ? `<h2>Last seen</h2>
<table>
${row('Missing since', instant(episode.missingSince))}
${row('Last seen at', episode.lastSeenLocation)}
${row('Last seen with', episode.lastSeenWith)}
${row('Circumstances', episode.circumstances)}
${row('Contact with suspected traffickers feared', episode.traffickerContactFeared ? 'Yes' : null)}
${row('Police reference', episode.policeReference)}
${row('Police risk grading', episode.policeRiskLevel)}
${row('Reported to police', instant(episode.reportedToPoliceAt))}
</table>`
    : ''
}
<h2>Known associates and places</h2>
<table>
${row('Associates', profile.associates)}
${row('Places and addresses of concern', profile.placesOfConcern)}
${row('Phone numbers', profile.phoneNumbers)}
${row('Social media', profile.socialMedia)}
</table>
<h2>Contact</h2>
<table>
${row('Responsible authority', profile.responsibleAuthority.name)}
${row('Allocated social worker', profile.allocatedWorker?.name)}
</table>
<p class="meta">Profile version ${profile.version}${profile.updatedAt ? `, updated ${escape(instant(profile.updatedAt))}` : ''}. Generated ${escape(instant(profile.generatedAt))}.</p>
<p class="no-print"><button onclick="window.print()">Print</button></p>
</body>
</html>`;
}
