// Type test for pkg/types/endpoints-b.d.ts (group, liveGroup, community, officialAccount).
// Checked, never run:  npx --prefix js-tests tsc --strict --noEmit js-tests/types/endpoints-b.test-d.ts
// Correct calls are Tencent's documented request examples; every `@ts-expect-error` line is a
// mistake the types must reject (each would compile if the types were `any`).

import type {
  CommunityApi,
  GroupApi,
  GroupAttrItem,
  LiveGroupApi,
  OfficialAccountApi,
} from '../../pkg/types/endpoints-b';

declare const client: {
  group: GroupApi;
  liveGroup: LiveGroupApi;
  community: CommunityApi;
  officialAccount: OfficialAccountApi;
};
/** The value a promise resolves to (lets us inspect response types without async code). */
declare function resolved<T>(p: Promise<T>): T;

// ---- The method names are exactly the catalog's (src/api/catalog.rs) ----------------------------
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// The <method>Pages / <method>Batched helpers are pinned in helpers.test-d.ts.
type Methods<A> = Exclude<keyof A, `${string}Pages` | `${string}Items` | `${string}Batched`>;
const groupNames: Same<
  Methods<GroupApi>,
  | 'getAppidGroupList' | 'createGroup' | 'getGroupInfo' | 'getGroupMemberInfo'
  | 'getSpecifiedGroupMemberInfo' | 'modifyGroupBaseInfo' | 'addGroupMember' | 'deleteGroupMember'
  | 'modifyGroupMemberInfo' | 'destroyGroup' | 'getJoinedGroupList' | 'getRoleInGroup'
  | 'forbidSendMsg' | 'getGroupMutedAccount' | 'changeGroupOwner' | 'importGroup'
  | 'importGroupMember' | 'setUnreadMsgNum' | 'getOnlineMemberNum' | 'getGroupBanMember'
  | 'banGroupMember' | 'unbanGroupMember' | 'sendGroupMsg' | 'sendGroupSystemNotification'
  | 'groupMsgRecall' | 'importGroupMsg' | 'deleteGroupMsgBySender' | 'groupMsgGetSimple'
  | 'modifyGroupMsg' | 'sendBroadcastMsg' | 'clearGroupMsg' | 'getGroupMsgReceipt'
  | 'getGroupMsgReceiptDetail' | 'groupMsgReceipt' | 'getGroupAttr' | 'modifyGroupAttr'
  | 'clearGroupAttr' | 'setGroupAttr' | 'getGroupCounter' | 'updateGroupCounter' | 'deleteGroupCounter'
> = true;
const liveGroupNames: Same<
  Methods<LiveGroupApi>,
  'getMembers' | 'modifyUserInfo' | 'checkMembers' | 'getAdminList' | 'modifyAdmin'
> = true;
const communityNames: Same<
  Methods<CommunityApi>,
  | 'createTopic' | 'getTopic' | 'modifyTopic' | 'destroyTopic' | 'importTopic' | 'getOnlineMemberNum'
  | 'createPermissionGroup' | 'destroyPermissionGroup' | 'modifyPermissionGroup' | 'getPermissionGroup'
  | 'addTopicPermissionGroup' | 'setTopicPermissionGroup' | 'deleteTopicPermissionGroup'
  | 'getTopicPermissionGroup' | 'addPermissionGroupMember' | 'deletePermissionGroupMember'
  | 'getPermissionGroupMemberList'
> = true;
const officialAccountNames: Same<
  Methods<OfficialAccountApi>,
  | 'createOfficialAccount' | 'destroyOfficialAccount' | 'modifyOfficialAccountBaseInfo'
  | 'getOfficialAccountInfo' | 'sendOfficialAccountMsg' | 'officialAccountMsgRecall'
  | 'officialAccountMsgGetSimple' | 'addSubscriber' | 'deleteSubscriber' | 'modifySubscriberInfo'
  | 'getSubscriberInfo' | 'getSubscribedOfficialAccountList'
> = true;
// A name list that is missing a method is not the same set.
// @ts-expect-error
const incomplete: Same<Methods<LiveGroupApi>, 'getMembers' | 'modifyUserInfo'> = true;
void [groupNames, liveGroupNames, communityNames, officialAccountNames, incomplete];

// ---- group ------------------------------------------------------------------------------------
client.group.getAppidGroupList({});
client.group.getAppidGroupList({ Limit: 1000, Next: 0, GroupType: 'Public' });
// @ts-expect-error Next is a number cursor
client.group.getAppidGroupList({ Limit: 1000, Next: '0' });
// @ts-expect-error not a group type
client.group.getAppidGroupList({ GroupType: 'Work' });
const list = resolved(client.group.getAppidGroupList({ Limit: 20, Next: 0 }));
const firstId: string = list.GroupIdList[0].GroupId;
const nextCursor: number = list.Next;
void [firstId, nextCursor];

client.group.createGroup({ Owner_Account: 'leckie', Type: 'Public', Name: 'TestGroup' });
client.group.createGroup({
  Owner_Account: 'leckie',
  Type: 'Public',
  GroupId: 'MyFirstGroup',
  Name: 'TestGroup',
  Introduction: 'This is group Introduction',
  Notification: 'This is group Notification',
  FaceUrl: 'http://this.is.face.url',
  MaxMemberCount: 500,
  ApplyJoinOption: 'FreeAccess',
  AppDefinedData: [{ Key: 'GroupTestData1', Value: 'xxxxx' }],
  MemberList: [{ Member_Account: 'bob', Role: 'Admin', AppMemberDefinedData: [{ Key: 'MemberDefined1', Value: 'x' }] }],
});
client.group.createGroup({ Type: 'Community', GroupId: '@TGS#_@TGS#cQVLVHIM62CJ', Name: 'c', SupportTopic: 1 });
// @ts-expect-error Name is required
client.group.createGroup({ Type: 'Public' });
// @ts-expect-error misspelled field (GroupID instead of GroupId)
client.group.createGroup({ Type: 'Public', Name: 'x', GroupID: 'g' });
// @ts-expect-error MaxMemberCount is a number
client.group.createGroup({ Type: 'Public', Name: 'x', MaxMemberCount: '500' });
// @ts-expect-error unknown join option
client.group.createGroup({ Type: 'Public', Name: 'x', ApplyJoinOption: 'Anyone' });
// @ts-expect-error custom data entries are { Key, Value }
client.group.createGroup({ Type: 'Public', Name: 'x', AppDefinedData: [{ key: 'a', value: 'b' }] });
const created = resolved(client.group.createGroup({ Type: 'Private', Name: 'x' }));
const createdId: string = created.GroupId;
// ErrorCode decides; ActionStatus may be absent or (partial success) not "OK".
const ok: string | undefined = created.ActionStatus;
// @ts-expect-error ActionStatus is not always "OK" on a resolved answer
const okOnly: 'OK' = created.ActionStatus;
void okOnly;
// @ts-expect-error the response field is GroupId
void created.GroupID;
void [createdId, ok];

client.group.getGroupInfo({
  GroupIdList: ['@TGS#1NVTZEAE4', '@TGS#1CXTZEAET'],
  ResponseFilter: {
    GroupBaseInfoFilter: ['Type', 'Name', 'Introduction', 'Notification'],
    MemberInfoFilter: ['Account', 'Role'],
    AppDefinedDataFilter_Group: ['GroupTestData1'],
    AppDefinedDataFilter_GroupMember: ['MemberDefined2'],
  },
});
// @ts-expect-error GroupIdList is a list
client.group.getGroupInfo({ GroupIdList: '@TGS#1NVTZEAE4' });
const info = resolved(client.group.getGroupInfo({ GroupIdList: ['g'] }));
const perGroupCode: number = info.GroupInfo[0].ErrorCode;
const mutedAll: 'On' | 'Off' | undefined = info.GroupInfo[0].MuteAllMember;
void [perGroupCode, mutedAll];

client.group.getGroupMemberInfo({ GroupId: '@TGS#1NVTZEAE4', Limit: 100, Offset: 0 });
client.group.getGroupMemberInfo({ GroupId: '@TGS#_@TGS#cQVLVHIM62CJ', Limit: 100, Next: '' });
client.group.getGroupMemberInfo({
  GroupId: '@TGS#1NVTZEAE4',
  MemberInfoFilter: ['Role', 'JoinTime'],
  MemberRoleFilter: ['Owner', 'Member'],
  AppDefinedDataFilter_GroupMember: ['MemberDefined2'],
});
// @ts-expect-error roles are Owner/Admin/Member
client.group.getGroupMemberInfo({ GroupId: 'g', MemberRoleFilter: ['Creator'] });
// @ts-expect-error Next is a string cursor
client.group.getGroupMemberInfo({ GroupId: 'g', Next: 0 });
const members = resolved(client.group.getGroupMemberInfo({ GroupId: 'g' }));
// Offset-paged groups answer MemberNum; Community groups page with Next and may leave it out.
const memberNum: number | undefined = members.MemberNum;
// The member mute end arrives as MuteUntil (current pages) or ShutUpUntil (older name).
const muteUntil: number | undefined = members.MemberList[0].MuteUntil ?? members.MemberList[0].ShutUpUntil;
void [memberNum, muteUntil];

client.group.getSpecifiedGroupMemberInfo({
  GroupId: '@TGS#2KIFZCIPQ',
  Member_List_Account: ['bob', 'peter'],
  MemberInfoFilter: ['Role', 'JoinTime', 'MsgSeq', 'MsgFlag', 'LastSendMsgTime', 'ShutUpUntil', 'NameCard'],
  MemberRoleFilter: ['Owner', 'Member'],
  AppDefinedDataFilter_GroupMember: ['group_member_p'],
});
// @ts-expect-error Member_List_Account is required
client.group.getSpecifiedGroupMemberInfo({ GroupId: 'g' });

client.group.modifyGroupBaseInfo({
  GroupId: '@TGS#2J4SZEAEL',
  Name: 'NewName',
  Introduction: 'NewIntroduction',
  Notification: 'NewNotification',
  FaceUrl: 'http://this.is.new.face.url',
  MaxMemberNum: 500,
  ApplyJoinOption: 'NeedPermission',
  MuteAllMember: 'On',
  AppDefinedData: [{ Key: 'GroupTestData1', Value: 'NewData' }],
});
// @ts-expect-error MuteAllMember is 'On' | 'Off'
client.group.modifyGroupBaseInfo({ GroupId: 'g', MuteAllMember: true });
// @ts-expect-error modify uses MaxMemberNum, not create's MaxMemberCount
client.group.modifyGroupBaseInfo({ GroupId: 'g', MaxMemberCount: 500 });

client.group.addGroupMember({ GroupId: '@TGS#2J4SZEAEL', MemberList: [{ Member_Account: 'tommy' }, { Member_Account: 'jared' }] });
client.group.addGroupMember({ GroupId: '@TGS#2J4SZEAEL', Silence: 1, MemberList: [{ Member_Account: 'tommy' }] });
// @ts-expect-error members are { Member_Account } objects
client.group.addGroupMember({ GroupId: 'g', MemberList: ['tommy'] });
const added = resolved(client.group.addGroupMember({ GroupId: 'g', MemberList: [{ Member_Account: 'a' }] }));
const addResult: 0 | 1 | 2 | 3 = added.MemberList[0].Result;
void addResult;

client.group.deleteGroupMember({ GroupId: '@TGS#2J4SZEAEL', Reason: 'kick reason', MemberToDel_Account: ['tommy', 'jared'] });
// @ts-expect-error the field is MemberToDel_Account
client.group.deleteGroupMember({ GroupId: 'g', MemberList: [{ Member_Account: 'a' }] });

client.group.modifyGroupMemberInfo({ GroupId: '@TGS#2CLUZEAEJ', Member_Account: 'bob', Role: 'Admin' });
client.group.modifyGroupMemberInfo({ GroupId: '@TGS#2CLUZEAEJ', Member_Account: 'bob', MsgFlag: 'AcceptAndNotify' });
client.group.modifyGroupMemberInfo({ GroupId: '@TGS#2CLUZEAEJ', Member_Account: 'bob', MuteTime: 86400 });
// @ts-expect-error Owner cannot be set here
client.group.modifyGroupMemberInfo({ GroupId: 'g', Member_Account: 'bob', Role: 'Owner' });
// @ts-expect-error unknown message flag
client.group.modifyGroupMemberInfo({ GroupId: 'g', Member_Account: 'bob', MsgFlag: 'Mute' });

client.group.destroyGroup({ GroupId: '@TGS#2J4SZEAEL' });
// @ts-expect-error GroupId is required
client.group.destroyGroup({});

client.group.getJoinedGroupList({ Member_Account: 'leckie' });
client.group.getJoinedGroupList({
  Member_Account: 'leckie',
  WithHugeGroups: 1,
  WithNoActiveGroups: 1,
  Limit: 10,
  Offset: 0,
  GroupType: 'Public',
  ResponseFilter: { GroupBaseInfoFilter: ['Type', 'Name'], SelfInfoFilter: ['Role', 'UnreadMsgNum'] },
});
// @ts-expect-error flags are 0 | 1
client.group.getJoinedGroupList({ Member_Account: 'leckie', WithHugeGroups: true });
const joined = resolved(client.group.getJoinedGroupList({ Member_Account: 'a' }));
const unread: number | undefined = joined.GroupIdList[0].SelfInfo?.UnreadMsgNum;
void unread;

client.group.getRoleInGroup({ GroupId: '@TGS#2C5SZEAEF', User_Account: ['leckie', 'peter', 'wesley'] });
const roles = resolved(client.group.getRoleInGroup({ GroupId: 'g', User_Account: ['a'] }));
const role: 'Owner' | 'Admin' | 'Member' | 'NotMember' = roles.UserIdList[0].Role;
void role;

client.group.forbidSendMsg({ GroupId: '@TGS#2C5SZEAEF', Members_Account: ['peter', 'leckie'], MuteTime: 60 });
// @ts-expect-error MuteTime is required (0 unmutes)
client.group.forbidSendMsg({ GroupId: 'g', Members_Account: ['peter'] });
// @ts-expect-error the old ShutUpTime name is not accepted
client.group.forbidSendMsg({ GroupId: 'g', Members_Account: ['peter'], ShutUpTime: 60 });

const muted = resolved(client.group.getGroupMutedAccount({ GroupId: '@TGS#2C5SZEAEF' }));
const mutedUntil: number = muted.MutedAccountList[0].MutedUntil;
void mutedUntil;

client.group.changeGroupOwner({ GroupId: '@TGS#1NVTZEAE4', NewOwner_Account: 'peter' });
// @ts-expect-error NewOwner_Account is required
client.group.changeGroupOwner({ GroupId: 'g' });

client.group.importGroup({ Owner_Account: 'leckie', Type: 'Public', Name: 'TestGroup', CreateTime: 1448357837 });
// @ts-expect-error CreateTime is Unix seconds (number)
client.group.importGroup({ Type: 'Public', Name: 'x', CreateTime: '2015-11-24' });

client.group.importGroupMember({
  GroupId: '@TGS#2J4SZEAEL',
  MemberList: [
    { Member_Account: 'tommy', Role: 'Admin', JoinTime: 1448357837, UnreadMsgNum: 5 },
    { Member_Account: 'jared', JoinTime: 1448357857, UnreadMsgNum: 2 },
  ],
});
client.group.setUnreadMsgNum({ GroupId: '@TGS#2J4SZEAEL', Member_Account: 'tommy', UnreadMsgNum: 10 });
// @ts-expect-error UnreadMsgNum is required
client.group.setUnreadMsgNum({ GroupId: 'g', Member_Account: 'tommy' });

const online = resolved(client.group.getOnlineMemberNum({ GroupId: '@TGS#aC5SZEAEF' }));
const onlineNum: number = online.OnlineMemberNum;
void onlineNum;

client.group.getGroupBanMember({ GroupId: '@TGS#aC5SZEAEF', Offset: 0, Limit: 10 });
// @ts-expect-error Offset is required (0 on the first call)
client.group.getGroupBanMember({ GroupId: '@TGS#aC5SZEAEF' });
client.group.banGroupMember({ GroupId: '@TGS#aC5SZEAEF', Members_Account: ['peter', 'leckie'], Duration: 3600, Description: 'x' });
// @ts-expect-error Duration is a number of seconds
client.group.banGroupMember({ GroupId: 'g', Members_Account: ['peter'], Duration: '1h' });
client.group.unbanGroupMember({ GroupId: '@TGS#aC5SZEAEF', Members_Account: ['peter'] });

client.group.sendGroupMsg({
  GroupId: '@TGS#2C5SZEAEF',
  Random: 8912345,
  MsgBody: [
    { MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } },
    { MsgType: 'TIMFaceElem', MsgContent: { Index: 6, Data: 'abc\u0000\u0001' } },
  ],
  CloudCustomData: 'your cloud custom data',
  SupportMessageExtension: 0,
});
client.group.sendGroupMsg({
  GroupId: '@TGS#2C5SZEAEF',
  From_Account: 'leckie',
  Random: 8912345,
  MsgPriority: 'High',
  MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' } }],
  ForbidCallbackControl: ['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback'],
  SendMsgControl: ['NoLastMsg'],
  OnlineOnlyFlag: 1,
  GroupAtInfo: [{ GroupAtAllFlag: 0, GroupAt_Account: 'bob' }],
  To_Account: ['bob'],
  OfflinePushInfo: {
    PushFlag: 0,
    Desc: 'offline push content',
    Ext: 'passthrough',
    AndroidInfo: { Sound: 'android.mp3' },
    ApnsInfo: { Sound: 'apns.mp3', BadgeMode: 1, Title: 'apns title', SubTitle: 'apns subtitle', Image: 'www.image.com' },
  },
});
// @ts-expect-error Random is required
client.group.sendGroupMsg({ GroupId: 'g', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] });
// @ts-expect-error text elements carry Text, not text
client.group.sendGroupMsg({ GroupId: 'g', Random: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { text: 'hi' } }] });
// @ts-expect-error unknown element type
client.group.sendGroupMsg({ GroupId: 'g', Random: 1, MsgBody: [{ MsgType: 'TIMHtmlElem', MsgContent: { Text: 'hi' } }] });
// @ts-expect-error unknown priority
client.group.sendGroupMsg({ GroupId: 'g', Random: 1, MsgPriority: 'Urgent', MsgBody: [] });
// @ts-expect-error PushFlag is 0 | 1
client.group.sendGroupMsg({ GroupId: 'g', Random: 1, MsgBody: [], OfflinePushInfo: { PushFlag: 2 } });
const sent = resolved(client.group.sendGroupMsg({ GroupId: 'g', Random: 1, MsgBody: [] }));
const seq: number = sent.MsgSeq;
const time: number = sent.MsgTime;
void [seq, time];

client.group.sendGroupSystemNotification({ GroupId: '@TGS#2C5SZEAEF', ToMembers_Account: ['peter', 'leckie'], Content: 'Hello' });
// @ts-expect-error Content is required
client.group.sendGroupSystemNotification({ GroupId: 'g' });

client.group.groupMsgRecall({ GroupId: '@TGS#2J4SZEAEL', MsgSeqList: [{ MsgSeq: 100 }, { MsgSeq: 101 }] });
// @ts-expect-error MsgSeqList holds { MsgSeq } objects
client.group.groupMsgRecall({ GroupId: 'g', MsgSeqList: [100] });
const recall = resolved(client.group.groupMsgRecall({ GroupId: 'g', MsgSeqList: [{ MsgSeq: 1 }] }));
const retCode: number = recall.RecallRetList[0].RetCode;
void retCode;

client.group.importGroupMsg({
  GroupId: '@TGS#2C5SZEAEF',
  RecentContactFlag: 1,
  MsgList: [
    { From_Account: 'leckie', SendTime: 1620808101, Random: 8912345, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello' } }] },
  ],
});
// @ts-expect-error SendTime is required for imported messages
client.group.importGroupMsg({ GroupId: 'g', MsgList: [{ From_Account: 'a', MsgBody: [] }] });

client.group.deleteGroupMsgBySender({ GroupId: '@TGS#2C5SZEAEF', Sender_Account: 'leckie' });
client.group.groupMsgGetSimple({ GroupId: '@TGS#2J4SZEAEL', ReqMsgSeq: 7824, ReqMsgNumber: 2 });
client.group.groupMsgGetSimple({ GroupId: '@TGS#2J4SZEAEL', ReqMsgNumber: 20, WithRecalledMsg: 1 });
// @ts-expect-error ReqMsgNumber is required
client.group.groupMsgGetSimple({ GroupId: 'g' });
const history = resolved(client.group.groupMsgGetSimple({ GroupId: 'g', ReqMsgNumber: 20 }));
const oldestSeq: number = history.RspMsgList[0].MsgSeq;
void oldestSeq;

client.group.modifyGroupMsg({ GroupId: '@TGS#2C5SZEAEF', MsgSeq: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'edited' } }] });
// @ts-expect-error MsgSeq is a number
client.group.modifyGroupMsg({ GroupId: 'g', MsgSeq: '1' });

client.group.sendBroadcastMsg({ From_Account: 'admin', Random: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'all rooms' } }] });
client.group.clearGroupMsg({ GroupId: '@TGS#2C5SZEAEF' });
client.group.clearGroupMsg({ GroupId: '@TGS#2C5SZEAEF', MsgSeq: 100 });

client.group.getGroupMsgReceipt({ GroupId: '@TGS#2C5SZEAEF', MsgSeqList: [{ MsgSeq: 1 }, { MsgSeq: 2 }] });
client.group.getGroupMsgReceiptDetail({ GroupId: '@TGS#2C5SZEAEF', MsgSeq: 1, Filter: 0, Cursor: '', Count: 200 });
// @ts-expect-error Filter is 0 (read) or 1 (unread)
client.group.getGroupMsgReceiptDetail({ GroupId: 'g', MsgSeq: 1, Filter: 'read', Cursor: '', Count: 10 });
const receipts = resolved(client.group.getGroupMsgReceiptDetail({ GroupId: 'g', MsgSeq: 1, Filter: 1, Cursor: '', Count: 100 }));
// Tencent's examples say IsFinish, its field table IsFinished: either may arrive.
const receiptDone: 0 | 1 | undefined = receipts.IsFinish ?? receipts.IsFinished;
const reader: string | undefined = receipts.ReadList?.[0].Read_Account;
const nonReader: string | undefined = receipts.UnreadList?.[0].Unread_Account;
// @ts-expect-error read-receipt items are { Read_Account } / { Unread_Account }, not { Member_Account }
void receipts.ReadList?.[0].Member_Account;
void [reader, nonReader];
const receiptCursor: string = receipts.Cursor;
void [receiptDone, receiptCursor];
client.group.groupMsgReceipt({ GroupId: '@TGS#2C5SZEAEF', From_Account: 'bob', MsgSeqList: [{ MsgSeq: 1 }] });

client.group.getGroupAttr({ GroupId: '@TGS#aC5SZEAEF' });
const attrs = resolved(client.group.getGroupAttr({ GroupId: 'g' }));
const attr: GroupAttrItem = attrs.GroupAttrAry[0];
const attrValue: string = attr.value;
void attrValue;
client.group.modifyGroupAttr({ GroupId: '@TGS#aC5SZEAEF', GroupAttr: [{ key: 'attr_key1', value: 'attr_val1' }] });
// @ts-expect-error group attributes use lower-case key/value
client.group.modifyGroupAttr({ GroupId: 'g', GroupAttr: [{ Key: 'attr_key1', Value: 'attr_val1' }] });
client.group.clearGroupAttr({ GroupId: '@TGS#aC5SZEAEF' });
client.group.setGroupAttr({ GroupId: '@TGS#aC5SZEAEF', GroupAttr: [{ key: 'attr_key', value: 'attr_val' }] });

client.group.getGroupCounter({ GroupId: '@TGS#aC5SZEAEF', GroupCounterKeys: ['like', 'unlike'] });
client.group.updateGroupCounter({ GroupId: '@TGS#aC5SZEAEF', GroupCounter: [{ Key: 'like', Value: 1 }], Mode: 'Increase' });
// @ts-expect-error counter values are numbers
client.group.updateGroupCounter({ GroupId: 'g', GroupCounter: [{ Key: 'like', Value: '1' }], Mode: 'Set' });
// @ts-expect-error counters are spelled Key/Value (group attributes use key/value)
client.group.updateGroupCounter({ GroupId: 'g', GroupCounter: [{ key: 'like', value: 1 }], Mode: 'Set' });
// @ts-expect-error unknown mode
client.group.updateGroupCounter({ GroupId: 'g', GroupCounter: [{ Key: 'like', Value: 1 }], Mode: 'Add' });
client.group.deleteGroupCounter({ GroupId: '@TGS#aC5SZEAEF', GroupCounterKeys: ['like'] });
// Both optional on the pages: no keys deletes every counter; Mode has no stated default.
client.group.deleteGroupCounter({ GroupId: '@TGS#aC5SZEAEF' });
client.group.updateGroupCounter({ GroupId: '@TGS#aC5SZEAEF', GroupCounter: [{ Key: 'like', Value: 1 }] });

// Call options are typed too.
client.group.destroyGroup({ GroupId: 'g' }, { timeoutMs: 5000, maxRetries: 2, deadlineMs: 20000 });
// @ts-expect-error timeoutMs is a number
client.group.destroyGroup({ GroupId: 'g' }, { timeoutMs: '5s' });

// ---- liveGroup --------------------------------------------------------------------------------
client.liveGroup.getMembers({ GroupId: '@TGS#aC5SZEAEF', Timestamp: 0 });
client.liveGroup.getMembers({ GroupId: '@TGS#aC5SZEAEF', Timestamp: 0, Mark: 1000 });
// @ts-expect-error Timestamp is required (0 on the first page)
client.liveGroup.getMembers({ GroupId: 'g' });
const live = resolved(client.liveGroup.getMembers({ GroupId: 'g', Timestamp: 0 }));
const liveNext: number = live.NextTimestamp;
void liveNext;
client.liveGroup.modifyUserInfo({ GroupId: '@TGS#aC5SZEAEF', CommandType: 1, MemberList: [{ Member_Account: 'bob', Marks: [1000, 1001] }] });
// @ts-expect-error CommandType is 1 (set) or 2 (delete)
client.liveGroup.modifyUserInfo({ GroupId: 'g', CommandType: 3, MemberList: [] });
client.liveGroup.checkMembers({ GroupId: '@TGS#aC5SZEAEF', Member_Account: ['bob', 'peter'] });
client.liveGroup.getAdminList({ GroupId: '@TGS#aC5SZEAEF' });
const admins = resolved(client.liveGroup.getAdminList({ GroupId: 'g' }));
const adminId: string = admins.Admin_List[0].Admin_Account;
void adminId;
client.liveGroup.modifyAdmin({ GroupId: '@TGS#aC5SZEAEF', CommandType: 1, Admin_Account: ['bob'] });
// @ts-expect-error Admin_Account is a list of UserIDs
client.liveGroup.modifyAdmin({ GroupId: 'g', CommandType: 1, Admin_Account: 'bob' });

// ---- community --------------------------------------------------------------------------------
client.community.createTopic({
  GroupId: '@TGS#_@TGS#cQVLVHIM62CJ',
  TopicId: '@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic',
  TopicName: 'TestTopic',
  From_Account: 'bob',
  CustomString: 'custom',
  FaceUrl: 'http://this.is.face.url',
  Notification: 'notification',
  Introduction: 'introduction',
});
// @ts-expect-error TopicName is required
client.community.createTopic({ GroupId: 'g' });
client.community.getTopic({ GroupId: '@TGS#_@TGS#cQVLVHIM62CJ', From_Account: '1400187352', TopicIdList: ['@TGS#_@TGS#cQVLVHIM62CJ@TOPIC#_TestTopic'] });
// @ts-expect-error From_Account is required (the page: "which is required")
client.community.getTopic({ GroupId: 'g', TopicIdList: ['t'] });
client.community.getTopic({ GroupId: 'g', From_Account: 'bob', ResponseFilter: ['TopicName', 'LastMsgTime'] });
// @ts-expect-error ResponseFilter is a list of field names
client.community.getTopic({ GroupId: 'g', From_Account: 'bob', ResponseFilter: { TopicBaseInfoFilter: ['TopicName'] } });
const topics = resolved(client.community.getTopic({ GroupId: 'g', From_Account: 'bob' }));
const topicName: string | undefined = topics.TopicAndSelfInfo[0].TopicInfo?.TopicName;
void topicName;
client.community.modifyTopic({ GroupId: 'g', TopicId: 't', TopicName: 'renamed', MuteAllMember: 'Off' });
client.community.destroyTopic({ GroupId: 'g', TopicIdList: ['t1', 't2'] });
// @ts-expect-error TopicIdList is a list
client.community.destroyTopic({ GroupId: 'g', TopicIdList: 't1' });
client.community.importTopic({ GroupId: 'g', TopicName: 'imported', CreateTime: 1448357837 });
client.community.getOnlineMemberNum({ GroupId: '@TGS#_@TGS#cQVLVHIM62CJ' });

client.community.createPermissionGroup({
  GroupId: '@TGS#_@TGS#cV6IHIIM62C4',
  PermissionGroupId: '@PMG#_test_permission_group',
  PermissionGroupName: 'test_permission_group',
  Permission: 123,
  CustomString: 'test_custom_string',
});
// @ts-expect-error Permission is a bit mask (number)
client.community.createPermissionGroup({ GroupId: 'g', PermissionGroupName: 'p', Permission: 'all' });
// @ts-expect-error PermissionGroupName is required
client.community.createPermissionGroup({ GroupId: 'g', Permission: 1 });
client.community.destroyPermissionGroup({ GroupId: '@TGS#_@TGS#cV6IHIIM62C4', PermissionGroupIdList: ['@PMG#_@PMG#cM2', '@PMG#_@PMG#cN3'] });
const destroyed = resolved(client.community.destroyPermissionGroup({ GroupId: 'g', PermissionGroupIdList: ['p'] }));
const perItem: number = destroyed.PermissionGroupResultList[0].ErrorCode;
void perItem;
client.community.modifyPermissionGroup({
  GroupId: '@TGS#_@TGS#cV6IHIIM62C4',
  PermissionGroupId: '@PMG#_test_permission_group',
  Permission: 123,
  PermissionGroupName: 'test_modify_group_name',
  CustomString: 'test_modify_custom_string',
});
client.community.getPermissionGroup({ GroupId: 'g', Limit: 20, Next: '' });
client.community.addTopicPermissionGroup({ GroupId: 'g', PermissionGroupId: 'p', TopicPermissionList: [{ TopicId: 't', Permission: 3 }] });
client.community.setTopicPermissionGroup({ GroupId: 'g', PermissionGroupId: 'p', TopicPermissionList: [{ TopicId: 't', Permission: 1 }] });
// @ts-expect-error each topic permission needs its Permission bits
client.community.setTopicPermissionGroup({ GroupId: 'g', PermissionGroupId: 'p', TopicPermissionList: [{ TopicId: 't' }] });
client.community.deleteTopicPermissionGroup({ GroupId: 'g', PermissionGroupId: 'p', TopicIdList: ['t'] });
client.community.getTopicPermissionGroup({ GroupId: 'g', PermissionGroupId: 'p' });
client.community.addPermissionGroupMember({
  GroupId: '@TGS#_@TGS#cAVQXXXXXX',
  PermissionGroupId: '@PMG#_@PMG#cDR',
  MemberList: [{ Member_Account: 'tommy' }, { Member_Account: 'jared' }],
});
// @ts-expect-error PermissionGroupId is required
client.community.addPermissionGroupMember({ GroupId: 'g', MemberList: [{ Member_Account: 'tommy' }] });
client.community.deletePermissionGroupMember({ GroupId: 'g', PermissionGroupId: 'p', MemberList: [{ Member_Account: 'tommy' }] });
client.community.getPermissionGroupMemberList({ GroupId: '@TGS#_@TGS#cAVQXXXXXX', PermissionGroupId: '@PMG#_@PMG#cDR', Limit: 20, Next: '' });

// ---- officialAccount --------------------------------------------------------------------------
client.officialAccount.createOfficialAccount({
  Owner_Account: 'user1',
  OfficialAccountUserID: '@TOA#_test_id',
  Name: 'TestOfficialAccount',
  Introduction: 'introduction',
  FaceUrl: 'http://this.is.face.url',
  MaxSubscriberNum: 100000,
  Organization: 'org',
  CustomString: 'custom',
});
// @ts-expect-error Name is required
client.officialAccount.createOfficialAccount({ Owner_Account: 'user1' });
const oa = resolved(client.officialAccount.createOfficialAccount({ Owner_Account: 'u', Name: 'n' }));
const oaId: string = oa.OfficialAccountUserID;
void oaId;
client.officialAccount.destroyOfficialAccount({ Official_Account: '@TOA#_test_id' });
// @ts-expect-error the field is Official_Account
client.officialAccount.destroyOfficialAccount({ OfficialAccount: '@TOA#_test_id' });
client.officialAccount.modifyOfficialAccountBaseInfo({ Official_Account: '@TOA#_test_id', Name: 'renamed', MaxSubscriberNum: 5000 });
client.officialAccount.getOfficialAccountInfo({
  OfficialAccountIdList: [{ Official_Account: '@TOA#_test_id' }],
  ResponseFilter: { OfficialAccountBaseInfoFilter: ['Name', 'SubscriberNum'] },
});
// @ts-expect-error the list holds { Official_Account } objects
client.officialAccount.getOfficialAccountInfo({ OfficialAccountIdList: ['@TOA#_test_id'] });
client.officialAccount.sendOfficialAccountMsg({
  Official_Account: '@TOA#_test_id',
  Random: 12345,
  MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello subscribers' } }],
  CloudCustomData: 'x',
});
const oaSent = resolved(client.officialAccount.sendOfficialAccountMsg({ Official_Account: 'o', Random: 1, MsgBody: [] }));
const msgKey: string = oaSent.MsgKey;
client.officialAccount.officialAccountMsgRecall({ Official_Account: '@TOA#_test_id', MsgKeyList: [msgKey], Reason: 'typo' });
// @ts-expect-error MsgKeyList holds the key strings
client.officialAccount.officialAccountMsgRecall({ Official_Account: 'o', MsgKeyList: [{ MsgKey: msgKey }] });
client.officialAccount.officialAccountMsgGetSimple({ Official_Account: '@TOA#_test_id', ReqMsgNumber: 20 });
const oaHistory = resolved(client.officialAccount.officialAccountMsgGetSimple({ Official_Account: 'o', ReqMsgNumber: 20 }));
const finished: 0 | 1 | 2 = oaHistory.IsFinished;
void finished;
const subscribed = resolved(client.officialAccount.addSubscriber({ Official_Account: '@TOA#_test_id', SubscriberList: [{ Subscriber_Account: 'bob' }] }));
const subscribeResult: 0 | 1 | 2 = subscribed.SubscriberList[0].Result;
const removed = resolved(client.officialAccount.deleteSubscriber({ Official_Account: '@TOA#_test_id', SubscriberToDel_Account: ['bob', 'peter'] }));
const removedAccount: string = removed.SubscriberList[0].Subscriber_Account;
void [subscribeResult, removedAccount];
// @ts-expect-error SubscriberToDel_Account is a list of UserIDs
client.officialAccount.deleteSubscriber({ Official_Account: 'o', SubscriberToDel_Account: 'bob' });
client.officialAccount.modifySubscriberInfo({ Official_Account: '@TOA#_test_id', Subscriber_Account: 'bob', CustomString: 'vip' });
client.officialAccount.getSubscriberInfo({ Official_Account: '@TOA#_test_id', Limit: 200, Next: '' });
const subs = resolved(client.officialAccount.getSubscriberInfo({ Official_Account: 'o' }));
const subsNext: string = subs.Next;
void subsNext;
client.officialAccount.getSubscribedOfficialAccountList({ Subscriber_Account: 'bob', Limit: 200, Offset: 0 });
client.officialAccount.getSubscribedOfficialAccountList({ Subscriber_Account: 'bob', ResponseFilter: { OfficialAccountBaseInfoFilter: ['Name'], SelfInfoFilter: ['SubscribeTime', 'CustomString'] } });
// @ts-expect-error Offset is a number
client.officialAccount.getSubscribedOfficialAccountList({ Subscriber_Account: 'bob', Offset: '0' });
