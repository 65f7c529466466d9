// The search page without full reloads: the filter form and the links inside the results
// (paging, relaxed searches) fetch only the results block (the view answers a request with
// an HX-Request header with that partial) and the address bar keeps the search, so a shared
// or reloaded link, and the back button, show the same results. Without JS it is a plain form.
(function () {
  var form = document.querySelector("form.search-form"), results = document.getElementById("results");
  if (!form || !results || !window.fetch || !window.URLSearchParams) return;
  var path = new URL(form.action, location.href).pathname, timer, pending;

  // A shared link carries only what was chosen: no "city=&min_pay=" (repeats kept).
  function clean(pathname, entries) {
    var params = new URLSearchParams();
    entries.forEach(function (value, name) { if (value !== "") params.append(name, value); });
    var query = params.toString();
    return pathname + (query ? "?" + query : "");
  }

  function searchUrl() { return clean(path, new FormData(form)); }

  function load(url, scroll) {
    var target = new URL(url, location.href);
    url = clean(target.pathname, target.searchParams);
    if (pending) pending.abort();
    pending = new AbortController();
    results.classList.add("loading");
    fetch(url, {headers: {"HX-Request": "true"}, credentials: "same-origin", signal: pending.signal})
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
      .then(function (html) {
        results.innerHTML = html;
        results.classList.remove("loading");
        if (url !== location.pathname + location.search) history.pushState({search: true}, "", url);
        if (scroll) results.scrollIntoView({block: "start"});
      })
      .catch(function (error) { if (error.name !== "AbortError") location.assign(url); });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); load(searchUrl(), false); });
  form.addEventListener("change", function () { load(searchUrl(), false); });
  var q = form.querySelector("[name=q]");
  if (q) q.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { load(searchUrl(), false); }, 500);
  });
  results.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || link.target) return;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== path) return;
    event.preventDefault();
    load(url.href, true);
  });
  // Back and forward between searches: the page for that address, form included.
  window.addEventListener("popstate", function () { location.reload(); });
})();
