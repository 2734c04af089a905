// tim-edge/emulator driven through the SDK's typed methods, in every runtime: the client's
// `fetch` is the emulator's, so each call is signed by the SDK and checked by the emulator the way
// Tencent checks it. Webhooks go to the SDK's own createWebhookHandler; their Sign is checked
// independently with WebCrypto.

const APP = 1400000123;
const KEY = 'emulator-suite-key-5f0c3b2a9e8d7c6b';
const TOKEN = 'emulator-suite-callback-token';

const text = (t) => [{ MsgType: 'TIMTextElem', MsgContent: { Text: t } }];

async function sha256Hex(s) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export default function register(test, tim, env) {
  const { assert } = env;
  const { Emulator } = env;
  if (!Emulator) throw new Error('the runner did not pass tim-edge/emulator as env.Emulator');

  const setup = (emuOpts = {}, clientOpts = {}) => {
    const emulator = new Emulator({ sdkAppId: APP, key: KEY, ...emuOpts });
    const client = new tim.TimClient({ sdkAppId: APP, key: KEY, fetch: emulator.fetch, maxRetries: 0, ...clientOpts });
    return { emulator, client };
  };
  const apiError = (code, infoPattern) => (e) => {
    assert.ok(e instanceof tim.TimError, `expected a TimError, got ${e && e.message}`);
    assert.equal(e.kind, 'api', e.message);
    assert.equal(e.code, code, e.message);
    if (infoPattern) assert.match(e.info, infoPattern);
  };

  test('accounts: import, check, delete through typed methods', async () => {
    const { client } = setup();
    await client.account.importAccount({ UserID: 'alice', Nick: 'Alice' });
    await client.account.importAccounts({ AccountList: [{ UserID: 'bob' }, { UserID: 'carol' }] });
    const r = await client.account.checkAccounts({ CheckItem: [{ UserID: 'alice' }, { UserID: 'zed' }] });
    assert.deepEqual(r.ResultItem.map((i) => [i.UserID, i.AccountStatus]), [['alice', 'Imported'], ['zed', 'NotImported']]);
    const d = await client.account.deleteAccounts({ DeleteItem: [{ UserID: 'carol' }] });
    assert.equal(d.ResultItem[0].ResultCode, 0);
    const after = await client.account.checkAccounts({ CheckItem: [{ UserID: 'carol' }] });
    assert.equal(after.ResultItem[0].AccountStatus, 'NotImported');
  });

  test('credentials are checked like Tencent checks them', async () => {
    const { emulator } = setup();
    const wrongKey = new tim.TimClient({ sdkAppId: APP, key: KEY + 'x', fetch: emulator.fetch, maxRetries: 0 });
    await assert.rejects(() => wrongKey.account.importAccount({ UserID: 'a' }), apiError(70009));
    const notAdmin = new tim.TimClient({ sdkAppId: APP, key: KEY, adminId: 'mallory', fetch: emulator.fetch, maxRetries: 0 });
    await assert.rejects(() => notAdmin.account.importAccount({ UserID: 'a' }), apiError(60010));
    const otherApp = new tim.TimClient({ sdkAppId: APP + 1, key: KEY, fetch: emulator.fetch, maxRetries: 0 });
    await assert.rejects(() => otherApp.account.importAccount({ UserID: 'a' }), apiError(70020));
    // The emulator also answers raw requests: a body that is not JSON is 60003.
    const url = (await new tim.TimClient({ sdkAppId: APP, key: KEY }).buildRequest('im_open_login_svc', 'account_import', {})).url;
    const r = await emulator.fetch(new Request(url, { method: 'POST', body: '{not json' }));
    assert.equal(r.status, 200);
    const body = await r.json();
    assert.equal(body.ErrorCode, 60003);
    assert.equal(body.ActionStatus, 'FAIL');
  });

  test('unknown and unemulated commands name the command', async () => {
    const { client } = setup();
    await assert.rejects(() => client.call('openim', 'no_such_command', {}), apiError(60009, /v4\/openim\/no_such_command/));
    // im_push is a current Tencent endpoint the emulator does not implement.
    await assert.rejects(() => client.call('all_member_push', 'im_push', { MsgRandom: 1, MsgBody: text('x') }), apiError(60009, /does not emulate/));
  });

  test('snapshot and restore carry the state to another emulator', async () => {
    const a = setup();
    await a.client.account.importAccount({ UserID: 'alice' });
    const snap = a.emulator.snapshot();
    assert.equal(typeof snap, 'string');
    const b = setup();
    b.emulator.restore(snap);
    const r = await b.client.account.checkAccounts({ CheckItem: [{ UserID: 'alice' }] });
    assert.equal(r.ResultItem[0].AccountStatus, 'Imported');
    assert.throws(() => b.emulator.restore('{"version":99}'), (e) => e instanceof Error && e.kind === 'bad-input' && /snapshot/.test(e.message));
    assert.equal(b.emulator.snapshot(), snap, 'a refused restore leaves the state alone');
  });

  test('bad options are clear errors', () => {
    assert.throws(() => new Emulator({ sdkAppId: APP }), (e) => e.kind === 'bad-input' && /key/.test(e.message));
    assert.throws(() => new Emulator({ sdkAppId: 0, key: KEY }), (e) => e.kind === 'bad-input' && /sdkAppId/.test(e.message));
    assert.throws(() => new Emulator({ sdkAppId: APP, key: KEY, callback: { url: 'ftp://x' } }), (e) => e.kind === 'bad-input' && /callback/.test(e.message));
    assert.throws(() => new Emulator(null), (e) => e.kind === 'bad-input');
  });
}
