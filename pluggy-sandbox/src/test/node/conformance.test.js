'use strict';
// Drives the sandbox with Pluggy's official SDK, exactly as a service would drive Pluggy: only PLUGGY_API_URL and
// the credentials differ. Run by SdkConformanceTest (JUnit) against the test instance.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { PluggyClient } = require('pluggy-sdk');

const client = new PluggyClient({
  clientId: process.env.PLUGGY_CLIENT_ID || 'sandbox-client-id',
  clientSecret: process.env.PLUGGY_CLIENT_SECRET || 'sandbox-client-secret',
});

const ITEM_STATUSES = ['UPDATED', 'UPDATING', 'WAITING_USER_INPUT', 'WAITING_USER_ACTION', 'MERGING', 'LOGIN_ERROR', 'OUTDATED'];
const EXECUTION_STATUSES = ['CREATING', 'CREATE_ERROR', 'CREATED', 'LOGIN_IN_PROGRESS', 'WAITING_USER_INPUT',
  'WAITING_USER_ACTION', 'LOGIN_MFA_IN_PROGRESS', 'ACCOUNTS_IN_PROGRESS', 'TRANSACTIONS_IN_PROGRESS',
  'PAYMENT_DATA_IN_PROGRESS', 'CREDITCARDS_IN_PROGRESS', 'INVESTMENTS_IN_PROGRESS', 'INVESTMENTS_TRANSACTIONS_IN_PROGRESS',
  'IDENTITY_IN_PROGRESS', 'LOANS_IN_PROGRESS', 'ACCOUNT_STATEMENTS_IN_PROGRESS', 'INVALID_CREDENTIALS', 'ALREADY_LOGGED_IN',
  'UNEXPECTED_ERROR', 'INVALID_CREDENTIALS_MFA', 'SITE_NOT_AVAILABLE', 'ACCOUNT_LOCKED', 'ACCOUNT_CREDENTIALS_RESET',
  'CONNECTION_ERROR', 'ACCOUNT_NEEDS_ACTION', 'USER_AUTHORIZATION_PENDING', 'USER_AUTHORIZATION_NOT_GRANTED',
  'USER_NOT_SUPPORTED', 'USER_INPUT_TIMEOUT', 'MERGE_ERROR', 'ERROR', 'SUCCESS', 'PARTIAL_SUCCESS'];
const CONNECTOR_TYPES = ['PERSONAL_BANK', 'BUSINESS_BANK', 'INVOICE', 'INVESTMENT', 'TELECOMMUNICATION', 'DIGITAL_ECONOMY',
  'PAYMENT_ACCOUNT', 'OTHER'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(itemId, predicate, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  let item;
  while (Date.now() < deadline) {
    item = await client.fetchItem(itemId);
    assert.ok(ITEM_STATUSES.includes(item.status), `status ${item.status}`);
    assert.ok(EXECUTION_STATUSES.includes(item.executionStatus), `executionStatus ${item.executionStatus}`);
    if (predicate(item)) return item;
    await sleep(50);
  }
  assert.fail(`item ${itemId} never reached the expected state: ${JSON.stringify(item)}`);
}

function assertTransaction(t, accountId) {
  assert.equal(typeof t.id, 'string');
  assert.equal(t.accountId, accountId);
  assert.ok(t.date instanceof Date, 'date revived as a Date');
  assert.ok(t.createdAt instanceof Date && t.updatedAt instanceof Date);
  assert.equal(typeof t.description, 'string');
  assert.equal(typeof t.amount, 'number');
  assert.equal(typeof t.balance, 'number');
  assert.equal(t.currencyCode, 'BRL');
  assert.ok(['DEBIT', 'CREDIT'].includes(t.type));
  assert.ok(['PENDING', 'POSTED'].includes(t.status));
  assert.ok('categoryId' in t && 'category' in t && 'creditCardMetadata' in t && 'operationType' in t);
}

test('the official SDK works against the sandbox end to end', async (t) => {
  let itemId;
  let accounts;

  await t.test('connectors', async () => {
    const page = await client.fetchConnectors({ sandbox: true, countries: ['BR'] });
    assert.ok(page.results.length >= 6);
    assert.equal(page.page, 1);
    for (const c of page.results) {
      assert.equal(typeof c.id, 'number');
      assert.ok(CONNECTOR_TYPES.includes(c.type));
      assert.equal(c.country, 'BR');
      assert.ok(Array.isArray(c.credentials) && Array.isArray(c.products));
      assert.ok(['ONLINE', 'OFFLINE', 'UNSTABLE'].includes(c.health.status));
      assert.ok(c.createdAt instanceof Date);
    }
    const mfa = await client.fetchConnector(2);
    assert.equal(mfa.hasMFA, true);
    const validation = await client.validateParameters(0, { user: 'user-ok' });
    assert.deepEqual(validation.errors.map((e) => e.parameter), ['password']);
  });

  await t.test('create an MFA item, answer the MFA, poll to UPDATED', async () => {
    const created = await client.createItem(2, { user: 'user-ok', password: 'password-ok' },
      { clientUserId: 'sdk-conformance' });
    itemId = created.id;
    assert.equal(created.status, 'UPDATING');
    assert.equal(created.connector.id, 2);
    const waiting = await until(itemId, (i) => i.status === 'WAITING_USER_INPUT');
    assert.equal(waiting.parameter.name, 'token');
    assert.equal(waiting.parameter.mfa, true);
    await client.updateItemMFA(itemId, { token: '123456' });
    const done = await until(itemId, (i) => i.status === 'UPDATED');
    assert.equal(done.executionStatus, 'SUCCESS');
    assert.equal(done.error, null);
    assert.ok(done.lastUpdatedAt instanceof Date);
    assert.equal(done.clientUserId, 'sdk-conformance');
    assert.equal(typeof done.consecutiveFailedLoginAttempts, 'number');
  });

  await t.test('accounts', async () => {
    const page = await client.fetchAccounts(itemId);
    accounts = page.results;
    assert.ok(accounts.length >= 2);
    for (const a of accounts) {
      assert.ok(['BANK', 'CREDIT'].includes(a.type));
      assert.ok(['SAVINGS_ACCOUNT', 'CHECKING_ACCOUNT', 'CREDIT_CARD'].includes(a.subtype));
      assert.equal(a.itemId, itemId);
      assert.equal(typeof a.balance, 'number');
      assert.equal(a.currencyCode, 'BRL');
      if (a.type === 'BANK') assert.ok(a.bankData && a.creditData === null);
      if (a.type === 'CREDIT') assert.ok(a.creditData && a.creditData.balanceDueDate instanceof Date);
    }
    const credit = await client.fetchAccounts(itemId, 'CREDIT');
    assert.ok(credit.results.every((a) => a.type === 'CREDIT'));
    const one = await client.fetchAccount(accounts[0].id);
    assert.equal(one.id, accounts[0].id);
  });

  await t.test('every transaction page through v2 and v1, and a single transaction', async () => {
    for (const account of accounts) {
      const all = await client.fetchAllTransactions(account.id);
      assert.ok(all.length > 0);
      all.forEach((tx) => assertTransaction(tx, account.id));
      assert.equal(new Set(all.map((tx) => tx.id)).size, all.length);

      const first = await client.fetchTransactionsCursor(account.id);
      assert.ok('next' in first);

      const v1 = [];
      let page = 1;
      let totalPages;
      do {
        const res = await client.fetchTransactions(account.id, { page, pageSize: 50 });
        assert.equal(res.page, page);
        assert.equal(res.total, all.length);
        totalPages = res.totalPages;
        v1.push(...res.results);
        page++;
      } while (page <= totalPages);
      assert.deepEqual(v1.map((tx) => tx.id), all.map((tx) => tx.id));
      const last = all[all.length - 1];
      assert.equal(last.balance, (await client.fetchAccount(account.id)).balance);
      const single = await client.fetchTransaction(all[0].id);
      assert.equal(single.id, all[0].id);
      const recategorised = await client.updateTransactionCategory(all[0].id, '21000000');
      assert.equal(recategorised.categoryId, '21000000');
    }
  });

  await t.test('categories', async () => {
    const page = await client.fetchCategories();
    assert.ok(page.results.length > 50);
    const pix = await client.fetchCategory('05070000');
    assert.equal(pix.parentId, '05000000');
    assert.equal(typeof pix.description, 'string');
  });

  await t.test('connect token', async () => {
    const { accessToken } = await client.createConnectToken(undefined, { clientUserId: 'sdk-conformance' });
    assert.equal(typeof accessToken, 'string');
    const forItem = await client.createConnectToken(itemId);
    assert.equal(typeof forItem.accessToken, 'string');
  });

  await t.test('webhooks CRUD', async () => {
    const created = await client.createWebhook('item/updated', 'http://127.0.0.1:9/hook', { 'X-Tenant': 'acme' });
    assert.equal(created.event, 'item/updated');
    assert.ok(created.createdAt instanceof Date);
    const listed = await client.fetchWebhooks();
    assert.ok(listed.results.some((w) => w.id === created.id));
    const updated = await client.updateWebhook(created.id, { url: 'http://127.0.0.1:9/other' });
    assert.equal(updated.url, 'http://127.0.0.1:9/other');
    const fetched = await client.fetchWebhook(created.id);
    assert.equal(fetched.id, created.id);
    await client.deleteWebhook(created.id);
    await assert.rejects(client.fetchWebhook(created.id));
  });

  await t.test('delete item', async () => {
    await client.deleteItem(itemId);
    await assert.rejects(client.fetchItem(itemId), (err) => err.code === 404);
  });
});
