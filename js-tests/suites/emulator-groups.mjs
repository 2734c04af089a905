// The emulator's later group endpoints end to end, through the SDK's typed methods, in every
// runtime: attributes and counters, imports and read receipts, live groups (joined through the
// emulator's stand-in for the client SDK), and community topics with their permission groups and
// webhooks. Runtime-neutral: no node:* imports.

import { emulatorKit, text } from './emulator-kit.mjs';

const APP = 1400000124;
const KEY = 'emulator-groups-suite-key-0a1b2c3d4e5f';
const TOKEN = 'emulator-groups-callback-token';


export default function register(test, tim, env) {
  const { assert, setup, apiError, webhooks } = emulatorKit(tim, env, { app: APP, key: KEY, token: TOKEN });

  const world = async (emuOpts = {}) => {
    const w = setup(emuOpts);
    await w.client.account.importAccounts({ Accounts: ['alice', 'bob', 'carol', 'dave'] });
    return w;
  };
  const collect = async (pages, key) => {
    const out = [];
    for await (const page of pages) out.push(...(page[key] ?? []));
    return out;
  };

  test('group attributes and counters: set, read back, limits', async () => {
    const { client } = await world();
    const { GroupId } = await client.group.createGroup({ Type: 'Public', Name: 'team', Owner_Account: 'alice' });
    await client.group.modifyGroupAttr({ GroupId, GroupAttr: [{ key: 'theme', value: 'dark' }, { key: 'lang', value: 'en' }] });
    await client.group.modifyGroupAttr({ GroupId, GroupAttr: [{ key: 'lang', value: 'fr' }] });
    const attrs = await client.group.getGroupAttr({ GroupId });
    assert.deepEqual(attrs.GroupAttrAry, [{ key: 'theme', value: 'dark' }, { key: 'lang', value: 'fr' }]);
    await assert.rejects(() => client.group.modifyGroupAttr({ GroupId, GroupAttr: [{ key: 'k'.repeat(33), value: 'v' }] }), apiError(10045));
    await client.group.clearGroupAttr({ GroupId });
    assert.deepEqual((await client.group.getGroupAttr({ GroupId })).GroupAttrAry, []);

    // Counters are {Key, Value} (Tencent's page), not the attributes' lower-case pair.
    const set = await client.group.updateGroupCounter({ GroupId, Mode: 'Set', GroupCounter: [{ Key: 'like', Value: 5 }] });
    assert.deepEqual(set.GroupCounter, [{ Key: 'like', Value: 5 }]);
    const up = await client.group.updateGroupCounter({ GroupId, Mode: 'Increase', GroupCounter: [{ Key: 'like', Value: 2 }, { Key: 'new', Value: 1 }] });
    assert.deepEqual(up.GroupCounter, [{ Key: 'like', Value: 7 }, { Key: 'new', Value: 1 }]);
    await client.group.deleteGroupCounter({ GroupId, GroupCounterKeys: ['new'] });
    assert.deepEqual((await client.group.getGroupCounter({ GroupId })).GroupCounter, [{ Key: 'like', Value: 7 }]);
  });

  test('imports, unread counts and read receipts', async () => {
    const { client } = await world();
    const { GroupId } = await client.group.importGroup({ Type: 'Public', Name: 'old', Owner_Account: 'alice', CreateTime: 1600000000 });
    const members = await client.group.importGroupMember({ GroupId, MemberList: [{ Member_Account: 'bob', JoinTime: 1600000100 }, { Member_Account: 'ghost' }] });
    assert.deepEqual(members.MemberList.map((m) => m.Result), [1, 0]);
    const imported = await client.group.importGroupMsg({
      GroupId,
      MsgList: [
        { From_Account: 'alice', SendTime: 1600000200, Random: 1, MsgBody: text('first') },
        { From_Account: 'bob', SendTime: 1600000300, Random: 2, MsgBody: text('second') },
      ],
    });
    assert.deepEqual(imported.ImportMsgResult.map((m) => [m.MsgSeq, m.Result]), [[1, 0], [2, 0]]);
    const hist = await client.group.groupMsgGetSimple({ GroupId, ReqMsgNumber: 10 });
    assert.deepEqual(hist.RspMsgList.map((m) => m.MsgBody[0].MsgContent.Text), ['second', 'first']);
    await client.group.setUnreadMsgNum({ GroupId, Member_Account: 'bob', UnreadMsgNum: 1 });
    const joined = await client.group.getJoinedGroupList({ Member_Account: 'bob', ResponseFilter: { SelfInfoFilter: ['UnreadMsgNum'] } });
    assert.equal(joined.GroupIdList[0].SelfInfo.UnreadMsgNum, 1);

    await client.group.addGroupMember({ GroupId, MemberList: [{ Member_Account: 'carol' }, { Member_Account: 'dave' }] });
    const sent = await client.group.sendGroupMsg({ GroupId, From_Account: 'alice', MsgBody: text('please ack'), NeedReadReceipt: 1 });
    await client.group.groupMsgReceipt({ GroupId, From_Account: 'dave', MsgSeqList: [{ MsgSeq: sent.MsgSeq }] });
    const counts = await client.group.getGroupMsgReceipt({ GroupId, MsgSeqList: [{ MsgSeq: sent.MsgSeq }, { MsgSeq: 1 }] });
    assert.deepEqual(
      counts.GroupMsgReceiptList.map((c) => [c.Code, c.ReadNum, c.UnreadNum]),
      [[0, 1, 2], [10062, 0, 0]],
    );
    // Paged one at a time with the SDK's pager (Cursor in, Cursor out, IsFinished 1 at the end).
    const unread = await collect(
      client.group.getGroupMsgReceiptDetailPages({ GroupId, MsgSeq: sent.MsgSeq, Filter: 1, Cursor: '', Count: 1 }),
      'UnreadList',
    );
    assert.deepEqual(unread.map((u) => u.Unread_Account), ['bob', 'carol']);
    await assert.rejects(() => client.group.groupMsgReceipt({ GroupId, From_Account: 'bob', MsgSeqList: [{ MsgSeq: 1 }] }), apiError(10062));
  });

  test('live groups: members join through the emulator, marks, admins, bans', async () => {
    const { emulator, client } = await world();
    const { GroupId } = await client.group.createGroup({ Type: 'AVChatRoom', Name: 'stage', Owner_Account: 'alice' });
    await client.profile.setPortrait({ From_Account: 'bob', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'Bob' }] });
    emulator.joinLiveGroup(GroupId, ['bob', 'carol']);
    assert.equal((await client.group.getOnlineMemberNum({ GroupId })).OnlineMemberNum, 2);
    const listed = await collect(client.liveGroup.getMembersPages({ GroupId, Timestamp: 0 }), 'MemberList');
    assert.deepEqual(listed.map((m) => [m.Member_Account, m.NickName]), [['carol', ''], ['bob', 'Bob']]);
    const marked = await client.liveGroup.modifyUserInfo({ GroupId, CommandType: 1, MemberList: [{ Member_Account: 'bob', Marks: [1000] }, { Member_Account: 'dave', Marks: [1000] }] });
    assert.deepEqual(marked.MemberList, [{ Member_Account: 'bob', Marks: [1000] }]);
    const teachers = await client.liveGroup.getMembers({ GroupId, Timestamp: 0, Mark: 1000 });
    assert.deepEqual(teachers.MemberList.map((m) => m.Member_Account), ['bob']);
    await client.liveGroup.modifyAdmin({ GroupId, CommandType: 1, Admin_Account: ['dave'] });
    assert.deepEqual((await client.liveGroup.getAdminList({ GroupId })).Admin_List.map((a) => a.Admin_Account), ['dave']);
    await client.group.banGroupMember({ GroupId, Members_Account: ['carol'], Duration: 3600 });
    assert.deepEqual((await client.liveGroup.checkMembers({ GroupId, Member_Account: ['bob', 'carol'] })).Member_Account, ['bob']);
    const banned = await collect(client.group.getGroupBanMemberPages({ GroupId, Offset: 0, Limit: 10 }), 'BannedAccountList');
    assert.deepEqual(banned.map((b) => b.Member_Account), ['carol']);
    assert.throws(() => emulator.joinLiveGroup(GroupId, ['carol']), (e) => e instanceof tim.TimError && e.kind === 'bad-input' && /banned/.test(e.message));
    assert.throws(() => emulator.joinLiveGroup(GroupId, 'bob'), (e) => e.kind === 'bad-input');
    assert.throws(() => emulator.joinLiveGroup(GroupId, ['ghost']), (e) => e.kind === 'bad-input');
    emulator.leaveLiveGroup(GroupId, ['bob']);
    assert.equal((await client.group.getOnlineMemberNum({ GroupId })).OnlineMemberNum, 0);
    // Other group types refuse the live calls (10007).
    const other = await client.group.createGroup({ Type: 'Public', Name: 'p' });
    await assert.rejects(() => client.liveGroup.getAdminList({ GroupId: other.GroupId }), apiError(10007));
  });

  test('community: topics, permission groups and the topic webhooks', async () => {
    const seen = [];
    const { callback, signs } = webhooks({
      'Group.CallbackBeforeCreateTopic': ({ body }) =>
        body.Name === 'forbidden' ? tim.WebhookReply.reject(120003, 'not this name') : tim.WebhookReply.allow(),
      'Group.CallbackAfterCreateTopic': ({ body }) => { seen.push(['created', body.TopicId]); },
      'Group.CallbackAfterTopicDestroyed': ({ body }) => { seen.push(['destroyed', ...body.TopicIdList]); },
    });
    const { client } = await world({ callback });
    const { GroupId } = await client.group.createGroup({ Type: 'Community', Name: 'club', Owner_Account: 'alice', SupportTopic: 1, MemberList: [{ Member_Account: 'bob' }] });
    const { TopicId } = await client.community.createTopic({ GroupId, TopicName: 'general' });
    assert.ok(TopicId.startsWith(`${GroupId}@TOPIC#_`), TopicId);
    await assert.rejects(() => client.community.createTopic({ GroupId, TopicName: 'forbidden' }), apiError(120003));
    await client.community.modifyTopic({ GroupId, TopicId, Notification: 'be nice' });
    const topics = await client.community.getTopic({ GroupId, From_Account: 'bob' });
    assert.deepEqual(topics.TopicAndSelfInfo.map((t) => [t.TopicInfo.TopicId, t.TopicInfo.Notification, t.SelfInfo.MsgFlag]), [[TopicId, 'be nice', 'AcceptAndNotify']]);

    const { PermissionGroupId } = await client.community.createPermissionGroup({ GroupId, PermissionGroupName: 'mods', Permission: 3 });
    const added = await client.community.addTopicPermissionGroup({ GroupId, PermissionGroupId, TopicPermissionList: [{ TopicId, Permission: 1 }] });
    assert.deepEqual(added.TopicPermissionResultList.map((r) => r.ErrorCode), [0]);
    const joined = await client.community.addPermissionGroupMember({ GroupId, PermissionGroupId, MemberList: [{ Member_Account: 'bob' }, { Member_Account: 'carol' }] });
    assert.deepEqual(joined.MemberList.map((m) => m.Result), [1, 0]);
    const listed = await collect(client.community.getPermissionGroupMemberListPages({ GroupId, PermissionGroupId, Limit: 1 }), 'MemberList');
    assert.deepEqual(listed.map((m) => m.Member_Account), ['bob']);
    const groups = await collect(client.community.getPermissionGroupPages({ GroupId, Limit: 1 }), 'PermissionGroupList');
    assert.deepEqual(groups.map((p) => [p.PermissionGroupName, p.MemberNum]), [['mods', 1]]);

    await client.community.destroyTopic({ GroupId, TopicIdList: [TopicId] });
    const perms = await client.community.getTopicPermissionGroup({ GroupId, PermissionGroupId });
    assert.deepEqual(perms.TopicPermissionResultList, [], 'a destroyed topic leaves the permission groups');
    assert.deepEqual(seen, [['created', TopicId], ['destroyed', TopicId]]);
    assert.ok(signs.length >= 5 && signs.every(Boolean), `signatures: ${signs}`);
    // A Community group created without SupportTopic has no topics (11000).
    const plain = await client.group.createGroup({ Type: 'Community', Name: 'plain' });
    await assert.rejects(() => client.community.createTopic({ GroupId: plain.GroupId, TopicName: 't' }), apiError(11000));
  });
}
