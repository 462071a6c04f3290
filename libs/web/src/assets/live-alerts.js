// Live alerts: subscribes to alertRaised with graphql-ws over the signed-in session (the page's CSRF
// token proves the socket is opened by one of the session's own pages) and puts each new or escalated
// alert at the top of the page's list, announced through the page's aria-live region. The new item is
// a copy of the server's own markup (the page's <template>), filled with textContent only. Without
// JavaScript the page lists the alerts as the server rendered them. Nothing is kept in web storage.

const SUBSCRIPTION = `subscription LiveAlerts {
  alertRaised { id kind severity status reason raisedAt escalatedAt child { id givenName familyName } }
}`;
const ID_ATTRIBUTES = ['id', 'for', 'action', 'href', 'aria-describedby', 'aria-controls', 'data-alert-id'];

const list = document.querySelector('[data-live-alerts]');
const template = document.getElementById('haven-alert-template');
const labelsElement = document.getElementById('haven-alert-labels');
const announcer = document.querySelector('[data-live-alerts-announcer]');
const csrfToken = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** "4 December 2026 at 2:05am", as the server words it. */
function formatDateTime(value) {
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}

function childName(child) {
  return child ? [child.givenName, child.familyName].filter(Boolean).join(' ') : '';
}

/** Whether the list, as filtered, shows this alert (new ones go at the top of the first page only). */
function belongsInList(alert) {
  const { status, severity, kind, firstPage } = list.dataset;
  return (
    firstPage !== 'false' &&
    (!status || status === alert.status) &&
    (!severity || severity === alert.severity) &&
    (!kind || kind === alert.kind)
  );
}

function fill(item, field, text) {
  for (const element of item.querySelectorAll(`[data-field="${field}"]`)) element.textContent = text;
}

/** The alert's item: the template's markup with the alert's id in its attributes and its words in place. */
function itemFor(alert, labels) {
  const item = template.content.firstElementChild.cloneNode(true);
  for (const element of [item, ...item.querySelectorAll('*')]) {
    for (const name of ID_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && (value.includes('__ALERT_ID__') || value.includes('__CHILD_ID__')))
        element.setAttribute(
          name,
          value
            .replaceAll('__ALERT_ID__', alert.id)
            .replaceAll('__CHILD_ID__', alert.child ? alert.child.id : ''),
        );
    }
  }
  const kind = labels.kinds[alert.kind] ?? alert.kind;
  const name = childName(alert.child);
  fill(item, 'severity', labels.severities[alert.severity] ?? alert.severity);
  for (const tag of item.querySelectorAll('[data-field="severity"]'))
    tag.classList.add(labels.tagClasses[alert.severity]);
  fill(item, 'kind', kind);
  fill(item, 'child', name);
  fill(item, 'context', name ? `${kind} — ${name}` : kind);
  fill(item, 'reason', alert.reason);
  fill(item, 'status', labels.statuses[alert.status] ?? alert.status);
  fill(item, 'raisedAt', formatDateTime(alert.raisedAt));
  if (alert.escalatedAt) {
    const raised = item.querySelector('[data-field="raisedAt"]');
    raised.after(document.createTextNode(`, escalated ${formatDateTime(alert.escalatedAt)}`));
  }
  if (!alert.child) {
    const link = item.querySelector('[data-field="link"]');
    link.replaceWith(document.createTextNode(kind));
  }
  if (alert.status !== 'OPEN') item.querySelector('[data-action="acknowledge"]')?.remove();
  if (alert.status === 'RESOLVED') item.querySelector('[data-action="resolve"]')?.remove();
  return item;
}

function show(alert, labels) {
  const severity = (labels.severities[alert.severity] ?? alert.severity).toLowerCase();
  const what = [labels.kinds[alert.kind] ?? alert.kind, childName(alert.child)].filter(Boolean).join(' — ');
  const existing = list.querySelector(`[data-alert-id="${window.CSS.escape(alert.id)}"]`);
  existing?.remove();
  if (belongsInList(alert)) {
    list.prepend(itemFor(alert, labels));
    document.querySelector('[data-live-alerts-empty]')?.setAttribute('hidden', '');
  }
  announcer.textContent = alert.escalatedAt
    ? `Alert escalated to ${severity}: ${what}`
    : `New ${severity} alert: ${what}`;
}

function subscribe(labels) {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const client = window.graphqlWs.createClient({
    url: `${protocol}//${window.location.host}/graphql`,
    connectionParams: { csrfToken },
    lazy: false,
    // an ended session (4401) is not retried: the next page asks to sign in again
    shouldRetry: (event) =>
      !(event && typeof event.code === 'number' && event.code >= 4400 && event.code < 4500),
  });
  client.on('connected', () => list.setAttribute('data-live', 'connected'));
  client.on('closed', () => list.setAttribute('data-live', 'closed'));
  client.subscribe(
    { query: SUBSCRIPTION },
    {
      next: (result) => {
        if (result.data?.alertRaised) show(result.data.alertRaised, labels);
      },
      error: () => list.setAttribute('data-live', 'closed'),
      complete: () => undefined,
    },
  );
  return client;
}

if (list && template && labelsElement && announcer && csrfToken && window.graphqlWs) {
  const labels = JSON.parse(labelsElement.dataset.labels);
  let client = subscribe(labels);
  // the socket ends with the page; a page restored from the back-forward cache subscribes again
  window.addEventListener('pagehide', () => {
    void client?.dispose();
    client = undefined;
  });
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !client) client = subscribe(labels);
  });
}
