// Service worker of the participants' pages (scope /me/). Pages are fetched from the network first
// and the copy kept; without a connection the kept copy is shown. The page asks for its own
// address, its style sheets and scripts and the coming days to be kept right after the first load.
"use strict";
var CACHE = "tmssw-me-v1";

self.addEventListener("install", function () {
    self.skipWaiting();
});

self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "cache" || !Array.isArray(event.data.urls)) {
        return;
    }

    var same = event.data.urls.filter(function (u) {
        try { return new URL(u).origin === self.location.origin; } catch (e) { return false; }
    });
    event.waitUntil(caches.open(CACHE).then(function (cache) {
        return Promise.all(same.map(function (u) {
            return fetch(u, { credentials: "same-origin" }).then(function (response) {
                if (response.ok) {
                    return cache.put(u, response);
                }
                return undefined;
            });
        }));
    }).then(function () {
        event.source.postMessage({ type: "cached", ok: true });
    }, function () {
        event.source.postMessage({ type: "cached", ok: false });
    }));
});

self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
        return;
    }

    event.respondWith(fetch(request).then(function (response) {
        if (response.ok && response.type === "basic") {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
    }).catch(function () {
        return caches.match(request, { ignoreVary: true }).then(function (hit) {
            return hit || new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain" } });
        });
    }));
});
