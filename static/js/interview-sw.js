// The interview's service worker (served as /interview-sw.js, scope /interview): keeps the
// interview page, its script and style, and the protocol, so that an interview can be started
// and finished without a connection. Everything else (the roster, the API, other pages) goes to
// the network untouched, and nothing holding personal data is kept: the page shows none, and
// the interviews waiting to be sent live in the page's IndexedDB, not here. The page keeps its
// words in itself (in the language it was last opened in), and i18n.js reads them.
'use strict';
const CACHE = 'relaymap-interview-v2';
// What a page never kept says offline, in the language of whoever installed the worker (the
// server writes it in when it serves this file).
const OFFLINE = 'Offline, and this page was never opened here with a connection.';
const KEPT = [
  '/interview',
  '/static/css/relaymap.css',
  '/static/js/i18n.js',
  '/static/js/interview.js',
  '/static/img/favicon.svg',
  '/api/v1/interview-protocol'
];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(KEPT); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    })
    .then(function () { return self.clients.claim(); }));
});

// The network first (a fresh page, a new protocol version), the kept copy when it fails.
self.addEventListener('fetch', function (event) {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !KEPT.includes(url.pathname)) return;
  const key = url.pathname;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(key).then(function (kept) {
      return kept || new Response(OFFLINE, {
        status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' }
      });
    });
  }));
});
