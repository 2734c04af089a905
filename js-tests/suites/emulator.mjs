// tim-edge/emulator driven through the SDK's typed methods, in every runtime: the client's
// `fetch` is the emulator's, so each call is signed by the SDK and checked by the emulator the way
// Tencent checks it. Webhooks go to the SDK's own createWebhookHandler; their Sign is checked
// independently with WebCrypto.

import { emulatorKit, text } from './emulator-kit.mjs';

const APP = 1400000123;
const KEY = 'emulator-suite-key-5f0c3b2a9e8d7c6b';
const TOKEN = 'emulator-suite-callback-token';


export default function register(test, tim, env) {
  const { assert, Emulator, setup, apiError, webhooks } = emulatorKit(tim, env, { app: APP, key: KEY, token: TOKEN });

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

  test('a body with a lone surrogate (a string cut inside an emoji) is read as U+FFFD, as the SDK reads it', async () => {
    const { emulator, client } = setup();
    const cut = 'hi \u{1F600}'.slice(0, 4); // ends with the leading half of the emoji's surrogate pair
    const body = JSON.stringify({ UserID: cut });
    assert.ok(body.includes('\\ud83d'), body); // JSON.stringify escapes the lone surrogate
    const url = (await new tim.TimClient({ sdkAppId: APP, key: KEY }).buildRequest('im_open_login_svc', 'account_import', {})).url;
    const r = await emulator.fetch(new Request(url, { method: 'POST', body }));
    assert.equal((await r.json()).ErrorCode, 0);
    const cutAccount = await client.account.checkAccounts({ CheckItem: [{ UserID: 'hi \uFFFD' }] });
    assert.equal(cutAccount.ResultItem[0].AccountStatus, 'Imported');
    // The SDK sends it too, through a typed method, and whole emoji stay whole.
    await client.account.importAccount({ UserID: cut.slice(0, 3) + '\ud83d' });
    await client.account.importAccount({ UserID: 'hi \u{1F600}' });
    const c = await client.account.checkAccounts({ CheckItem: [{ UserID: 'hi \u{1F600}' }] });
    assert.equal(c.ResultItem[0].AccountStatus, 'Imported');
  });

  test('unknown commands name the command; every current endpoint answers something other than 60009', async () => {
    const { client } = setup();
    await assert.rejects(() => client.call('openim', 'no_such_command', {}), apiError(60009, /v4\/openim\/no_such_command/));
    // Every catalog endpoint is emulated (issue 17): an empty body gets the endpoint's own
    // answer or one of its Tencent codes, never 60009.
    const unemulated = [];
    for (const row of tim.endpoints) {
      try {
        await client.call(row.servicename, row.command, {}, { maxRetries: 0 });
      } catch (e) {
        if (!(e instanceof tim.TimError)) throw e;
        if (e.code === 60009) unemulated.push(`${row.servicename}/${row.command}`);
      }
    }
    assert.deepEqual(unemulated, []);
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

  // One app's life, through the typed methods: accounts -> profiles -> friends -> one-to-one
  // messages -> groups -> history. Each step checks what the previous ones left behind.
  const world = async () => {
    const w = setup();
    await w.client.account.importAccounts({ AccountList: [{ UserID: 'alice', Nick: 'Alice' }, { UserID: 'bob' }, { UserID: 'carol' }] });
    return w;
  };
  const isApi = (e) => e instanceof tim.TimError && e.kind === 'api' && e.code > 0;

  test('scenario: profiles', async () => {
    const { client } = await world();
    await client.profile.setPortrait({ From_Account: 'alice', ProfileItem: [{ Tag: 'Tag_Profile_IM_SelfSignature', Value: 'hi there' }] });
    const r = await client.profile.getPortrait({ To_Account: ['alice'], TagList: ['Tag_Profile_IM_Nick', 'Tag_Profile_IM_SelfSignature'] });
    const items = Object.fromEntries(r.UserProfileItem[0].ProfileItem.map((i) => [i.Tag, i.Value]));
    assert.deepEqual(items, { Tag_Profile_IM_Nick: 'Alice', Tag_Profile_IM_SelfSignature: 'hi there' });
    await assert.rejects(
      () => client.profile.setPortrait({ From_Account: 'nobody', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'x' }] }),
      isApi,
    );
  });

  test('scenario: friends and the blocklist', async () => {
    const { client } = await world();
    const add = await client.friend.friendAdd({ From_Account: 'alice', AddFriendItem: [{ To_Account: 'bob', AddSource: 'AddSource_Type_Web' }], AddType: 'Add_Type_Both', ForceAddFlags: 1 });
    assert.equal(add.ResultItem[0].ResultCode, 0, JSON.stringify(add));
    const check = await client.friend.friendCheck({ From_Account: 'alice', To_Account: ['bob', 'carol'], CheckType: 'CheckResult_Type_Both' });
    assert.deepEqual(check.InfoItem.map((i) => [i.To_Account, i.Relation]), [['bob', 'CheckResult_Type_BothWay'], ['carol', 'CheckResult_Type_NoRelation']]);
    const pages = [];
    for await (const page of client.friend.friendGetPages({ From_Account: 'bob', StartIndex: 0 })) pages.push(page);
    assert.deepEqual(pages.flatMap((p) => p.UserDataItem ?? []).map((u) => u.To_Account), ['alice']);
    // carol blocks alice: alice cannot add her.
    await client.friend.blackListAdd({ From_Account: 'carol', To_Account: ['alice'] });
    const blocked = await client.friend.friendAdd({ From_Account: 'alice', AddFriendItem: [{ To_Account: 'carol', AddSource: 'AddSource_Type_Web' }], ForceAddFlags: 1 });
    assert.notEqual(blocked.ResultItem[0].ResultCode, 0, JSON.stringify(blocked));
    await client.friend.friendDelete({ From_Account: 'alice', To_Account: ['bob'], DeleteType: 'Delete_Type_Both' });
    const after = await client.friend.friendCheck({ From_Account: 'bob', To_Account: ['alice'], CheckType: 'CheckResult_Type_Both' });
    assert.equal(after.InfoItem[0].Relation, 'CheckResult_Type_NoRelation');
  });

  test('scenario: one-to-one messages, dedup, unread, history, recall', async () => {
    const { client } = await world();
    const sent = await client.message.sendMsg({ From_Account: 'alice', To_Account: 'bob', MsgBody: text('hi bob') });
    assert.equal(typeof sent.MsgKey, 'string');
    assert.ok(Number.isInteger(sent.MsgTime));
    // The same MsgRandom again (a retry) is the same message, not a second one.
    const once = { From_Account: 'bob', To_Account: 'alice', MsgSeq: 5, MsgRandom: 99, MsgBody: text('only once') };
    const a = await client.message.sendMsg(once);
    const b = await client.message.sendMsg(once);
    assert.equal(b.MsgKey, a.MsgKey);
    const history = await client.message.getRoamMsg({ Operator_Account: 'alice', Peer_Account: 'bob', MaxCnt: 10, MinTime: 0, MaxTime: 4294967295 });
    assert.deepEqual(history.MsgList.flatMap((m) => m.MsgBody.map((e) => e.MsgContent.Text)).sort(), ['hi bob', 'only once']);
    const unread = await client.message.getC2cUnreadMsgNum({ To_Account: 'bob' });
    assert.equal(unread.AllC2CUnreadMsgNum, 1, JSON.stringify(unread));
    await client.message.setMsgRead({ Report_Account: 'bob', Peer_Account: 'alice' });
    assert.equal((await client.message.getC2cUnreadMsgNum({ To_Account: 'bob' })).AllC2CUnreadMsgNum, 0);
    await client.message.withdrawMsg({ From_Account: 'alice', To_Account: 'bob', MsgKey: sent.MsgKey });
    const later = await client.message.getRoamMsg({ Operator_Account: 'alice', Peer_Account: 'bob', MaxCnt: 10, MinTime: 0, MaxTime: 4294967295 });
    const live = later.MsgList.filter((m) => !m.MsgFlagBits).flatMap((m) => m.MsgBody.map((e) => e.MsgContent.Text));
    assert.deepEqual(live, ['only once']);
    await assert.rejects(() => client.message.sendMsg({ From_Account: 'alice', To_Account: 'nobody', MsgBody: text('x') }), isApi);
  });

  test('scenario: groups, members, messages, history, mute, paging', async () => {
    const { client } = await world();
    const g = await client.group.createGroup({ Owner_Account: 'alice', Type: 'Public', Name: 'Lobby', MemberList: [{ Member_Account: 'bob' }] });
    const gid = g.GroupId;
    assert.equal(typeof gid, 'string');
    const added = await client.group.addGroupMember({ GroupId: gid, MemberList: [{ Member_Account: 'carol' }, { Member_Account: 'bob' }] });
    assert.deepEqual(added.MemberList.map((m) => [m.Member_Account, m.Result]), [['carol', 1], ['bob', 2]]);
    const s1 = await client.group.sendGroupMsg({ GroupId: gid, From_Account: 'bob', MsgBody: text('hello group') });
    const s2 = await client.group.sendGroupMsg({ GroupId: gid, From_Account: 'carol', MsgBody: text('hi all') });
    assert.ok(s2.MsgSeq > s1.MsgSeq, `${s1.MsgSeq} then ${s2.MsgSeq}`);
    const hist = await client.group.groupMsgGetSimple({ GroupId: gid, ReqMsgNumber: 10 });
    assert.deepEqual(hist.RspMsgList.flatMap((m) => m.MsgBody.map((e) => e.MsgContent.Text)).sort(), ['hello group', 'hi all']);
    const joined = await client.group.getJoinedGroupList({ Member_Account: 'carol' });
    assert.deepEqual(joined.GroupIdList.map((x) => x.GroupId), [gid]);
    // Muted members cannot speak; non-members neither.
    await client.group.forbidSendMsg({ GroupId: gid, Members_Account: ['carol'], MuteTime: 60 });
    await assert.rejects(() => client.group.sendGroupMsg({ GroupId: gid, From_Account: 'carol', MsgBody: text('x') }), isApi);
    await client.account.importAccount({ UserID: 'dave' });
    await assert.rejects(() => client.group.sendGroupMsg({ GroupId: gid, From_Account: 'dave', MsgBody: text('x') }), isApi);
    // The app's group list, paged two at a time by the SDK's Pages helper.
    for (const name of ['g2', 'g3', 'g4']) await client.group.createGroup({ Type: 'Public', Name: name });
    const seen = [];
    for await (const page of client.group.getAppidGroupListPages({ Limit: 2 })) seen.push(...page.GroupIdList.map((x) => x.GroupId));
    assert.equal(seen.length, 4, JSON.stringify(seen));
    assert.equal(new Set(seen).size, 4);
    await client.group.destroyGroup({ GroupId: gid });
    await assert.rejects(() => client.group.sendGroupMsg({ GroupId: gid, From_Account: 'bob', MsgBody: text('x') }), (e) => isApi(e) && e.code === 10010);
  });

  test('webhooks: signed like Tencent, and before-send replies are honoured', async () => {
    const seen = [];
    const { callback, signs } = webhooks({
      'C2C.CallbackBeforeSendMsg': ({ body }) => {
        const t = body.MsgBody[0].MsgContent.Text;
        if (t.includes('http')) return tim.WebhookReply.reject(120002, 'no links');
        if (t === 'drop me') return tim.WebhookReply.drop();
        if (t.includes('darn')) return tim.WebhookReply.modify({ MsgBody: text(t.replace('darn', '****')) });
        return tim.WebhookReply.allow();
      },
      'C2C.CallbackAfterSendMsg': ({ body }) => { seen.push(body.MsgBody[0].MsgContent.Text); },
    });
    const { client } = setup({ callback });
    await client.account.importAccounts({ Accounts: ['alice', 'bob'] });
    const send = (t, n) => client.message.sendMsg({ From_Account: 'bob', To_Account: 'alice', MsgRandom: n, MsgBody: text(t) });
    await send('hello', 1);
    await send('oh darn', 2);
    await assert.rejects(() => send('see http://x', 3), (e) => isApi(e) && e.code === 120002 && e.info === 'no links');
    const dropped = await send('drop me', 4);
    assert.equal(dropped.ErrorCode, 0, 'a dropped message looks sent to the sender');
    const h = await client.message.getRoamMsg({ Operator_Account: 'bob', Peer_Account: 'alice', MaxCnt: 10, MinTime: 0, MaxTime: 4294967295 });
    assert.deepEqual(h.MsgList.flatMap((m) => m.MsgBody.map((e) => e.MsgContent.Text)).sort(), ['hello', 'oh ****']);
    assert.deepEqual(seen.sort(), ['hello', 'oh ****'], 'after-callbacks for delivered messages only');
    assert.ok(signs.length >= 6 && signs.every(Boolean), `signatures: ${signs}`);
  });

  test('bad options are clear errors', () => {
    assert.throws(() => new Emulator({ sdkAppId: APP }), (e) => e.kind === 'bad-input' && /key/.test(e.message));
    assert.throws(() => new Emulator({ sdkAppId: 0, key: KEY }), (e) => e.kind === 'bad-input' && /sdkAppId/.test(e.message));
    assert.throws(() => new Emulator({ sdkAppId: APP, key: KEY, callback: { url: 'ftp://x' } }), (e) => e.kind === 'bad-input' && /callback/.test(e.message));
    assert.throws(() => new Emulator(null), (e) => e.kind === 'bad-input');
  });

  // tim-edge and tim-edge/emulator are separate bundles over separate wasm modules; the package
  // shares one TimError module between them, so a user's `instanceof TimError` holds for both.
  test('an error from tim-edge/emulator is an instance of the TimError exported by tim-edge', async () => {
    assert.throws(() => new Emulator({ sdkAppId: APP }), (e) => e instanceof tim.TimError && e.kind === 'bad-input');
    const emulator = new Emulator({ sdkAppId: APP, key: KEY });
    assert.throws(() => emulator.restore('not a snapshot'), (e) => e instanceof tim.TimError);
  });
}
