/** GraphiQL with a box for the bearer token, kept in the browser's local storage. */
export const EXPLORER_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Haven GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    header { padding: 8px 12px; display: flex; gap: 8px; align-items: center; background: #1f3a5f; color: #fff; }
    header input { flex: 1; font-family: monospace; padding: 4px; }
    #graphiql { flex: 1; }
  </style>
</head>
<body>
  <header>
    <strong>Haven</strong>
    <label for="token">Bearer token</label>
    <input id="token" placeholder="npm run token -- --role SOCIAL_WORKER --org E09000017 --sub sw-1 --name 'Sam Worker'" />
  </header>
  <div id="graphiql">Loading…</div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    const input = document.getElementById('token');
    input.value = localStorage.getItem('haven.token') || '';
    input.addEventListener('change', () => localStorage.setItem('haven.token', input.value.trim()));
    const fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      fetch: (url, options) => {
        const token = input.value.trim();
        const headers = Object.assign({}, options.headers, token ? { Authorization: 'Bearer ' + token } : {});
        return fetch(url, Object.assign({}, options, { headers }));
      },
    });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>
`;
