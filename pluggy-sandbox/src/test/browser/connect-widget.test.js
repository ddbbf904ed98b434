// The sandbox's Connect widget (SANDBOX_URL/connect/) opened by the real pluggy-connect-sdk from a parent page on
// another origin, in headless Debian Chromium driven by playwright-core: connector choice, credentials, MFA, and
// what the parent's onSuccess / onError receive. Run by ConnectWidgetBrowserTest after setup.sh.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const SANDBOX = process.env.SANDBOX_URL || 'http://localhost:8091';
const WIDGET = SANDBOX + '/connect/';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const HERE = __dirname;

/** The parent page and the packages it imports, from this folder, on 127.0.0.1 (another origin than the widget). */
function parentServer() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/zoid-module.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end('const { create, destroy, EVENT } = window.zoid;\nexport { create, destroy, EVENT };\n');
      return;
    }
    let file = path.normalize(path.join(HERE, url.pathname));
    if (!file.startsWith(HERE + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    // The SDK's ES modules import './x' and './dir' as TypeScript leaves them: resolve as a bundler would, a
    // folder by a redirect to its index.js, so that the module's own relative imports start from there.
    if (fs.existsSync(file + '.js')) {
      file += '.js';
    } else if (fs.existsSync(path.join(file, 'index.js'))) {
      res.writeHead(302, { Location: url.pathname + '/index.js' }).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function sandbox(method, pathAndQuery, body, key) {
  const headers = { 'Content-Type': 'application/json' };
  if (key) {
    headers['X-API-KEY'] = key;
  }
  const r = await fetch(SANDBOX + pathAndQuery, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json();
  assert.equal(r.status, 200, `${method} ${pathAndQuery}: ${JSON.stringify(json)}`);
  return json;
}

let server;
let context;
let apiKey;

test.before(async () => {
  server = await parentServer();
  apiKey = (await sandbox('POST', '/auth', {
    clientId: process.env.PLUGGY_CLIENT_ID || 'sandbox-client-id',
    clientSecret: process.env.PLUGGY_CLIENT_SECRET || 'sandbox-client-secret',
  })).apiKey;
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'connect-widget-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
});

test.after(async () => {
  if (context) {
    await context.close();
  }
  if (server) {
    server.close();
  }
});

/** Opens the parent with a fresh connect token; returns the page and the widget's frame once it has connectors. */
async function openWidget(t) {
  const connectToken = (await sandbox('POST', '/connect_token', { options: { clientUserId: 'browser-test' } }, apiKey))
    .accessToken;
  const page = await context.newPage();
  t.after(() => page.close());
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(String(e)));
  page.on('response', (r) => { if (r.status() >= 400) { logs.push(r.status() + ' ' + r.url()); } });
  const parent = `http://127.0.0.1:${server.address().port}/parent.html?widget=${encodeURIComponent(WIDGET)}`
    + `&connectToken=${encodeURIComponent(connectToken)}`;
  await page.goto(parent);
  const deadline = Date.now() + 15_000;
  let frame;
  while (!(frame = page.frames().find((f) => f.url().startsWith(WIDGET)))) {
    assert.ok(Date.now() < deadline, `the SDK never framed ${WIDGET}; page log: ${logs.join(' | ')}`);
    await page.waitForTimeout(50);
  }
  try {
    await frame.locator('button.connector').first().waitFor({ timeout: 15_000 });
  } catch (e) {
    const text = await frame.locator('body').innerText().catch(() => '?');
    assert.fail(`the widget never listed connectors (without the SDK's props, as when zoid versions differ, it has no`
      + ` connect token): it shows "${text}"; page log: ${logs.join(' | ')}`);
  }
  return { page, frame, logs };
}

async function outcome(page, logs) {
  try {
    await page.waitForFunction(() => window.outcome !== null, null, { timeout: 20_000 });
  } catch (e) {
    assert.fail(`the parent got neither onSuccess nor onError; page log: ${logs.join(' | ')}`);
  }
  return page.evaluate(() => ({ outcome: window.outcome, events: window.events }));
}

async function login(frame, connectorId, user, password) {
  await frame.locator(`button.connector[data-connector-id="${connectorId}"]`).click();
  await frame.locator('#cred-user').fill(user);
  await frame.locator('#cred-password').fill(password);
  await frame.locator('#submit').click();
}

test('Pluggy Bank with user-ok/password-ok: onSuccess gets the UPDATED item', async (t) => {
  const { page, frame, logs } = await openWidget(t);
  await login(frame, 0, 'user-ok', 'password-ok');
  const { outcome: o, events } = await outcome(page, logs);
  assert.equal(o.kind, 'success', JSON.stringify(o));
  const item = o.data.item;
  assert.match(item.id, /^[0-9a-f-]{36}$/);
  assert.equal(item.status, 'UPDATED');
  assert.equal(item.executionStatus, 'SUCCESS');
  assert.equal(item.connector.id, 0);
  assert.equal(item.clientUserId, 'browser-test');
  const stored = await sandbox('GET', `/items/${item.id}`, undefined, apiKey);
  assert.equal(stored.status, 'UPDATED');
  for (const e of ['SELECTED_INSTITUTION', 'SUBMITTED_LOGIN', 'ITEM_RESPONSE']) {
    assert.ok(events.includes(e), `${e} in ${events}`);
  }
});

test('Pluggy Bank MFA: the token 123456 is asked for, then onSuccess', async (t) => {
  const { page, frame, logs } = await openWidget(t);
  await login(frame, 2, 'user-ok', 'password-ok');
  await frame.locator('#mfa-token').fill('123456', { timeout: 15_000 });
  await frame.locator('#submit-mfa').click();
  const { outcome: o, events } = await outcome(page, logs);
  assert.equal(o.kind, 'success', JSON.stringify(o));
  assert.equal(o.data.item.status, 'UPDATED');
  assert.equal(o.data.item.connector.id, 2);
  assert.ok(events.includes('SUBMITTED_MFA'), String(events));
});

test('a wrong password reaches onError with the item in LOGIN_ERROR', async (t) => {
  const { page, frame, logs } = await openWidget(t);
  await login(frame, 0, 'user-ok', 'password-wrong');
  const { outcome: o } = await outcome(page, logs);
  assert.equal(o.kind, 'error', JSON.stringify(o));
  assert.ok(o.error.message, JSON.stringify(o.error));
  assert.equal(o.error.data.item.status, 'LOGIN_ERROR');
  assert.equal(o.error.data.item.executionStatus, 'INVALID_CREDENTIALS');
  await frame.locator('#error').waitFor();
});
