import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ChildModel, ChildrenService } from '@haven/children';
import { ExportLinkOpener, PublicEndpoint } from '@haven/platform';
import { MINUTES_LINK_PURPOSE } from './meetings.resolver';
import { MeetingsService, VisibleMeeting } from './meetings.service';

const escape = (value: string | null | undefined): string =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const when = (date: Date | null) =>
  date
    ? date.toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' })
    : '';

/** Printable minutes (agenda, attendance, decisions, actions) at a signed, short-lived link; audited as EXPORT. */
@Controller('exports/meeting-minutes')
export class MeetingMinutesController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly children: ChildrenService,
    private readonly opener: ExportLinkOpener,
  ) {}

  @Get(':token')
  @PublicEndpoint()
  print(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    return this.opener.open(req, res, MINUTES_LINK_PURPOSE, token, async (ctx, meetingId) => {
      const meeting = await this.meetings.get(ctx, meetingId);
      const loaded = await this.children.loader(ctx).loadMany([...meeting.visibleChildIds]);
      const names = new Map(
        loaded
          .filter((child): child is ChildModel => !!child && !(child instanceof Error))
          .map((child) => [child.id, [child.givenName, child.familyName].filter(Boolean).join(' ')]),
      );
      this.meetings.auditExport(ctx, meeting);
      return {
        type: 'html',
        body: renderMinutes(meeting, names, ctx.actor.localAuthorityId === meeting.localAuthorityId),
      };
    });
  }
}

function renderMinutes(meeting: VisibleMeeting, names: Map<string, string>, host: boolean): string {
  const agenda = meeting.agenda.filter((child) => meeting.visibleChildIds.has(child.childId));
  const actions = host
    ? meeting.allActions
    : meeting.allActions.filter((a) => a.childId && meeting.visibleChildIds.has(a.childId));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Minutes: ${escape(meeting.type)}</title>
<style>body{font-family:Arial,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px;border-bottom:1px solid #ddd;vertical-align:top}h2{font-size:16px;margin-top:20px}</style>
</head><body>
<p>OFFICIAL-SENSITIVE</p>
<h1>${escape(meeting.type.replace(/_/g, ' '))} — ${escape(meeting.status)}</h1>
<p>Scheduled ${escape(when(meeting.scheduledFor))}${meeting.heldAt ? `; held ${escape(when(meeting.heldAt))}` : ''}${meeting.chair ? `; chaired by ${escape(meeting.chair)}` : ''}</p>
<h2>Attendance</h2><table><tr><th>Name</th><th>Agency</th><th>Role</th><th>Attended</th></tr>
${meeting.attendees.map((a) => `<tr><td>${escape(a.name)}</td><td>${escape(a.agency)}</td><td>${escape(a.role)}</td><td>${a.attended === null ? '' : a.attended ? 'Yes' : 'No'}</td></tr>`).join('')}</table>
<h2>Agenda and decisions</h2><table><tr><th>Child</th><th>Why discussed</th><th>Decision</th></tr>
${agenda.map((c) => `<tr><td>${escape(names.get(c.childId) ?? c.childId)}</td><td>${escape(c.reason)}</td><td>${escape(c.decision)}</td></tr>`).join('')}</table>
<h2>Actions</h2><table><tr><th>Action</th><th>Owner</th><th>Due</th><th>Child</th><th>Completed</th></tr>
${actions.map((a) => `<tr><td>${escape(a.description)}</td><td>${escape(a.owner)}</td><td>${escape(a.dueOn)}</td><td>${escape(a.childId ? (names.get(a.childId) ?? '') : '')}</td><td>${escape(a.completedOn)}</td></tr>`).join('')}</table>
</body></html>`;
}
