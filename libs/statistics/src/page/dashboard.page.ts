/** The dashboard page: no framework, one bundled chart library served by the service itself. */
export const DASHBOARD_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="csrf-token" content="{{csrfToken}}">
<title>Haven — safeguarding partnership dashboard</title>
<style>
  body { font-family: system-ui, Arial, sans-serif; margin: 0; background: #f4f6f8; color: #1b1b1b; }
  header { background: #1f3a5f; color: #fff; padding: 12px 20px; }
  form { display: flex; flex-wrap: wrap; gap: 12px; padding: 12px 20px; background: #fff; border-bottom: 1px solid #ddd; align-items: end; }
  label { display: flex; flex-direction: column; font-size: 13px; gap: 4px; }
  input, textarea { font: inherit; padding: 4px; }
  main { padding: 16px 20px; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 12px; }
  .tile { background: #fff; border-radius: 6px; padding: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  .tile .value { font-size: 26px; font-weight: bold; margin-top: 6px; }
  .tile .label { font-size: 13px; color: #444; }
  .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 16px; margin-top: 16px; }
  .panel { background: #fff; border-radius: 6px; padding: 12px; box-shadow: 0 1px 2px rgba(0,0,0,.1); }
  .panel h2 { font-size: 15px; margin: 0 0 8px; display: flex; justify-content: space-between; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
  td, th { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; }
  .suppressed { color: #666; font-style: italic; }
  #error { color: #b00020; margin: 8px 0; }
  #suppression-note { font-size: 13px; color: #444; max-width: 75em; }
  button { font: inherit; padding: 6px 12px; cursor: pointer; }
</style>
</head>
<body>
<header><strong>Haven</strong> — trafficked and separated children: what the partnership looks at</header>
<form id="query">
  <label>From<input id="from" type="date" required></label>
  <label>To<input id="to" type="date" required></label>
  <label>Authorities (ONS codes, comma-separated; empty: all of yours)<input id="authorities" size="30"></label>
  <button id="load" type="submit">Show</button>
</form>
<main>
  <div id="error" role="alert"></div>
  <p id="meta"></p>
  <p id="suppression-note" hidden></p>
  <section class="tiles" id="tiles"></section>
  <section class="panels" id="panels"></section>
</main>
<script src="/dashboard/assets/chart.js"></script>
<script src="/dashboard/assets/dashboard.js"></script>
</body>
</html>`;

export const DASHBOARD_SCRIPT = `
(function () {
  var QUERY = 'query($input: DashboardInput!) { dashboard(input: $input) { from to authorityCodes suppressionThreshold generatedAt ' +
    ['childrenOpen', 'childrenRegistered', 'childrenMissingAtLeastOnce', 'missingEpisodes', 'currentlyMissing', 'notFoundAfter7Days',
     'guardiansActive', 'openAgeDisputes', 'childrenInUnsafePlacements', 'nrmReferrals', 'nrmReasonableGroundsDecisions',
     'turning18Within180Days', 'turning18WithoutDurableSolution'].map(function (f) { return f + ' { value suppressed }'; }).join(' ') + ' ' +
    ['traffickedMissingRate', 'unaccompaniedMissingRate', 'soonAfterPlacementRate', 'returnInterviewsWithin72hRate',
     'returnInterviewsCompletedWithin72hRate', 'guardianCoverageRate',
     'turning18WithSecuredSolutionRate', 'exploitationNotRecordedRate', 'nationalityNotRecordedRate', 'medianHoursMissing',
     'medianDaysToReasonableGrounds', 'medianGuardianCaseload'].map(function (f) { return f + ' { value suppressed }'; }).join(' ') + ' ' +
    ['byCategory', 'byNrmCategory', 'byExploitationType', 'byNationality', 'byGender', 'byAgeBand'].map(function (f) {
      return f + ' { key count { value suppressed } }'; }).join(' ') +
    ' monthly { month childrenRegistered { value suppressed } missingEpisodes { value suppressed } childrenMissing { value suppressed } nrmReferrals { value suppressed } } } }';

  var TILES = [
    ['childrenOpen', 'Children open', 'count'], ['childrenMissingAtLeastOnce', 'Missing at least once', 'count'],
    ['traffickedMissingRate', 'Trafficked children missing', 'rate'], ['unaccompaniedMissingRate', 'Unaccompanied children missing', 'rate'],
    ['missingEpisodes', 'Missing episodes', 'count'], ['currentlyMissing', 'Missing now', 'count'],
    ['notFoundAfter7Days', 'Not found after 7 days', 'count'], ['medianHoursMissing', 'Median hours missing', 'measure'],
    ['soonAfterPlacementRate', 'Soon after placement', 'rate'], ['returnInterviewsWithin72hRate', 'Return interview offered in 72 h', 'rate'],
    ['returnInterviewsCompletedWithin72hRate', 'Return interview completed in 72 h', 'rate'],
    ['guardianCoverageRate', 'Guardianship coverage', 'rate'], ['medianGuardianCaseload', 'Median guardian caseload', 'measure'],
    ['openAgeDisputes', 'Open age disputes', 'count'], ['childrenInUnsafePlacements', 'In unsafe placements', 'count'],
    ['nrmReferrals', 'NRM referrals', 'count'], ['medianDaysToReasonableGrounds', 'Median days to RG decision', 'measure'],
    ['turning18Within180Days', 'Turning 18 in 6 months', 'count'], ['turning18WithSecuredSolutionRate', '… with a secured durable solution', 'rate'],
    ['turning18WithoutDurableSolution', 'Turned 18 without one', 'count'], ['exploitationNotRecordedRate', 'Exploitation not recorded', 'rate'],
    ['nationalityNotRecordedRate', 'Nationality not recorded', 'rate']
  ];
  var BREAKDOWNS = [['byCategory', 'Children by category'], ['byNrmCategory', 'By NRM exploitation category'],
    ['byExploitationType', 'By exploitation type'], ['byNationality', 'By nationality'], ['byGender', 'By gender'], ['byAgeBand', 'By age band']];
  var charts = [];
  // a suppressed figure may be small, or hidden so that a small one cannot be worked out: never "fewer than"
  var suppressedText = 'suppressed';

  function text(figure, kind) {
    if (!figure) return '';
    if (figure.suppressed) return suppressedText;
    if (figure.value === null) return '—';
    if (kind === 'rate') return Math.round(figure.value * 1000) / 10 + '%';
    return String(figure.value);
  }
  function element(tag, attributes, content) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (content !== undefined) node.textContent = content;
    return node;
  }
  function csvCell(value) { return '"' + String(value).replace(/"/g, '""') + '"'; }
  function download(name, rows) {
    var blob = new Blob([rows.map(function (row) { return row.map(csvCell).join(','); }).join('\\r\\n') + '\\r\\n'], { type: 'text/csv' });
    var link = element('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link); link.click(); link.remove();
  }
  function panel(title, csvName, rows, chartConfig) {
    var box = element('div', { class: 'panel', 'data-panel': csvName });
    var heading = element('h2', {}, title);
    var button = element('button', { type: 'button', 'data-csv': csvName }, 'Download CSV');
    button.addEventListener('click', function () { download(csvName + '.csv', rows); });
    heading.appendChild(button);
    box.appendChild(heading);
    var canvas = element('canvas', { height: '180' });
    box.appendChild(canvas);
    var table = element('table');
    rows.forEach(function (row, index) {
      var tr = element('tr');
      row.forEach(function (cell) {
        var td = element(index === 0 ? 'th' : 'td', cell === suppressedText ? { class: 'suppressed' } : {}, cell);
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    box.appendChild(table);
    document.getElementById('panels').appendChild(box);
    charts.push(new Chart(canvas, chartConfig));
  }
  function value(figure) { return figure && !figure.suppressed ? figure.value : null; }

  function render(data) {
    charts.forEach(function (chart) { chart.destroy(); }); charts = [];
    document.getElementById('tiles').innerHTML = ''; document.getElementById('panels').innerHTML = '';
    document.getElementById('meta').textContent = 'Authorities ' + data.authorityCodes.join(', ') + '; ' + data.from + ' to ' + data.to +
      '; generated ' + new Date(data.generatedAt).toLocaleString('en-GB');
    var note = document.getElementById('suppression-note');
    note.hidden = false;
    note.textContent = '"Suppressed" means withheld, not zero: every count from 1 to ' + data.suppressionThreshold +
      ' is withheld because small numbers can identify a child; so is any other figure from which such a count could be worked out ' +
      'by subtraction (the next smallest cell of a breakdown or month of a series whose total is shown), and any rate or median built on a ' +
      'withheld count. Charts leave a withheld value out (a gap, never a zero).';
    TILES.forEach(function (tile) {
      var box = element('div', { class: 'tile', 'data-figure': tile[0] });
      box.appendChild(element('div', { class: 'label' }, tile[1]));
      var shown = text(data[tile[0]], tile[2]);
      box.appendChild(element('div', { class: 'value' + (shown === suppressedText ? ' suppressed' : '') }, shown));
      document.getElementById('tiles').appendChild(box);
    });
    var months = data.monthly.map(function (m) { return m.month; });
    var series = [['missingEpisodes', 'Missing episodes', '#b00020'], ['childrenMissing', 'Children missing', '#e07b00'],
      ['childrenRegistered', 'Children registered', '#1f3a5f'], ['nrmReferrals', 'NRM referrals', '#2e7d32']];
    panel('Monthly', 'monthly', [['Month'].concat(series.map(function (s) { return s[1]; }))].concat(data.monthly.map(function (m) {
      return [m.month].concat(series.map(function (s) { return text(m[s[0]], 'count'); }));
    })), { type: 'line', data: { labels: months, datasets: series.map(function (s) {
      return { label: s[1], borderColor: s[2], backgroundColor: s[2], spanGaps: false, data: data.monthly.map(function (m) { return value(m[s[0]]); }) };
    }) }, options: { animation: false, responsive: true } });
    BREAKDOWNS.forEach(function (b) {
      var rows = data[b[0]];
      panel(b[1], b[0], [['Category', 'Children']].concat(rows.map(function (r) { return [r.key, text(r.count, 'count')]; })),
        { type: 'bar', data: { labels: rows.map(function (r) { return r.key; }), datasets: [{ label: 'Children', backgroundColor: '#1f3a5f',
          data: rows.map(function (r) { return value(r.count); }) }] }, options: { animation: false, responsive: true, plugins: { legend: { display: false } } } });
    });
  }

  var today = new Date().toISOString().slice(0, 10);
  document.getElementById('to').value = today;
  document.getElementById('from').value = today.slice(0, 4) + '-01-01';
  // the signed-in session's token against cross-site requests (the session cookie itself is HttpOnly)
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  document.getElementById('query').addEventListener('submit', function (event) {
    event.preventDefault();
    var codes = document.getElementById('authorities').value.split(',').map(function (c) { return c.trim(); }).filter(Boolean);
    var input = { from: document.getElementById('from').value, to: document.getElementById('to').value };
    if (codes.length) input.authorityCodes = codes;
    document.getElementById('error').textContent = '';
    fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ query: QUERY, variables: { input: input } }) })
      .then(function (response) {
        // the session has ended: sign in again and come back
        if (response.status === 401 || response.status === 403) { window.location.assign('/auth/sign-in?returnTo=%2Fdashboard'); }
        return response.json();
      })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        render(body.data.dashboard);
        document.body.setAttribute('data-loaded', 'true');
      })
      .catch(function (error) { document.getElementById('error').textContent = error.message; });
  });
})();
`;
