import { Router } from 'express';
import type { Request, Response } from 'express';
import { londonDate } from '@haven/platform';
import { csv } from '@haven/statistics';
import { DashboardAuthoritiesDocument, DashboardDocument } from '../../graphql/generated';
import type { DashboardQuery } from '../../graphql/generated';
import { Refusal, RefusedError } from '../../graphql/web-graphql';
import { DateParts, list, parseDate, partsOfDate, text } from '../../form-values';
import { callerOf, errorSummary, page, requireSignIn } from '../../web-request';
import type { JourneyDependencies } from '..';
import { csvRows, dashboardParts, dashboardTable } from './dashboard-view';

/** The period's and authorities' boxes, as the GET form sends them (`from[day]`, `authority`...). */
interface DashboardForm {
  from: DateParts;
  to: DateParts;
  authorities: string[];
}

/** A date input's boxes from the query string, whether it is parsed flat (`from[day]`) or nested. */
function queryDate(query: Request['query'], name: string): DateParts {
  const nested = (query[name] ?? {}) as Record<string, unknown>;
  const box = (part: keyof DateParts) => text(query[`${name}[${part}]`] ?? nested[part]);
  return { day: box('day'), month: box('month'), year: box('year') };
}

/**
 * The period and authorities asked for: by default the year so far and every authority the caller
 * may see. Boxes that cannot make a date are said next to them; whether the period makes sense
 * (its end after its start, at most five years) is the API's to say.
 */
function readForm(query: Request['query']): {
  form: DashboardForm;
  input?: { from: string; to: string; authorityCodes?: string[] };
  problems: { id: string; text: string }[];
} {
  const today = londonDate(new Date());
  const asked = { from: queryDate(query, 'from'), to: queryDate(query, 'to') };
  const form: DashboardForm = {
    from: Object.values(asked.from).some(Boolean) ? asked.from : partsOfDate(`${today.slice(0, 4)}-01-01`),
    to: Object.values(asked.to).some(Boolean) ? asked.to : partsOfDate(today),
    authorities: list(query.authority),
  };
  const from = parseDate(form.from, 'The start of the period');
  const to = parseDate(form.to, 'The end of the period');
  const problems = [
    ...(from.ok ? [] : [{ id: 'from-day', text: from.message }]),
    ...(to.ok ? [] : [{ id: 'to-day', text: to.message }]),
  ];
  if (!from.ok || !to.ok || !from.value || !to.value) return { form, problems };
  return {
    form,
    input: {
      from: from.value,
      to: to.value,
      ...(form.authorities.length > 0 ? { authorityCodes: form.authorities } : {}),
    },
    problems,
  };
}

/** The API's refusal of a period in the form's words (its other messages read well as they are). */
function inPlainWords(refusal: Refusal): Refusal {
  return {
    ...refusal,
    fields: refusal.fields.map((problem) =>
      problem.field.replace(/^input\./, '') === 'to' && /before/.test(problem.message)
        ? { ...problem, message: 'The end of the period must be the same as or after its start' }
        : problem,
    ),
  };
}

/** The query string of the period and authorities shown, for the CSV links. */
function queryOf(dashboard: DashboardQuery['dashboard'], chosen: string[]): string {
  const params = new URLSearchParams();
  for (const [name, date] of [
    ['from', dashboard.from],
    ['to', dashboard.to],
  ] as const) {
    const parts = partsOfDate(date);
    params.set(`${name}[day]`, parts.day);
    params.set(`${name}[month]`, parts.month);
    params.set(`${name}[year]`, parts.year);
  }
  for (const code of chosen) params.append('authority', code);
  return params.toString();
}

/** "Kent", "Kent and Medway", "Barnet, Enfield and Haringey". */
function inWords(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Journey 12 of web-app.md: `/dashboard`, the partnership's figures for a period and authorities
 * (an analyst's partnership's, staff's own), read from the `dashboard` query as the signed-in
 * practitioner, already suppressed by the API; `/dashboard/{table}.csv` each table as CSV, the same
 * figures as the page shows. The period and the authorities are a GET form, so every view is a link.
 */
export function dashboardRoutes({ graphql }: JourneyDependencies): Router {
  const router = Router();

  /** The figures asked for, or the page's refusal to show (any other refusal is the error handler's). */
  const figures = async (req: Request, res: Response) => {
    const caller = callerOf(req, res);
    const { form, input, problems } = readForm(req.query);
    const { dashboardAuthorities } = await graphql.read(caller, DashboardAuthoritiesDocument, {});
    const locals = {
      form,
      authorityItems: dashboardAuthorities.map((authority) => ({
        value: authority.code,
        text: authority.name,
      })),
    };
    if (!input) {
      const errors = Object.fromEntries(problems.map(({ id, text: message }) => [id, { text: message }]));
      return {
        locals,
        errors,
        errorList: problems.map(({ id, text: message }) => ({ text: message, href: `#${id}` })),
      };
    }
    const outcome = await graphql.run(caller, DashboardDocument, { input });
    if (!outcome.ok) {
      if (outcome.refusal.code !== 'BAD_USER_INPUT') throw new RefusedError(outcome.refusal);
      return {
        locals,
        ...errorSummary(inPlainWords(outcome.refusal), {
          from: 'from-day',
          to: 'to-day',
          authorityCodes: 'authority',
        }),
      };
    }
    const { dashboard } = outcome.data;
    const names = new Map(dashboardAuthorities.map((authority) => [authority.code, authority.name]));
    return {
      locals,
      dashboard,
      authorityNames: dashboard.authorityCodes.map((code) => names.get(code) ?? code),
    };
  };

  router.get(
    '/dashboard',
    requireSignIn,
    page(async (req, res) => {
      const shown = await figures(req, res);
      if (!shown.dashboard) {
        res.status(400).render('dashboard/dashboard.njk', {
          ...shown.locals,
          errors: shown.errors,
          errorList: shown.errorList,
        });
        return;
      }
      const { dashboard, authorityNames } = shown;
      res.render('dashboard/dashboard.njk', {
        ...shown.locals,
        dashboard,
        authorities: inWords(authorityNames),
        parts: dashboardParts(dashboard),
        csvQuery: queryOf(dashboard, shown.locals.form.authorities),
      });
    }),
  );

  router.get(
    '/dashboard/:file',
    requireSignIn,
    page(async (req, res) => {
      const id = /^([a-z0-9-]+)\.csv$/.exec(String(req.params.file))?.[1];
      const shown = await figures(req, res);
      const table = id && shown.dashboard ? dashboardTable(shown.dashboard, id) : undefined;
      if (!shown.dashboard) {
        res.status(400).render('pages/error.njk', {
          title: 'There is a problem with the period',
          message: shown.errorList.map((problem) => problem.text).join(' '),
        });
        return;
      }
      if (!table) {
        res
          .status(404)
          .render('pages/error.njk', { title: 'Page not found', message: 'There is no such table.' });
        return;
      }
      const { dashboard } = shown;
      res
        .type('text/csv; charset=utf-8')
        .attachment(`haven-dashboard-${table.id}-${dashboard.from}-to-${dashboard.to}.csv`)
        .send(csv(csvRows(table)));
    }),
  );

  return router;
}
