// The emulator's social and operation domains (issue 17, helper emu-social) driven through the
// SDK's typed methods in every runtime: message extensions, conversations, follow, chatbots,
// moderation with keyword libraries, operation answers. The SDK's own paging (`...Pages`) walks
// the emulator's cursors, and one webhook per stateful domain is checked for Tencent's signature
// independently with WebCrypto. Runtime-neutral: no node:* imports.

import { emulatorKit, text } from './emulator-kit.mjs';

const APP = 1400000456;
const KEY = 'emulator-social-key-2b7e151628aed2a6';
const TOKEN = 'emulator-social-callback-token';


/** `YYYYMMDDHH` of the Beijing hour `ms` falls in. */
function beijingHour(ms) {
  const d = new Date(ms + 8 * 3600 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}`;
}

export default function register(test, tim, env) {
  const { assert, Emulator, setup, apiError, webhooks } = emulatorKit(tim, env, { app: APP, key: KEY, token: TOKEN });

  /** An emulator whose webhooks go to the SDK's handler; `seen` collects [command, body]. */
  const withWebhooks = () => {
    const seen = [];
    const { callback, signs } = webhooks({ '*': ({ command, body }) => { seen.push([command ?? body.CallbackCommand, body]); } });
    return { ...setup({ callback }), seen, signs };
  };
  /** Waits (bounded) until `pred()` holds; after-callbacks are delivered after the answer. */
  const eventually = async (pred, what) => {
    for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(pred(), what);
  };

  test('message extensions: set, compare-and-set conflict, read back, clear; group messages too', async () => {
    const { client, seen, signs } = withWebhooks();
    await client.account.importAccounts({ Accounts: ['alice', 'bob'] });
    const { MsgKey } = await client.message.sendMsg({ From_Account: 'alice', To_Account: 'bob', MsgRandom: 1, MsgBody: text('vote?') });
    const msg = { From_Account: 'alice', To_Account: 'bob', MsgKey };
    const set = await client.messageExtension.setKeyValues({
      ...msg,
      OperateType: 1,
      ExtensionList: [{ Key: 'yes', Value: '1', Seq: 0 }, { Key: 'no', Value: '0', Seq: 0 }],
    });
    assert.deepEqual(set.ExtensionList.map((e) => [e.ErrorCode, e.Extension.Key, e.Extension.Seq]), [[0, 'yes', 1], [0, 'no', 1]]);
    // A stale Seq fails that key only (23001) and shows it as stored; the answer is still OK.
    await client.messageExtension.setKeyValues({ ...msg, OperateType: 1, ExtensionList: [{ Key: 'yes', Value: '2', Seq: 1 }] });
    const stale = await client.messageExtension.setKeyValues({ ...msg, OperateType: 1, ExtensionList: [{ Key: 'yes', Value: '9', Seq: 1 }] });
    assert.equal(stale.ErrorCode, 0);
    assert.deepEqual(stale.ExtensionList[0], { ErrorCode: 23001, Extension: { Key: 'yes', Value: '2', Seq: 2 } });
    const got = await client.messageExtension.getKeyValues(msg);
    assert.deepEqual(
      { list: got.ExtensionList, latest: got.LatestSeq, clear: got.ClearSeq, done: got.CompleteFlag },
      { list: [{ Key: 'no', Value: '0', Seq: 1 }, { Key: 'yes', Value: '2', Seq: 2 }], latest: 2, clear: 0, done: 1 },
    );
    const cleared = await client.messageExtension.setKeyValues({ ...msg, OperateType: 3 });
    assert.deepEqual(cleared.ExtensionList, []);
    assert.equal((await client.messageExtension.getKeyValues(msg)).ClearSeq, 3);
    await assert.rejects(() => client.messageExtension.getKeyValues({ ...msg, MsgKey: '1_2_3' }), apiError(23004));
    // Group message extensions.
    await client.group.createGroup({ Type: 'Public', Name: 'poll', GroupId: 'poll', Owner_Account: 'alice' });
    const { MsgSeq } = await client.group.sendGroupMsg({ GroupId: 'poll', From_Account: 'alice', Random: 7, MsgBody: text('pick') });
    await client.messageExtension.groupSetKeyValues({ GroupId: 'poll', MsgSeq, OperateType: 1, ExtensionList: [{ Key: 'a', Value: '1', Seq: 0 }] });
    const g = await client.messageExtension.groupGetKeyValues({ GroupId: 'poll', MsgSeq });
    assert.deepEqual(g.ExtensionList, [{ Key: 'a', Value: '1', Seq: 1 }]);
    await eventually(() => seen.some(([c]) => c === 'Group.CallbackAfterGroupMsgExtension'), 'group extension webhook');
    const c2c = seen.filter(([c]) => c === 'C2C.CallbackAfterC2CMsgExtension').map(([, b]) => b);
    assert.deepEqual(c2c.map((b) => b.OperateType), [1, 1, 3], 'one webhook per changing write (not for the conflict)');
    assert.equal(c2c[0].MsgKey, MsgKey);
    assert.ok(signs.every(Boolean), 'every webhook signed as Tencent signs');
  });

  test('conversations: the list follows sends and pages through the SDK; groups and marks', async () => {
    const { client } = setup();
    const peers = Array.from({ length: 150 }, (_, i) => `p${String(i).padStart(3, '0')}`);
    await client.account.importAccountsBatched({ Accounts: [...peers, 'hub'] });
    await client.message.batchSendMsgBatched({ From_Account: 'hub', To_Account: peers, MsgRandom: 3, MsgBody: text('hello all') });
    await client.group.createGroup({ Type: 'Public', Name: 'club', GroupId: 'club', Owner_Account: 'hub' });
    await client.group.sendGroupMsg({ GroupId: 'club', Random: 9, MsgBody: text('club news') });
    const first = { From_Account: 'hub', TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 7 };
    const items = [];
    let pages = 0;
    for await (const page of client.conversation.getListPages(first)) {
      pages++;
      items.push(...page.SessionItem);
    }
    assert.equal(items.length, 151);
    assert.ok(pages >= 2, `pages: ${pages}`);
    assert.equal(new Set(items.map((s) => s.To_Account ?? s.GroupId)).size, 151, 'each conversation once');
    assert.ok(items.every((s, i) => i === 0 || items[i - 1].MsgTime >= s.MsgTime), 'newest first');
    // Delete one; a conversation group and marks (independent of the list).
    await client.conversation.delete({ From_Account: 'hub', Type: 1, To_Account: 'p000' });
    const after = await client.conversation.getList(first);
    assert.ok(!after.SessionItem.some((s) => s.To_Account === 'p000'));
    const created = await client.conversation.createContactGroup({
      From_Account: 'hub',
      GroupContactItem: [{ GroupName: 'friends', ContactItem: [{ Type: 1, To_Account: 'p001' }, { Type: 2, ToGroupId: 'club' }] }],
    });
    assert.deepEqual(created.GroupResultItem[0].GroupItem, { GroupName: 'friends', GroupId: 1 });
    await client.conversation.markContact({
      From_Account: 'hub',
      MarkItem: [{ OptType: 3, ContactItem: { Type: 1, To_Account: 'p001' }, SetMark: [0], CustomMark: 'vip' }],
    });
    const found = await client.conversation.searchContactGroup({ From_Account: 'hub', ContactItem: [{ Type: 1, To_Account: 'p001' }] });
    assert.deepEqual(
      { mark: found.ContactResultItem[0].StandardMark, custom: found.ContactResultItem[0].CustomMark, groups: found.ContactResultItem[0].ContactGroupId },
      { mark: '1', custom: 'vip', groups: [1] },
    );
    let listed = 0;
    for await (const page of client.conversation.getContactGroupPages({ From_Account: 'hub', StartIndex: 0 })) listed += page.ContactItem.length;
    assert.equal(listed, 2);
    await assert.rejects(
      () => client.conversation.delContactGroup({ From_Account: 'hub', GroupName: ['nope'] }),
      apiError(51009),
    );
  });

  test('follow: follow, check, page followers by cursor, counts, webhooks', async () => {
    const { client, seen, signs } = withWebhooks();
    const fans = Array.from({ length: 12 }, (_, i) => `fan${i}`);
    await client.account.importAccounts({ Accounts: ['star', ...fans] });
    for (const f of fans) await client.follow.followAdd({ From_Account: f, FollowItem: [{ To_Account: 'star' }] });
    await client.follow.followAdd({ From_Account: 'star', FollowItem: [{ To_Account: 'fan0' }] });
    const names = [];
    for await (const page of client.follow.followGetPages({ From_Account: 'star', FollowType: 1, StartCursor: '', WantNum: 5 })) {
      assert.ok(page.FollowItem.length <= 5);
      names.push(...page.FollowItem.map((i) => i.To_Account));
    }
    assert.deepEqual(names.sort(), [...fans].sort());
    const check = await client.follow.followCheck({ From_Account: 'star', To_Account: ['fan0', 'fan1'] });
    assert.deepEqual(check.ResultItem.map((i) => i.FollowType), [3, 1]);
    const info = await client.follow.followGetInfo({ From_Account: 'star', To_Account: ['star'] });
    assert.deepEqual(
      [info.FollowInfo[0].FollowerCount, info.FollowInfo[0].FollowingCount, info.FollowInfo[0].MutualFollowingCount],
      [12, 1, 1],
    );
    await client.follow.followDelete({ From_Account: 'star', To_Account: ['fan0'] });
    await eventually(() => seen.some(([c]) => c === 'Follow.CallbackAfterFollowDelete'), 'unfollow webhook');
    assert.equal(seen.filter(([c]) => c === 'Follow.CallbackAfterFollowAdd').length, 13);
    assert.ok(signs.every(Boolean));
    await assert.rejects(() => client.follow.followAdd({ From_Account: 'ghost', FollowItem: [{ To_Account: 'star' }] }), apiError(30003));
  });

  test('chatbots and moderation: @RBT# accounts; verdicts from the keyword libraries', async () => {
    const { client } = setup();
    await client.bot.createRobot({ UserID: '@RBT#helper', Nick: 'Helper' });
    assert.deepEqual((await client.bot.getAllRobots({})).Robot_Account, ['@RBT#helper']);
    await assert.rejects(() => client.call('openim_robot_http_svc', 'create_robot', { UserID: 'helper' }), apiError(10004));
    const before = await client.moderation.contentModeration({ AuditName: 'C2C', ContentType: 'Text', Content: 'buy cheap pills' });
    assert.equal(before.Result, 'Pass');
    const libs = await client.moderation.getCloudAuditKeywordsIds({ SdkAppId: APP, Offset: 0, Limit: 10 });
    const LibID = libs.Infos[0].ID;
    await client.moderation.addCloudAuditKeywords({ SdkAppId: APP, LibID, UserKeywords: [{ Content: 'cheap pills', Label: 'Ad' }] });
    const after = await client.moderation.contentModeration({ AuditName: 'C2C', ContentType: 'Text', Content: 'buy cheap pills' });
    assert.deepEqual([after.Result, after.Label, after.Keywords], ['Block', 'Ad', ['cheap pills']]);
    await client.moderation.addLocalAuditKeywordsBatched({
      SdkAppId: APP,
      LocalAuditWords: Array.from({ length: 15 }, (_, i) => ({ Keyword: `word${i}`, FilterType: 1 })),
    });
    const batch = await client.moderation.batchContentModeration({
      AuditName: 'Group',
      Contents: [{ ContentId: 1, ContentType: 'Text', Content: 'a word3 here' }, { ContentId: 2, ContentType: 'Text', Content: 'fine' }],
    });
    assert.deepEqual(batch.AuditResults.map((r) => r.Result), ['Review', 'Pass']);
    const words = [];
    for await (const page of client.moderation.getLocalAuditKeywordsPages({ SdkAppId: APP, FilterType: 1, Offset: 0, Limit: 4 })) {
      words.push(...page.LocalAuditWords.map((w) => w.Keyword));
    }
    assert.equal(words.length, 15);
  });

  test('operation answers: app info, history links, IP list, media objects', async () => {
    const { client } = setup();
    await client.account.importAccount({ UserID: 'alice' });
    const info = await client.operation.getAppInfo({ RequestField: ['RegistUserNumTotal'] });
    assert.equal(info.Result.length, 30);
    assert.deepEqual(Object.keys(info.Result[0]).sort(), ['Date', 'RegistUserNumTotal']);
    assert.equal(info.Result[0].RegistUserNumTotal, '1');
    const hour = beijingHour(Date.now() - 2 * 3600 * 1000);
    const h = await client.operation.getHistory({ ChatType: 'C2C', MsgTime: hour });
    assert.ok(h.File[0].URL.endsWith(`/C2C/${hour}.gz`), h.File[0].URL);
    await assert.rejects(() => client.operation.getHistory({ ChatType: 'C2C', MsgTime: '2015120121' }), apiError(1005));
    assert.deepEqual((await client.operation.getIpList({})).IPList, ['127.0.0.1']);
    const url = 'https://cos.example.com/x.jpg';
    await client.operation.forbidIllegalObject({ RawURL: url });
    assert.equal((await client.operation.getCosSig({ RawURLs: [url] })).PreSigURLs[0].Status, 1);
    await client.operation.allowBannedObject({ RawURL: url });
    assert.equal((await client.operation.getCosSig({ RawURLs: [url] })).PreSigURLs[0].Status, 0);
  });

  test('snapshots carry the new domains into another emulator', async () => {
    const { emulator, client } = setup();
    await client.account.importAccounts({ Accounts: ['a', 'b'] });
    await client.follow.followAdd({ From_Account: 'a', FollowItem: [{ To_Account: 'b' }] });
    await client.message.sendMsg({ From_Account: 'a', To_Account: 'b', MsgRandom: 1, MsgBody: text('x') });
    await client.bot.createRobot({ UserID: '@RBT#1' });
    const other = new Emulator({ sdkAppId: APP, key: KEY });
    other.restore(emulator.snapshot());
    const c2 = new tim.TimClient({ sdkAppId: APP, key: KEY, fetch: other.fetch, maxRetries: 0 });
    assert.equal((await c2.follow.followCheck({ From_Account: 'a', To_Account: ['b'] })).ResultItem[0].FollowType, 2);
    const list = await c2.conversation.getList({ From_Account: 'b', TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 0 });
    assert.deepEqual(list.SessionItem.map((s) => s.To_Account), ['a']);
    assert.deepEqual((await c2.bot.getAllRobots({})).Robot_Account, ['@RBT#1']);
  });
}
