/**
 * GraphiQL as the signed-in practitioner: requests carry the session's cookie and its CSRF token; the
 * editor's state is kept in memory, never in the browser's storage (variables may name a child).
 */
export const EXPLORER_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="csrf-token" content="{{csrfToken}}" />
  <title>Haven GraphQL explorer</title>
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    header { padding: 8px 12px; display: flex; gap: 8px; align-items: center; background: #1f3a5f; color: #fff; }
    header form { margin-left: auto; }
    #graphiql { flex: 1; }
  </style>
</head>
<body>
  <header>
    <strong>Haven</strong>
    <span>GraphQL explorer, as you (development only)</span>
  </header>
  <div id="graphiql">Loading…</div>
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    const csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
    const fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      fetch: (url, options) => {
        const headers = Object.assign({}, options.headers, { 'x-csrf-token': csrfToken });
        return fetch(url, Object.assign({}, options, { headers, credentials: 'same-origin' }));
      },
    });
    // GraphiQL keeps its tabs, queries and variables here instead of in localStorage
    const kept = new Map();
    const storage = {
      getItem: (key) => (kept.has(key) ? kept.get(key) : null),
      setItem: (key, value) => kept.set(key, String(value)),
      removeItem: (key) => kept.delete(key),
      clear: () => kept.clear(),
      get length() {
        return kept.size;
      },
    };
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, storage, defaultEditorToolsVisibility: true }),
    );
  </script>
</body>
</html>
`;
