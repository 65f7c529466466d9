// Loker CS service worker: the shell and the last search results for reading offline.
const V = "lokercs-{{ version|escapejs }}", OFFLINE = "{{ offline_url|escapejs }}", SEARCH = "{{ search_url|escapejs }}";
const LAST = SEARCH + "?sw-terakhir", MAX_PAGES = 30;
self.addEventListener("install", e => e.waitUntil(caches.open(V).then(c => c.addAll([{% for url in shell %}"{{ url|escapejs }}"{% if not forloop.last %}, {% endif %}{% endfor %}])).then(() => self.skipWaiting())));
self.addEventListener("activate", e => e.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== V).map(k => caches.delete(k)))).then(() => self.clients.claim())));
function keep(key, response) {
  // The last search page, plus the most recent gig pages opened (oldest dropped first).
  caches.open(V).then(c => c.put(key, response).then(() => c.keys()).then(keys => {
    const pages = keys.filter(r => new URL(r.url).pathname.startsWith(SEARCH) && !r.url.endsWith(LAST));
    while (pages.length > MAX_PAGES) c.delete(pages.shift());
  }));
}
self.addEventListener("fetch", e => {
  const r = e.request, url = new URL(r.url);
  if (r.method !== "GET" || url.origin !== location.origin) return;
  if (url.pathname.startsWith("/static/")) { e.respondWith(caches.match(r).then(hit => hit || fetch(r))); return; }
  if (r.mode !== "navigate") return;
  const isSearch = url.pathname === SEARCH, isGig = !isSearch && url.pathname.startsWith(SEARCH);
  e.respondWith(fetch(r).then(response => {
    if (response.ok && (isSearch || isGig)) keep(isSearch ? LAST : r, response.clone());
    return response;
  }).catch(() => caches.match(isSearch ? LAST : r).then(hit => hit || caches.match(OFFLINE))));
});
