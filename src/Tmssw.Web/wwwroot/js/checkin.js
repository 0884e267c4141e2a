// Check-in at the conference door (/manage/{year}/conference/checkin).
// Every scan (camera or typed code) goes into a queue in localStorage with the time it was made, and the
// queue is sent one scan at a time; a scan whose request fails for lack of network stays queued and is
// sent when the connection returns (the "online" event, and a retry every few seconds). The server
// verifies each token and keeps the original scan time.
(function () {
    'use strict';
    var form = document.getElementById('checkin-form');
    if (!form) {
        return;
    }

    var code = document.getElementById('checkin-code');
    var results = document.getElementById('checkin-results');
    var queueInfo = document.getElementById('checkin-queue');
    var count = document.getElementById('checkin-count');
    var sessionId = parseInt(form.dataset.session, 10);
    var endpoint = form.dataset.endpoint;
    var key = 'tmssw-checkin-queue-' + form.dataset.year;
    var csrf = form.querySelector('input[name="__RequestVerificationToken"]').value;
    var flushing = false;

    function load() {
        try {
            var q = JSON.parse(localStorage.getItem(key) || '[]');
            return Array.isArray(q) ? q : [];
        } catch (e) {
            return [];
        }
    }

    function save(q) {
        localStorage.setItem(key, JSON.stringify(q));
    }

    function localTime(iso) {
        var d = new Date(iso);
        return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
    }

    function show(kind, title, lines, id) {
        var box = id ? document.getElementById('scan-' + id) : null;
        if (!box) {
            box = document.createElement('div');
            if (id) {
                box.id = 'scan-' + id;
            }
            results.insertBefore(box, results.firstChild);
        }
        box.className = 'checkin-result' + (kind ? ' ' + kind : '');
        box.setAttribute('role', 'status');
        box.textContent = '';
        var who = document.createElement('span');
        who.className = 'who';
        who.textContent = title;
        box.appendChild(who);
        lines.forEach(function (line) {
            var p = document.createElement('span');
            p.textContent = line;
            box.appendChild(p);
            box.appendChild(document.createElement('br'));
        });
        while (results.children.length > 12) {
            results.removeChild(results.lastChild);
        }
    }

    function updateQueue() {
        var n = load().length;
        queueInfo.textContent = n === 0 ? '' : n + (n === 1 ? ' scan waits' : ' scans wait') + ' for the connection; sent as soon as it returns.';
    }

    function answer(scan, status, body) {
        if (status === 200 && body) {
            var place = [body.country || body.organization, body.role].filter(Boolean).join(' · ');
            var lines = [place, body.duplicate ? 'Already checked in at ' + body.localTime : 'Checked in at ' + body.localTime];
            if (body.note) {
                lines.push(body.note);
            }
            show(body.duplicate ? 'duplicate' : '', body.name, lines, scan.id);
            if (!body.duplicate && count) {
                count.textContent = String(parseInt(count.textContent, 10) + 1);
            }
        } else {
            show('refused', body && body.name ? body.name : 'Refused', [(body && body.problem) || ('The server answered ' + status + '.')], scan.id);
        }
    }

    async function flush() {
        if (flushing) {
            return;
        }
        flushing = true;
        try {
            var q = load();
            while (q.length > 0) {
                var scan = q[0];
                var response;
                try {
                    response = await fetch(endpoint, {
                        method: 'POST',
                        credentials: 'same-origin',
                        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrf },
                        body: JSON.stringify({ token: scan.token, sessionId: scan.sessionId, scannedAt: scan.scannedAt })
                    });
                } catch (e) {
                    break; // no network: the scan stays queued
                }
                if (response.status >= 500 || response.status === 429 || response.status === 401 || response.status === 403) {
                    break; // the server cannot take it now: try again later
                }
                var body = null;
                try {
                    body = await response.json();
                } catch (e) {
                    body = null;
                }
                save(load().filter(function (s) { return s.id !== scan.id; }));
                answer(scan, response.status, body);
                q = load();
            }
        } finally {
            flushing = false;
            updateQueue();
        }
    }

    function enqueue(token) {
        var scan = {
            id: Date.now().toString(36) + Math.random().toString(36).slice(2, 8),
            token: token,
            sessionId: sessionId,
            scannedAt: new Date().toISOString()
        };
        var q = load();
        q.push(scan);
        save(q);
        show('queued', 'Scanned at ' + localTime(scan.scannedAt), ['Sending…'], scan.id);
        updateQueue();
        flush();
    }

    form.addEventListener('submit', function (e) {
        e.preventDefault();
        var token = code.value.trim();
        if (token.length === 0) {
            code.focus();
            return;
        }
        enqueue(token);
        code.value = '';
        code.focus();
    });

    window.addEventListener('online', flush);
    setInterval(flush, 4000);
    updateQueue();
    flush();

    // The camera: frames decoded by the vendored jsQR; the same badge is taken once every few seconds.
    var button = document.getElementById('checkin-camera');
    var video = document.getElementById('checkin-video');
    var canvas = document.getElementById('checkin-canvas');
    if (!button || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof window.jsQR !== 'function') {
        return;
    }
    button.hidden = false;
    var last = { text: '', at: 0 };
    button.addEventListener('click', async function () {
        try {
            var stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
            video.srcObject = stream;
            video.hidden = false;
            button.hidden = true;
            await video.play();
            requestAnimationFrame(tick);
        } catch (e) {
            show('refused', 'No camera', ['The camera could not be opened (' + e.name + '). Type or paste the code instead.']);
        }
    });

    function tick() {
        if (video.readyState === video.HAVE_ENOUGH_DATA) {
            canvas.width = video.videoWidth;
            canvas.height = video.videoHeight;
            var context = canvas.getContext('2d', { willReadFrequently: true });
            context.drawImage(video, 0, 0, canvas.width, canvas.height);
            var image = context.getImageData(0, 0, canvas.width, canvas.height);
            var found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
            var now = Date.now();
            if (found && found.data && (found.data !== last.text || now - last.at > 4000)) {
                last = { text: found.data, at: now };
                enqueue(found.data);
            }
        }
        requestAnimationFrame(tick);
    }
})();
