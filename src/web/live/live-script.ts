// The live view's browser script (served as /_mock/web/assets/live.js): draws arrows from the event stream.

export const LIVE_SCRIPT = String.raw`(() => {
  'use strict';
  const MAX_ROWS = 400;
  const rows = document.getElementById('rows');
  const stats = document.getElementById('live-stats');
  const follow = document.getElementById('follow');
  let lanes = 8;
  let queue = [];
  let drawn = 0;
  let skippedTotal = 0;
  let scheduled = false;
  const times = [];

  function clock(ms) {
    return new Date(ms).toISOString().slice(11, 23);
  }

  function rowOf(a) {
    const row = document.createElement('div');
    row.className = 'flow-row';
    row.dataset.seq = String(a.seq);
    row.dataset.kind = a.kind;
    row.dataset.status = String(a.status);
    row.title = a.label;
    const time = document.createElement('span');
    time.className = 'time';
    time.textContent = clock(a.timeMs);
    const left = Math.min(a.from, a.to);
    const right = Math.max(a.from, a.to);
    const unit = 100 / lanes;
    const arrow = document.createElement('div');
    arrow.className = a.from > a.to ? 'arrow rev' : 'arrow';
    arrow.style.setProperty('--c', a.colour);
    arrow.style.left = (left + 0.5) * unit + '%';
    arrow.style.width = (right - left) * unit + '%';
    const label = document.createElement('span');
    label.className = 'label';
    label.style.left = (left + 0.5) * unit + 1 + '%';
    // Labels may run past the arrow, up to the diagram's right edge.
    label.style.maxWidth = (lanes - left - 0.6) * unit + '%';
    const dot = document.createElement('span');
    dot.className = 'status';
    dot.style.background = a.statusColour;
    label.append(dot, document.createTextNode(a.label));
    row.append(time, label, arrow);
    return row;
  }

  function draw() {
    scheduled = false;
    if (!queue.length) return;
    const batch = queue.length > MAX_ROWS ? queue.slice(-MAX_ROWS) : queue;
    queue = [];
    const fragment = document.createDocumentFragment();
    for (const a of batch) fragment.append(rowOf(a));
    rows.append(fragment);
    drawn += batch.length;
    while (rows.childElementCount > MAX_ROWS) rows.firstElementChild.remove();
    if (follow.checked) rows.scrollTop = rows.scrollHeight;
    showStats();
  }

  function showStats() {
    const now = Date.now();
    while (times.length && times[0] < now - 60000) times.shift();
    stats.textContent = times.length + ' calls in the last minute · ' + rows.childElementCount + ' drawn' +
      (skippedTotal ? ' · ' + skippedTotal + ' not drawn (too many at once)' : '');
  }

  function add(arrows, skipped) {
    skippedTotal += skipped || 0;
    const now = Date.now();
    for (let i = 0; i < arrows.length + (skipped || 0); i++) times.push(now);
    queue.push(...arrows);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(draw);
    }
  }

  function badge(text, cls) {
    const span = document.createElement('span');
    span.className = 'badge ' + cls;
    span.textContent = text;
    return span;
  }

  const STATUS_CLASS = { Pending: 'run', Success: 'ok', Warning: 'warn', Error: 'bad', TemporaryError: 'warn' };

  function showBoard(state) {
    const jobs = document.getElementById('jobs');
    jobs.replaceChildren();
    if (!state.board.jobs.length) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = 'No job yet.';
      jobs.append(p);
    }
    for (const job of state.board.jobs) {
      const card = document.createElement('div');
      card.className = 'job';
      card.dataset.jobId = job.jobId;
      card.dataset.completed = String(job.completed);
      const head = document.createElement('div');
      head.className = 'mono';
      head.textContent = job.resource + ' ' + job.operation + ' · ' + job.jobId.slice(0, 8) + '… · ' + job.organisationId;
      head.append(' ', badge(job.completed ? 'settled' : 'pending', job.completed ? 'ok' : 'run'));
      const counts = document.createElement('div');
      for (const [status, n] of Object.entries(job.counts)) {
        if (n > 0) counts.append(badge(status + ' ' + n, STATUS_CLASS[status] || ''), ' ');
      }
      card.append(head, counts);
      if (job.items) {
        const cells = document.createElement('div');
        cells.className = 'items';
        for (const status of job.items) {
          const cell = document.createElement('span');
          cell.className = 'item ' + (STATUS_CLASS[status] || '');
          cell.title = status;
          cells.append(cell);
        }
        card.append(cells);
      }
      jobs.append(card);
    }
    const syncs = document.getElementById('syncs');
    syncs.replaceChildren();
    for (const sync of state.board.syncs) {
      const line = document.createElement('div');
      line.className = 'mono';
      line.textContent = sync.url + ' (' + sync.organisationNumber + ') ';
      line.append(badge(sync.state, sync.state === 'synced' ? 'ok' : 'run'));
      if (sync.job) line.append(' ', sync.job.kind + ' ' + sync.job.state + ': ' + sync.job.stored + ' stored, ' + sync.job.rejected + ' rejected');
      syncs.append(line);
    }
    if (!state.board.syncs.length) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = 'No SS 12000 API registered.';
      syncs.append(p);
    }
    showFaults(state.faults);
  }

  function showFaults(faults) {
    const p = faults.provisioning;
    const unavailable = document.getElementById('fault-unavailable');
    if (document.activeElement !== unavailable) unavailable.checked = p.unavailable;
    const temporary = document.getElementById('fault-temporary');
    if (document.activeElement !== temporary) temporary.value = String(p.temporaryErrorRate);
    const slow = document.getElementById('fault-slow');
    if (document.activeElement !== slow) slow.value = String(p.slowJobsMs);
    const armed = Object.keys(faults.auth);
    document.getElementById('fault-state').textContent =
      'provisioning: ' + (p.unavailable ? '503 ' + (p.unavailableUntil ? 'until ' + p.unavailableUntil.slice(11, 19) : 'until cleared') : 'available') +
      (p.temporaryErrorRate ? ', TemporaryError ' + p.temporaryErrorRate * 100 + ' %' : '') +
      (p.slowJobsMs ? ', jobs +' + p.slowJobsMs + ' ms' : '') +
      ' · auth: ' + (armed.length ? armed.join(', ') : 'no fault');
  }

  async function send(method, url, body) {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(method + ' ' + url + ' answered ' + res.status);
    return res.status === 204 ? {} : res.json();
  }
  async function refreshBoard() {
    showBoard(await send('GET', '/_mock/live/board'));
  }
  const patchProvisioning = (patch) => send('PATCH', '/_mock/provisioning/faults', patch).then(refreshBoard);

  document.getElementById('fault-unavailable').addEventListener('change', (e) =>
    patchProvisioning({ unavailable: e.target.checked }));
  document.getElementById('fault-window').addEventListener('click', () => patchProvisioning({ unavailableForMs: 30000 }));
  document.getElementById('fault-temporary').addEventListener('change', (e) =>
    patchProvisioning({ temporaryErrorRate: Number(e.target.value) }));
  document.getElementById('fault-slow').addEventListener('change', (e) =>
    patchProvisioning({ slowJobsMs: Number(e.target.value) }));
  document.getElementById('fault-token').addEventListener('change', async (e) => {
    const value = e.target.value;
    if (!value) await send('DELETE', '/_mock/auth/faults');
    else await send('POST', '/_mock/auth/faults', value === 'fail' ? { fail: { count: 1, status: 503 } } : { [value]: { count: 1 } });
    e.target.value = '';
    await refreshBoard();
  });
  document.getElementById('reset').addEventListener('click', async () => {
    await send('POST', '/_mock/live/reset');
    await refreshBoard();
  });

  const dialog = document.getElementById('evidence');
  function headerLines(headers) {
    return Object.entries(headers).map(([k, v]) => k + ': ' + v).join('\n');
  }
  rows.addEventListener('click', async (e) => {
    const row = e.target.closest('.flow-row');
    if (!row) return;
    const seq = Number(row.dataset.seq);
    const title = document.getElementById('evidence-title');
    const req = document.getElementById('evidence-request');
    const res = document.getElementById('evidence-response');
    if (seq < 0) {
      title.textContent = row.title;
      req.textContent = 'The job engine works inside the Provisioning API: no HTTP exchange.';
      res.textContent = '';
    } else {
      const ev = await send('GET', '/_mock/live/exchanges/' + seq);
      title.textContent = '#' + ev.seq + ' ' + ev.request.method + ' ' + ev.request.url;
      req.textContent = ev.request.method + ' ' + ev.request.url + '\n' + headerLines(ev.request.headers) +
        (ev.tokenId ? '\n(token fingerprint ' + ev.tokenId + ')' : '') + '\n\n' + (ev.request.body || '');
      res.textContent = ev.response.status + ' (' + ev.durationMs + ' ms)\n' + headerLines(ev.response.headers) +
        '\n\n' + (ev.response.body || '') + (ev.notes ? '\n\nnotes: ' + JSON.stringify(ev.notes) : '');
    }
    dialog.showModal();
  });

  const source = new EventSource('/_mock/live/events');
  source.addEventListener('hello', (e) => {
    const data = JSON.parse(e.data);
    lanes = data.lanes.length;
    rows.replaceChildren();
    add(data.arrows, 0);
    showBoard(data);
    document.body.dataset.live = 'connected';
  });
  source.addEventListener('arrows', (e) => {
    const data = JSON.parse(e.data);
    add(data.arrows, data.skipped);
  });
  source.addEventListener('board', (e) => showBoard(JSON.parse(e.data)));
  source.addEventListener('reset', () => {
    queue = [];
    rows.replaceChildren();
    skippedTotal = 0;
    times.length = 0;
    showStats();
  });
  source.addEventListener('error', () => {
    stats.textContent = 'reconnecting…';
  });
})();
`;
