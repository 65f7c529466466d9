"""Installable and light: web app manifest, a small service worker (no framework) that keeps
the shell and the last search results for offline reading, and the offline page."""
