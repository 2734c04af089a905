// tim-edge/emulator: all-member push, the Push service and official accounts, through the SDK's
// typed methods in every runtime. Pushes have no REST read, so they are checked through
// emulator.inspect(); webhooks go to the SDK's own createWebhookHandler, their Sign checked
// independently with WebCrypto.

import { emulatorKit, text } from './emulator-kit.mjs';

const APP = 1400000456;
const KEY = 'emulator-push-suite-key-0d1e2f3a4b5c';
const TOKEN = 'emulator-push-suite-callback-token';


export default function register(test, tim, env) {
  const { assert, setup, apiError, webhooks } = emulatorKit(tim, env, { app: APP, key: KEY, token: TOKEN });

  test('all-member push: attributes and tags target a push that inspect() shows', async () => {
    const { emulator, client } = setup();
    await client.account.importAccounts({ Accounts: ['ann', 'ben', 'cat'] });
    await client.push.imSetAttrName({ AttrNames: { 0: 'city', 1: 'level' } });
    assert.deepEqual((await client.push.imGetAttrName({})).AttrNames, { 0: 'city', 1: 'level' });
    await client.push.imSetAttr({ UserAttrs: [{ To_Account: 'ann', Attrs: { city: 'Shenzhen', level: 'gold' } }, { To_Account: 'ben', Attrs: { city: 'Shenzhen' } }] });
    await client.push.imAddTag({ UserTags: [{ To_Account: 'ben', Tags: ['Stock A'] }, { To_Account: 'cat', Tags: ['Stock A', 'Stock B'] }] });
    const attrs = await client.push.imGetAttr({ To_Account: ['ann', 'nobody'] });
    assert.deepEqual(attrs.UserAttrs, [{ To_Account: 'ann', Attrs: { city: 'Shenzhen', level: 'gold' } }, { To_Account: 'nobody', Attrs: {} }]);
    assert.deepEqual(emulator.inspect(), { pushes: [] });

    const byAttr = await client.push.imPush({ MsgRandom: 1, MsgBody: text('hi Shenzhen'), Condition: { AttrsAnd: { city: 'Shenzhen' } } });
    const byTag = await client.push.imPush({ MsgRandom: 2, MsgBody: text('hi A and B'), Condition: { TagsAnd: ['Stock A', 'Stock B'] } });
    const everyone = await client.push.imPush({ MsgRandom: 3, MsgBody: text('hi all'), MsgLifeTime: 120 });
    const { pushes } = emulator.inspect();
    assert.deepEqual(pushes.map((p) => p.TaskId), [byAttr.TaskId, byTag.TaskId, everyone.TaskId]);
    assert.deepEqual(pushes.map((p) => p.recipients), [['ann', 'ben'], ['cat'], ['ann', 'ben', 'cat']]);
    const p = pushes[2];
    assert.equal(p.service, 'all_member_push');
    assert.equal(p.command, 'push');
    assert.equal(p.recipientCount, 3);
    assert.equal(p.revoked, null);
    assert.equal(p.body.MsgBody[0].MsgContent.Text, 'hi all');
    assert.equal(p.body.MsgLifeTime, 120);
    assert.ok(Math.abs(p.time - Date.now() / 1000) < 60, `time ${p.time}`);
    // A plain object built afresh: changing it changes nothing in the emulator.
    p.recipients.length = 0;
    assert.equal(emulator.inspect().pushes[2].recipients.length, 3);
    assert.deepEqual(JSON.parse(JSON.stringify(emulator.inspect())), emulator.inspect());
    // The documented codes: tags and attributes together, a tag in both lists.
    await assert.rejects(() => client.push.imPush({ MsgRandom: 4, MsgBody: text('x'), Condition: { TagsOr: ['a'], AttrsOr: { city: 'x' } } }), apiError(90039));
    await assert.rejects(() => client.push.imPush({ MsgRandom: 5, MsgBody: text('x'), Condition: { TagsOr: ['a'], TagsAnd: ['a'] } }), apiError(90022));
    await assert.rejects(() => client.push.imSetAttr({ UserAttrs: [{ To_Account: 'ann', Attrs: { age: '9' } }] }), apiError(90033));
    assert.equal(emulator.inspect().pushes.length, 3);
  });

  test('Push service: batch, push by tag, revoke, and Push.AllMemberPush webhooks', async () => {
    const events = [];
    const { callback, signs } = webhooks({ 'Push.AllMemberPush': ({ body }) => { events.push(...body.Events); } });
    const { emulator, client } = setup({ callback });
    await client.account.importAccounts({ Accounts: ['ann', 'ben'] });
    // The Push service answers accounts it does not know in ErrorList (70107) and goes on.
    const tagged = await client.push.addTag({ UserTags: [{ To_Account: 'ben', Tags: ['vip'] }, { To_Account: 'ann', Tags: ['vip'] }, { To_Account: 'ghost', Tags: ['vip'] }] });
    assert.deepEqual(tagged.ErrorList, [{ To_Account: 'ghost', ErrorCode: 70107, ErrorInfo: 'account not imported' }]);
    const batch = await client.push.batch({ From_Account: 'administrator', To_Account: ['ann', 'ghost'], MsgRandom: 7, OfflinePushInfo: { Title: 't', Desc: 'd' } });
    assert.match(batch.TaskId, /^batch_/);
    assert.deepEqual(batch.ErrorList.map((e) => [e.To_Account, e.ErrorCode]), [['ghost', 70107]]);
    const vip = await client.push.push({ From_Account: 'administrator', MsgRandom: 8, Condition: { TagsOr: ['vip'] }, OfflinePushInfo: { Desc: 'for vips' } });
    assert.deepEqual(emulator.inspect().pushes.map((p) => p.recipients), [['ann'], ['ann', 'ben']]);
    assert.deepEqual(events.map((e) => [e.TaskId, e.To_Account]), [[batch.TaskId, 'ann'], [vip.TaskId, 'ann'], [vip.TaskId, 'ben']]);
    assert.ok(events.every((e) => e.CallbackCommand === 'Push.AllMemberPush' && e.PushStage === 1 && e.ErrCode === 0));
    assert.ok(signs.length === 2 && signs.every(Boolean), `signatures: ${signs}`);

    await client.push.revoke({ TaskId: vip.TaskId, OfflinePushInfo: { Title: 'sorry' } });
    const revoked = emulator.inspect().pushes.find((p) => p.TaskId === vip.TaskId).revoked;
    assert.equal(revoked.OfflinePushInfo.Title, 'sorry');
    await assert.rejects(() => client.push.revoke({ TaskId: vip.TaskId, OfflinePushInfo: {} }), apiError(90050));
    await assert.rejects(() => client.push.revoke({ TaskId: 'no-such-task', OfflinePushInfo: {} }), apiError(90049));
    // Tasks survive a snapshot: the restored emulator still knows the batch.
    const other = setup();
    other.emulator.restore(emulator.snapshot());
    assert.deepEqual(other.emulator.inspect(), emulator.inspect());
    await other.client.push.revoke({ TaskId: batch.TaskId, OfflinePushInfo: {} });
  });

  test('official accounts: subscribers, messages, paged history and the send webhooks', async () => {
    const { callback, signs } = webhooks({
      'OfficialAccount.CallbackBeforeSendMsg': ({ body }) => {
        const t = body.MsgBody[0].MsgContent.Text;
        if (t.includes('spam')) return tim.WebhookReply.reject(120003, 'no spam');
        if (t.includes('darn')) return tim.WebhookReply.modify({ MsgBody: text(t.replace('darn', '****')) });
        return tim.WebhookReply.allow();
      },
      '*': () => undefined,
    });
    const { client } = setup({ callback });
    await client.account.importAccounts({ Accounts: ['owner', 'u1', 'u2', 'u3'] });
    const { OfficialAccountUserID: oa } = await client.officialAccount.createOfficialAccount({ Owner_Account: 'owner', Name: 'Daily news' });
    assert.match(oa, /^@TOA#_[A-Z2-7]{9}$/);
    const added = await client.officialAccount.addSubscriber({ Official_Account: oa, SubscriberList: ['u1', 'u2', 'u3', 'ghost'].map((u) => ({ Subscriber_Account: u })) });
    assert.deepEqual(added.SubscriberList.map((s) => s.Result), [1, 1, 1, 0]);
    const subscribers = [];
    for await (const page of client.officialAccount.getSubscriberInfoPages({ Official_Account: oa, Limit: 2, Next: '' })) {
      subscribers.push(...page.SubscriberList.map((s) => s.Subscriber_Account));
    }
    assert.deepEqual(subscribers, ['u1', 'u2', 'u3']);
    const mine = await client.officialAccount.getSubscribedOfficialAccountList({ Subscriber_Account: 'u2' });
    assert.deepEqual([mine.TotalCount, mine.CompleteFlag, mine.OfficialAccountInfoList[0].Name], [1, 1, 'Daily news']);

    const keys = [];
    for (const t of ['one', 'oh darn', 'three', 'four', 'five']) {
      keys.push((await client.officialAccount.sendOfficialAccountMsg({ Official_Account: oa, Random: keys.length, MsgBody: text(t) })).MsgKey);
    }
    assert.match(keys[0], /^1_1_\d+$/);
    await assert.rejects(
      () => client.officialAccount.sendOfficialAccountMsg({ Official_Account: oa, Random: 9, MsgBody: text('buy spam') }),
      apiError(120003, /^no spam$/),
    );
    // Identical content within five minutes is the first message again.
    const again = await client.officialAccount.sendOfficialAccountMsg({ Official_Account: oa, Random: 10, MsgBody: text('five') });
    assert.equal(again.MsgKey, keys[4]);
    await client.officialAccount.officialAccountMsgRecall({ Official_Account: oa, MsgKeyList: [keys[2]] });
    const seen = [];
    for await (const page of client.officialAccount.officialAccountMsgGetSimplePages({ Official_Account: oa, ReqMsgNumber: 2 })) {
      seen.push(...page.RspMsgList.map((m) => m.MsgBody[0].MsgContent.Text));
    }
    assert.deepEqual(seen, ['five', 'four', 'oh ****', 'one']);
    assert.ok(signs.length >= 8 && signs.every(Boolean), `signatures: ${signs}`);
    await client.officialAccount.destroyOfficialAccount({ Official_Account: oa });
    await assert.rejects(() => client.officialAccount.getSubscriberInfo({ Official_Account: oa, Next: '' }), apiError(130004));
  });
}
