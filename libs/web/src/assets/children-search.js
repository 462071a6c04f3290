// Find a child: the results follow the search box as the practitioner types. The form works the
// same without this script (a GET form); here the same page is fetched with the form's query
// string, its results region swapped in, the address updated and the count announced.
const DELAY_MS = 350;

const form = document.querySelector('[data-haven-child-search]');
const box = form && form.querySelector('#search');
const results = form && form.querySelector('[data-haven-results]');
const status = form && form.querySelector('[data-haven-results-status]');

if (form && box && results && status) {
  let timer;
  let pending;

  const queryString = () => {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value.trim() !== '') query.set(name, value.trim());
    }
    return query.toString();
  };

  const refresh = async () => {
    pending?.abort();
    pending = new AbortController();
    const query = queryString();
    const address = query ? `/children?${query}` : '/children';
    try {
      const response = await fetch(address, {
        headers: { accept: 'text/html' },
        credentials: 'same-origin',
        signal: pending.signal,
      });
      // a refused search (shown when the form is sent) or a session that ended: leave the page as it is
      if (!response.ok || new URL(response.url).pathname !== '/children') return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.querySelector('[data-haven-results]');
      if (!fresh) return;
      results.replaceChildren(...Array.from(fresh.childNodes, (node) => document.importNode(node, true)));
      window.history.replaceState(null, '', address);
      const heading = results.querySelector('h2');
      status.textContent = heading ? heading.textContent.trim().replace(/\s+/g, ' ') : '';
    } catch {
      // aborted by a newer search, or the network failed: the form still searches when it is sent
    }
  };

  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, DELAY_MS);
  });
}
