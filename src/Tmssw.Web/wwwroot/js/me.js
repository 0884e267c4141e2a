// The participants' pages: registers the service worker (/me/sw.js, scope /me/) and asks it to keep
// this page, its style sheets and scripts and the coming days' pages (links marked data-offline)
// for reading without a connection. When they are stored, <body data-offline="ready">.
(function () {
    "use strict";
    if (!("serviceWorker" in navigator)) {
        return;
    }

    function urls() {
        var list = [location.href];
        document.querySelectorAll('link[rel="stylesheet"][href], script[src]').forEach(function (el) {
            list.push(el.href || el.src);
        });
        document.querySelectorAll("a[data-offline]").forEach(function (a) {
            list.push(a.href);
        });
        return list;
    }

    navigator.serviceWorker.addEventListener("message", function (event) {
        if (event.data && event.data.type === "cached") {
            document.body.setAttribute("data-offline", event.data.ok ? "ready" : "failed");
        }
    });

    navigator.serviceWorker.register("/me/sw.js", { scope: "/me/" }).then(function () {
        return navigator.serviceWorker.ready;
    }).then(function (registration) {
        if (registration.active) {
            registration.active.postMessage({ type: "cache", urls: urls() });
        }
    }).catch(function () {
        document.body.setAttribute("data-offline", "failed");
    });
})();
