'use strict';
// The web console: plain DOM, no framework, no inline script (the page's CSP allows only 'self').
// All text from the API goes through textContent, never innerHTML.
(function () {
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('gw-token');
  let socket = null;
  let term = null;
  let consoleBmc = null;
  let consoleText = '';

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  async function api(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status === 401) {
      logout('Session expired, please log in again');
      throw new Error('unauthorized');
    }
    const text = await r.text();
    const data = text ? JSON.parse(text) : null;
    if (!r.ok) throw new Error((data && data.detail) || ('HTTP ' + r.status));
    return data;
  }

  function status(text, isError) {
    const s = $('status');
    s.textContent = text;
    s.className = isError ? 'error' : '';
  }

  function showLogin(message) {
    $('login-view').hidden = false;
    $('main-view').hidden = true;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('login-error').textContent = message || '';
  }

  function logout(message) {
    token = null;
    sessionStorage.removeItem('gw-token');
    closeConsole();
    showLogin(message);
  }

  async function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    const r = await fetch('/api/v1/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('username').value, password: $('password').value })
    });
    const data = await r.json();
    $('password').value = '';
    if (!r.ok) {
      $('login-error').textContent = data.detail || 'login failed';
      return;
    }
    token = data.token;
    sessionStorage.setItem('gw-token', token);
    sessionStorage.setItem('gw-user', $('username').value + ' (' + data.role + ')');
    showMain();
  }

  function showMain() {
    $('login-view').hidden = true;
    $('main-view').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = sessionStorage.getItem('gw-user') || '';
    loadBmcs();
  }

  const CONFIRM = { off: true, cycle: true, reset: true, soft: true };

  async function loadBmcs() {
    status('loading…');
    let list;
    try {
      list = await api('GET', '/api/v1/bmcs?refresh=true');
    } catch (e) {
      status(e.message, true);
      return;
    }
    const body = $('bmcs').tBodies[0];
    body.replaceChildren();
    for (const b of list) {
      const tr = el('tr');
      tr.dataset.bmc = b.name;
      tr.appendChild(el('td', b.name));
      tr.appendChild(el('td', Object.entries(b.labels || {}).map(([k, v]) => k + '=' + v).join(', ')));
      tr.appendChild(el('td', b.reachable === null ? '?' : (b.reachable ? 'yes' : 'no')));
      const power = el('td', b.power || '?', b.power || '');
      power.dataset.power = b.power || '';
      power.className = 'power ' + (b.power || '');
      tr.appendChild(power);
      const actions = el('td');
      for (const a of ['on', 'off', 'cycle', 'reset']) {
        const btn = el('button', a);
        btn.dataset.action = a;
        btn.addEventListener('click', () => powerAction(b.name, a));
        actions.appendChild(btn);
      }
      const d = el('button', 'sensors & SEL');
      d.dataset.action = 'detail';
      d.addEventListener('click', () => showDetail(b.name));
      actions.appendChild(d);
      const c = el('button', 'console');
      c.dataset.action = 'console';
      c.addEventListener('click', () => openConsole(b.name, false));
      actions.appendChild(c);
      tr.appendChild(actions);
      body.appendChild(tr);
    }
    status(list.length + ' BMCs');
  }

  async function powerAction(name, action) {
    if (CONFIRM[action] && !window.confirm('Power ' + action + ' ' + name + '?')) return;
    status(name + ': power ' + action + '…');
    try {
      const r = await api('POST', '/api/v1/bmcs/' + encodeURIComponent(name) + '/power', { action, wait: action === 'on' || action === 'off' });
      status(name + ': power ' + action + ' done' + (r.power ? ' (now ' + r.power + ')' : ''));
    } catch (e) {
      status(name + ': ' + e.message, true);
    }
    loadBmcs();
  }

  async function showDetail(name) {
    $('detail').hidden = false;
    $('detail-title').textContent = name;
    const sBody = $('sensors').tBodies[0];
    const eBody = $('sel').tBodies[0];
    sBody.replaceChildren();
    eBody.replaceChildren();
    try {
      const sensors = await api('GET', '/api/v1/bmcs/' + encodeURIComponent(name) + '/sensors');
      for (const s of sensors) {
        const tr = el('tr');
        tr.appendChild(el('td', s.name));
        tr.appendChild(el('td', s.type));
        let reading = s.reading;
        if (s.reading === 'value') reading = (s.value === null ? 'n/a' : s.value) + ' ' + (s.units || '');
        if (s.reading === 'states') reading = (s.states || []).join(', ');
        tr.appendChild(el('td', reading));
        tr.appendChild(el('td', s.status));
        sBody.appendChild(tr);
      }
      const sel = await api('GET', '/api/v1/bmcs/' + encodeURIComponent(name) + '/sel');
      for (const e of sel.entries) {
        const tr = el('tr');
        tr.appendChild(el('td', e.id));
        tr.appendChild(el('td', e.time || ''));
        tr.appendChild(el('td', e.sensor_type || ''));
        tr.appendChild(el('td', e.event || e.text));
        tr.appendChild(el('td', e.direction || ''));
        eBody.appendChild(tr);
      }
    } catch (e) {
      status(name + ': ' + e.message, true);
    }
  }

  function closeConsole() {
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'closed by user');
      socket = null;
    }
    $('console').hidden = true;
    consoleBmc = null;
  }

  function openConsole(name, takeover) {
    closeConsole();
    consoleBmc = name;
    consoleText = '';
    $('console').hidden = false;
    $('console-title').textContent = 'Console: ' + name;
    $('console-role').textContent = 'connecting…';
    if (!term) {
      // the DOM renderer puts the text in the page, where people (and tests) can select and read it
      term = new window.Terminal({ rendererType: 'dom', convertEol: false, cols: 100, rows: 24 });
      term.open($('terminal'));
      term.onData((d) => {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(new TextEncoder().encode(d));
      });
    }
    term.reset();
    const proto = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const url = proto + location.host + '/api/v1/bmcs/' + encodeURIComponent(name) + '/console?token='
      + encodeURIComponent(token) + (takeover ? '&takeover=true' : '');
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    const decoder = new TextDecoder('utf-8');
    ws.onmessage = (m) => {
      if (typeof m.data === 'string') {
        const msg = JSON.parse(m.data);
        if (msg.type === 'hello' || msg.type === 'role') $('console-role').textContent = 'you are the ' + msg.role + (msg.reason ? ' (' + msg.reason + ')' : '');
        if (msg.type === 'error') status(name + ' console: ' + msg.message, true);
        if (msg.type === 'event') status(name + ' console: ' + msg.event);
        return;
      }
      const bytes = new Uint8Array(m.data);
      term.write(bytes);
      consoleText = (consoleText + decoder.decode(bytes, { stream: true })).slice(-65536);
    };
    ws.onclose = (e) => {
      $('console-role').textContent = 'closed' + (e.reason ? ': ' + e.reason : '');
      socket = null;
    };
    socket = ws;
    term.focus();
  }

  window.gatewayConsole = { text: () => consoleText, bmc: () => consoleBmc };

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', (e) => { login(e).catch((x) => { $('login-error').textContent = x.message; }); });
    $('logout').addEventListener('click', () => logout(''));
    $('refresh').addEventListener('click', loadBmcs);
    $('console-close').addEventListener('click', closeConsole);
    $('console-takeover').addEventListener('click', () => { if (consoleBmc) openConsole(consoleBmc, true); });
    $('console-break').addEventListener('click', () => {
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: 'break' }));
    });
    if (token) showMain(); else showLogin('');
  });
})();
