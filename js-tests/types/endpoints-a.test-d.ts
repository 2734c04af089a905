// Type test for pkg/types/endpoints-a.d.ts. Checked by `tsc -p js-tests/types` (never run).
// Correct calls are Tencent's documented request examples; every `@ts-expect-error` line is a
// mistake that must be rejected. If the request types were `any`, each of those directives
// would be unused and tsc would fail, so this file cannot pass against loose types.

import type {
  AccountApi,
  MessageApi,
  MessageExtensionApi,
  PushApi,
  ProfileApi,
  FriendApi,
  FollowApi,
  ConversationApi,
  BotApi,
  ModerationApi,
  OperationApi,
} from '../../pkg/types/endpoints-a';

declare const tim: {
  account: AccountApi;
  message: MessageApi;
  messageExtension: MessageExtensionApi;
  push: PushApi;
  profile: ProfileApi;
  friend: FriendApi;
  follow: FollowApi;
  conversation: ConversationApi;
  bot: BotApi;
  moderation: ModerationApi;
  operation: OperationApi;
};

const text = [{ MsgType: 'TIMTextElem' as const, MsgContent: { Text: 'hi, beauty' } }];

export async function account(): Promise<void> {
  await tim.account.importAccount({ UserID: 'test', Nick: 'test', FaceUrl: 'http://www.qq.com' });
  // @ts-expect-error old field name Identifier is not the current API
  await tim.account.importAccount({ Identifier: 'test' });
  // @ts-expect-error UserID is required
  await tim.account.importAccount({ Nick: 'test' });

  const imp = await tim.account.importAccounts({ Accounts: ['test1', 'test2'] });
  const failed: string[] | undefined = imp.FailAccounts;
  void failed;
  await tim.account.importAccounts({
    AccountList: [{ UserID: 'UserID_001', Nick: 'Nick_001', FaceUrl: 'http://www.qq.com' }],
  });
  // @ts-expect-error the two body forms cannot be mixed
  await tim.account.importAccounts({ Accounts: ['a'], AccountList: [{ UserID: 'b' }] });
  // @ts-expect-error Accounts is a list of strings
  await tim.account.importAccounts({ Accounts: [1, 2] });

  const del = await tim.account.deleteAccounts({ DeleteItem: [{ UserID: 'UserID_1' }, { UserID: 'UserID_2' }] });
  const code: number = del.ResultItem[0].ResultCode;
  void code;
  const chk = await tim.account.checkAccounts({ CheckItem: [{ UserID: 'UserID_1' }] });
  const st: 'Imported' | 'NotImported' = chk.ResultItem[0].AccountStatus;
  void st;
  // @ts-expect-error CheckItem entries are objects, not strings
  await tim.account.checkAccounts({ CheckItem: ['UserID_1'] });

  await tim.account.kick({ UserID: 'test' });
  const on = await tim.account.queryOnlineStatus({ IsNeedDetail: 1, To_Account: ['id1', 'id2', 'id4'] });
  // Status on most pages, State in the English page's example: read either.
  const status: 'Online' | 'PushOnline' | 'Offline' | undefined = on.QueryResult[0].Status ?? on.QueryResult[0].State;
  void status;
  // @ts-expect-error IsNeedDetail is 0 or 1, not a boolean
  await tim.account.queryOnlineStatus({ IsNeedDetail: true, To_Account: ['id1'] });
  // @ts-expect-error To_Account is a list here
  await tim.account.queryOnlineStatus({ To_Account: 'id1' });

  await tim.account.setNoSpeaking({ Set_Account: 'xiaoming', C2CmsgNospeakingTime: 4294967295, GroupmsgNospeakingTime: 7200 });
  const ns = await tim.account.getNoSpeaking({ Get_Account: 'xiaoming' });
  const c2c: number = ns.C2CmsgNospeakingTime;
  void c2c;
  // @ts-expect-error response fields are typed, not any
  const nope: string = ns.C2CmsgNospeakingTime;
  void nope;
}

export async function message(): Promise<void> {
  const sent = await tim.message.sendMsg(
    { SyncOtherMachine: 2, To_Account: 'lumotuwe1', MsgLifeTime: 60, MsgSeq: 93847636, MsgRandom: 1287657, MsgBody: text, CloudCustomData: 'your cloud custom data' },
    { timeoutMs: 5000, maxRetries: 2 },
  );
  const key: string = sent.MsgKey;
  void key;
  // @ts-expect-error a response does not have made-up fields
  void sent.MsgId;
  // MsgRandom may be left to the SDK, which fills it (and MsgSeq) for deduplicated retries.
  await tim.message.sendMsg({ To_Account: 'u', MsgBody: text });
  // @ts-expect-error MsgBody is required
  await tim.message.sendMsg({ To_Account: 'u', MsgRandom: 1 });
  // @ts-expect-error misspelled field (To_account)
  await tim.message.sendMsg({ To_account: 'u', MsgRandom: 1, MsgBody: text });
  // @ts-expect-error unknown element type
  await tim.message.sendMsg({ To_Account: 'u', MsgRandom: 1, MsgBody: [{ MsgType: 'TIMTxtElem', MsgContent: { Text: 'x' } }] });
  // @ts-expect-error MsgContent must match MsgType
  await tim.message.sendMsg({ To_Account: 'u', MsgRandom: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Data: 'x' } }] });
  // @ts-expect-error SyncOtherMachine is 1 or 2
  await tim.message.sendMsg({ SyncOtherMachine: 3, To_Account: 'u', MsgRandom: 1, MsgBody: text });
  // @ts-expect-error unknown SendMsgControl option
  await tim.message.sendMsg({ To_Account: 'u', MsgRandom: 1, MsgBody: text, SendMsgControl: ['NoPush'] });
  // @ts-expect-error options are CallOptions
  await tim.message.sendMsg({ To_Account: 'u', MsgRandom: 1, MsgBody: text }, { timeout: 5 });

  // Media elements: REST sends carry Url, UUID and Download_Flag 2 (Message formats page).
  const sound = { MsgType: 'TIMSoundElem' as const, MsgContent: { Url: 'https://x/a.mp3', UUID: '1c0ab1', Size: 2270, Second: 3, Download_Flag: 2 as const } };
  const file = { MsgType: 'TIMFileElem' as const, MsgContent: { Url: 'https://x/a.txt', UUID: '2d1bc2', FileSize: 1773552, FileName: 'file:a.txt', Download_Flag: 2 as const } };
  await tim.message.sendMsg({ To_Account: 'u', MsgBody: [sound, file] });
  // @ts-expect-error a voice element without its download Url
  await tim.message.sendMsg({ To_Account: 'u', MsgBody: [{ MsgType: 'TIMSoundElem', MsgContent: { UUID: '1', Size: 1, Second: 1, Download_Flag: 2 } }] });
  // @ts-expect-error a file element without UUID
  await tim.message.sendMsg({ To_Account: 'u', MsgBody: [{ MsgType: 'TIMFileElem', MsgContent: { Url: 'https://x', FileSize: 1, FileName: 'a', Download_Flag: 2 } }] });
  // @ts-expect-error Download_Flag can only be 2
  await tim.message.sendMsg({ To_Account: 'u', MsgBody: [{ ...sound, MsgContent: { ...sound.MsgContent, Download_Flag: 1 } }] });
  await tim.message.sendMsg({
    To_Account: 'u',
    MsgBody: text,
    OfflinePushInfo: { AndroidInfo: { HuaWeiImage: 'https://x/h.png', HonorImage: 'https://x/o.png', GoogleImage: 'https://x/g.png', OPPOPrivateMsgTemplateId: 't1' } },
  });
  // @ts-expect-error vendor icons are URLs (strings)
  await tim.message.sendMsg({ To_Account: 'u', MsgBody: text, OfflinePushInfo: { AndroidInfo: { HuaWeiImage: 1 } } });

  await tim.message.sendMsg({
    To_Account: 'u',
    MsgRandom: 1,
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' } }],
    OfflinePushInfo: { PushFlag: 0, Desc: 'push text', Ext: '{"k":"v"}', AndroidInfo: { Sound: 'android.mp3' }, ApnsInfo: { Sound: 'apns.mp3', BadgeMode: 1 } },
  });
  // @ts-expect-error PushFlag is 0 or 1
  await tim.message.sendMsg({ To_Account: 'u', MsgRandom: 1, MsgBody: text, OfflinePushInfo: { PushFlag: 2 } });

  const batch = await tim.message.batchSendMsg({ SyncOtherMachine: 2, To_Account: ['bonnie', 'rong'], MsgRandom: 19901224, MsgBody: text });
  const errs: { To_Account: string; ErrorCode: number }[] | undefined = batch.ErrorList;
  void errs;
  // @ts-expect-error batchsendmsg needs MsgRandom (the SDK fills it only for sendmsg / importmsg)
  await tim.message.batchSendMsg({ To_Account: ['bonnie'], MsgBody: text });
  // @ts-expect-error batchsendmsg takes a list of receivers
  await tim.message.batchSendMsg({ To_Account: 'bonnie', MsgRandom: 1, MsgBody: text });

  await tim.message.importMsg({ SyncFromOldSystem: 1, From_Account: 'leckie', To_Account: 'rong', MsgRandom: 1287657, MsgTimeStamp: 1557387418, MsgBody: text });
  // @ts-expect-error MsgTimeStamp is required for an import
  await tim.message.importMsg({ SyncFromOldSystem: 1, From_Account: 'a', To_Account: 'b', MsgRandom: 1, MsgBody: text });

  const page = await tim.message.getRoamMsg({ Operator_Account: 'user1', Peer_Account: 'user2', MaxCnt: 100, MinTime: 1584669600, MaxTime: 1584673200, LastMsgKey: '549396494_2578554_1584672209' });
  const done: 0 | 1 = page.Complete;
  const body = page.MsgList[0].MsgBody;
  void done;
  void body;
  // @ts-expect-error old field names From_Account/To_Account are not this endpoint's
  await tim.message.getRoamMsg({ From_Account: 'a', To_Account: 'b', MaxCnt: 1, MinTime: 0, MaxTime: 1 });

  await tim.message.withdrawMsg({ From_Account: 'vinson', To_Account: 'dave', MsgKey: '31906_833502_1572869830' });
  await tim.message.setMsgRead({ Report_Account: 'test1', Peer_Account: 'test2' });
  const unread = await tim.message.getC2cUnreadMsgNum({ To_Account: 'test2', Peer_Account: ['test1', 'test3'] });
  // With Peer_Account the answer has no total, only the per-peer list.
  const all: number | undefined = unread.AllC2CUnreadMsgNum;
  // @ts-expect-error the total is absent when Peer_Account is given
  const allRequired: number = unread.AllC2CUnreadMsgNum;
  void [all, allRequired];
  await tim.message.modifyC2cMsg({ From_Account: 'user1', To_Account: 'user2', MsgKey: '31906_833502_1572869830', MsgBody: text });
  await tim.message.deleteC2cMsgRamble({ Operator_Account: 'user1', Peer_Account: 'user2', MsgKeyList: ['31906_833502_1572869830'] });
  // @ts-expect-error MsgKeyList is a list
  await tim.message.deleteC2cMsgRamble({ Operator_Account: 'user1', Peer_Account: 'user2', MsgKeyList: '31906' });
  await tim.message.c2cMsgReadReceipt({ Operator_Account: 'user2', Peer_Account: 'user1', C2CMsgInfo: [{ From_Account: 'user1', To_Account: 'user2', MsgKey: '31906_833502_1572869830' }] });
  // @ts-expect-error receipts name messages by MsgKey
  await tim.message.c2cMsgReadReceipt({ Operator_Account: 'b', Peer_Account: 'a', C2CMsgInfo: [{ From_Account: 'a', To_Account: 'b', MsgSeq: 1, MsgRandom: 2 }] });
  const gone = await tim.message.deleteC2cMsgRamble({ Operator_Account: 'user1', Peer_Account: 'user2', MsgKeyList: ['k'] });
  const invalid: string[] | undefined = gone.InvalidMsgKeyList;
  void invalid;
}

export async function messageExtension(): Promise<void> {
  const kv = await tim.messageExtension.getKeyValues({ From_Account: '62768', To_Account: '116400', MsgKey: '44739199_12_1665388280', StartSeq: 2 });
  // From_Account and StartSeq are optional on the page (269/82029); To_Account and MsgKey are not.
  await tim.messageExtension.getKeyValues({ To_Account: '116400', MsgKey: '44739199_12_1665388280' });
  // @ts-expect-error MsgKey is required
  await tim.messageExtension.getKeyValues({ From_Account: '62768', To_Account: '116400' });
  const more: 0 | 1 = kv.CompleteFlag;
  void more;
  await tim.messageExtension.setKeyValues({
    From_Account: '62768',
    To_Account: '116400',
    MsgKey: '44739199_12_1665388280',
    OperateType: 1,
    ExtensionList: [{ Key: 'k1', Value: 'v1', Seq: 0 }],
  });
  await tim.messageExtension.setKeyValues({ From_Account: '62768', To_Account: '116400', MsgKey: '44739199_12_1665388280', OperateType: 3 });
  // @ts-expect-error OperateType is 1, 2 or 3
  await tim.messageExtension.setKeyValues({ To_Account: '1', MsgKey: 'k', OperateType: 4 });
  await tim.messageExtension.groupGetKeyValues({ GroupId: '@TGS#1YMVAB3IZ', MsgSeq: 158 });
  await tim.messageExtension.groupSetKeyValues({ GroupId: '@TGS#1YMVAB3IZ', MsgSeq: 158, OperateType: 2, ExtensionList: [{ Key: 'key1', Value: '', Seq: 1 }] });
  // @ts-expect-error MsgSeq is a number
  await tim.messageExtension.groupGetKeyValues({ GroupId: 'g', MsgSeq: '158' });
}

export async function push(): Promise<void> {
  const task = await tim.push.imPush({ From_Account: 'admin', MsgRandom: 56512, MsgLifeTime: 120, MsgBody: text, Condition: { TagsAnd: ['stock A', 'stock B'] } });
  const id: string = task.TaskId;
  void id;
  // @ts-expect-error MsgBody is required for im_push
  await tim.push.imPush({ MsgRandom: 1 });
  await tim.push.imSetAttrName({ AttrNames: { '0': 'sex', '1': 'city', '2': 'country' } });
  // @ts-expect-error attribute numbers are '0'..'9'
  await tim.push.imSetAttrName({ AttrNames: { '10': 'x' } });
  await tim.push.imGetAttrName({});
  // @ts-expect-error this endpoint takes an empty body
  await tim.push.imGetAttrName({ AttrNames: {} });
  await tim.push.imGetAttr({ To_Account: ['xiaoming', 'xiaohong'] });
  await tim.push.imSetAttr({ UserAttrs: [{ To_Account: 'xiaoming', Attrs: { sex: 'attr1', city: 'attr2' } }] });
  await tim.push.imRemoveAttr({ UserAttrs: [{ To_Account: 'xiaoming', Attrs: ['sex', 'city'] }] });
  await tim.push.imGetTag({ To_Account: ['xiaoming'] });
  await tim.push.imAddTag({ UserTags: [{ To_Account: 'xiaoming', Tags: ['a', 'b'] }] });
  await tim.push.imRemoveTag({ UserTags: [{ To_Account: 'xiaoming', Tags: ['a'] }] });
  // @ts-expect-error Tags is a list
  await tim.push.imRemoveTag({ UserTags: [{ To_Account: 'xiaoming', Tags: 'a' }] });
  await tim.push.imRemoveAllTags({ To_Account: ['xiaoming'] });

  await tim.push.push({ From_Account: 'administrator', MsgRandom: 3674128, OfflinePushInfo: { PushFlag: 0, Title: 'title', Desc: 'text' } });
  await tim.push.push({ From_Account: 'admin', MsgRandom: 3674128, OnlineOnlyFlag: 0, MsgBody: text, OfflinePushInfo: { PushFlag: 0 } });
  await tim.push.push({ From_Account: 'administrator', MsgRandom: 124032, Condition: { TagsAnd: ['A', 'B'] }, OfflinePushInfo: { Desc: 'x' } });
  await tim.push.push({ From_Account: 'administrator', MsgRandom: 7, Condition: { TagsOr: ['A', 'B'], TagsNot: ['C', 'D'] }, OfflinePushInfo: { Desc: 'x' } });
  // @ts-expect-error TagsNot is the Push service's (timpush) only
  await tim.push.imPush({ MsgRandom: 7, MsgBody: text, Condition: { TagsNot: ['C'] } });
  // @ts-expect-error a push needs OfflinePushInfo or MsgBody
  await tim.push.push({ From_Account: 'administrator', MsgRandom: 1 });
  const b = await tim.push.batch({ From_Account: 'administrator', To_Account: ['user1', 'user2'], MsgRandom: 3674128, OfflinePushInfo: { PushFlag: 0, Title: 't', Desc: 'd' } });
  const taskId: string = b.TaskId;
  void taskId;
  // @ts-expect-error OfflinePushInfo is required for batch
  await tim.push.batch({ From_Account: 'a', To_Account: ['u'], MsgRandom: 1 });
  await tim.push.revoke({ TaskId: '660cc447_537ed82a_200000cd7ee17f5_84035729_bc614e', OfflinePushInfo: { Title: 't', Desc: 'recalled' } });
  await tim.push.setAttrName({ AttrNames: { '0': 'sex', '1': 'city' }, AttrTypes: { '0': 0, '1': 0 } });
  // @ts-expect-error account type is 0 or 1
  await tim.push.setAttrName({ AttrNames: { '0': 'sex' }, AttrTypes: { '0': 2 } });
  const names = await tim.push.getAttrName({});
  void names.AttrTypes;
  await tim.push.setAttr({ UserAttrs: [{ To_Account: 'xiaoming', Attrs: { sex: 'm' } }] });
  await tim.push.getAttr({ To_Account: ['xiaoming'] });
  await tim.push.removeAttr({ UserAttrs: [{ To_Account: 'xiaoming', Attrs: ['sex'] }] });
  await tim.push.addTag({ UserTags: [{ To_Account: 'xiaoming', Tags: ['a'] }] });
  const cleared = await tim.push.clearAllTags({ To_Account: ['xiaoming'] });
  // Partial success: ErrorCode 0, the accounts that failed in ErrorList.
  const clearFailed: number | undefined = cleared.ErrorList?.[0].ErrorCode;
  void clearFailed;
  const tags = await tim.push.getTag({ To_Account: ['xiaoming', 'xiaohong', 'Mary'] });
  const firstTags: string[] = tags.UserTags[0].Tags;
  const missing: string | undefined = tags.ErrorList?.[0].To_Account;
  void [firstTags, missing];
  // @ts-expect-error get_tag takes a list of accounts
  await tim.push.getTag({ To_Account: 'xiaoming' });
  await tim.push.removeTag({ UserTags: [{ To_Account: 'xiaoming', Tags: ['GoldMember', 'WeekPassUser'] }] });
  // @ts-expect-error remove_tag takes UserTags, not To_Account
  await tim.push.removeTag({ To_Account: ['xiaoming'] });
}

export async function profile(): Promise<void> {
  await tim.profile.setPortrait({ From_Account: 'id', ProfileItem: [{ Tag: 'Tag_Profile_IM_Nick', Value: 'MyNickName' }] });
  // @ts-expect-error ProfileItem entries are { Tag, Value }
  await tim.profile.setPortrait({ From_Account: 'id', ProfileItem: [{ Key: 'Tag_Profile_IM_Nick', Value: 'x' }] });
  const p = await tim.profile.getPortrait({ To_Account: ['id1'], TagList: ['Tag_Profile_IM_Nick'] });
  void p.UserProfileItem[0].ProfileItem;
  // @ts-expect-error TagList is required
  await tim.profile.getPortrait({ To_Account: ['id1'] });
}

export async function friend(): Promise<void> {
  await tim.friend.friendAdd({ From_Account: 'id', AddFriendItem: [{ To_Account: 'id1', AddSource: 'AddSource_Type_XXXXXXXX' }], AddType: 'Add_Type_Both', ForceAddFlags: 1 });
  // @ts-expect-error AddSource is required
  await tim.friend.friendAdd({ From_Account: 'id', AddFriendItem: [{ To_Account: 'id1' }] });
  // @ts-expect-error unknown AddType
  await tim.friend.friendAdd({ From_Account: 'id', AddFriendItem: [{ To_Account: 'id1', AddSource: 'x' }], AddType: 'Both' });
  await tim.friend.friendImport({
    From_Account: 'id',
    AddFriendItem: [{ To_Account: 'id1', Remark: 'remark1', RemarkTime: 1604065140, GroupName: ['List1'], AddSource: 'AddSource_Type_XXXXXXXX', AddTime: 1604065140, CustomItem: [{ Tag: 'Tag_SNS_Custom_XX', Value: 'Custom' }] }],
  });
  await tim.friend.friendUpdate({ From_Account: 'id', UpdateItem: [{ To_Account: 'id1', SnsItem: [{ Tag: 'Tag_SNS_IM_Remark', Value: 'remark1' }] }] });
  await tim.friend.friendDelete({ From_Account: 'id', To_Account: ['id1', 'id2'], DeleteType: 'Delete_Type_Both' });
  await tim.friend.friendDeleteAll({ From_Account: 'id', DeleteType: 'Delete_Type_Both' });
  const chk = await tim.friend.friendCheck({ From_Account: 'id', To_Account: ['id1'], CheckType: 'CheckResult_Type_Both' });
  void chk.InfoItem[0].Relation;
  // @ts-expect-error CheckType is required
  await tim.friend.friendCheck({ From_Account: 'id', To_Account: ['id1'] });
  const fg = await tim.friend.friendGet({ From_Account: 'id', StartIndex: 0, StandardSequence: 0, CustomSequence: 0 });
  const next: number = fg.NextStartIndex;
  void next;
  await tim.friend.friendGetList({ From_Account: 'id', To_Account: ['id1'], TagList: ['Tag_Profile_IM_Nick', 'Tag_SNS_IM_Remark'] });
  await tim.friend.blackListAdd({ From_Account: 'id', To_Account: ['id1'] });
  await tim.friend.blackListDelete({ From_Account: 'id', To_Account: ['id1'] });
  await tim.friend.blackListGet({ From_Account: 'id', StartIndex: 0, MaxLimited: 10, LastSequence: 0 });
  // @ts-expect-error MaxLimited is a number
  await tim.friend.blackListGet({ From_Account: 'id', StartIndex: 0, MaxLimited: '10', LastSequence: 0 });
  await tim.friend.blackListCheck({ From_Account: 'id', To_Account: ['id1'], CheckType: 'BlackCheckResult_Type_Both' });
  // @ts-expect-error friend and blocklist check types differ
  await tim.friend.blackListCheck({ From_Account: 'id', To_Account: ['id1'], CheckType: 'CheckResult_Type_Both' });
  await tim.friend.groupAdd({ From_Account: 'id', GroupName: ['group1', 'group2'], To_Account: ['id1'] });
  await tim.friend.groupDelete({ From_Account: 'id', GroupName: ['group1'] });
  await tim.friend.groupGet({ From_Account: 'id', NeedFriend: 'Need_Friend_Type_Yes', LastSequence: 0 });
  // The page's basic and full forms (269/54763): no LastSequence.
  await tim.friend.groupGet({ From_Account: 'id' });
  await tim.friend.groupGet({ From_Account: 'id', NeedFriend: 'Need_Friend_Type_Yes', GroupName: ['group1'] });
  // @ts-expect-error From_Account is required
  await tim.friend.groupGet({ GroupName: ['group1'] });
}

export async function follow(): Promise<void> {
  const add = await tim.follow.followAdd({ From_Account: 'UserID_001', FollowItem: [{ To_Account: 'UserID_002' }, { To_Account: 'UserID_003' }] });
  void add.ResultItem[0].ResultInfo;
  // @ts-expect-error FollowItem entries are objects
  await tim.follow.followAdd({ From_Account: 'UserID_001', FollowItem: ['UserID_002'] });
  await tim.follow.followDelete({ From_Account: 'UserID_001', To_Account: ['UserID_002'] });
  const chk = await tim.follow.followCheck({ From_Account: 'UserID_001', To_Account: ['UserID_002', 'UserID_003'] });
  const ft: 0 | 1 | 2 | 3 = chk.ResultItem[0].FollowType;
  void ft;
  const page = await tim.follow.followGet({ From_Account: 'UserID_001', FollowType: 1, StartCursor: '', WantNum: 100 });
  const cursor: string = page.NextCursor;
  void cursor;
  // @ts-expect-error FollowType is 1, 2 or 3
  await tim.follow.followGet({ From_Account: 'UserID_001', FollowType: 0, StartCursor: '', WantNum: 100 });
  // @ts-expect-error StartCursor and WantNum are required
  await tim.follow.followGet({ From_Account: 'UserID_001', FollowType: 1 });
  const info = await tim.follow.followGetInfo({ From_Account: 'UserID_001', To_Account: ['UserID_001', 'UserID_002'] });
  const n: number = info.FollowInfo[0].MutualFollowingCount;
  void n;
}

export async function conversation(): Promise<void> {
  const list = await tim.conversation.getList({ From_Account: 'id', TimeStamp: 0, StartIndex: 0, TopTimeStamp: 0, TopStartIndex: 0, AssistFlags: 15 });
  const flag: 0 | 1 = list.CompleteFlag;
  void flag;
  await tim.conversation.delete({ From_Account: 'id', Type: 1, To_Account: 'id1', ClearRamble: 1 });
  await tim.conversation.delete({ From_Account: 'id', Type: 2, ToGroupid: '@TGS#2WSTMWXXX' });
  // @ts-expect-error a group conversation is named by ToGroupid
  await tim.conversation.delete({ From_Account: 'id', Type: 2, To_Account: 'id1' });
  await tim.conversation.createContactGroup({ From_Account: 'user15', GroupContactItem: [{ GroupName: 'test0', ContactItem: [{ Type: 1, To_Account: 'user0' }] }] });
  // @ts-expect-error Type 2 needs ToGroupId
  await tim.conversation.createContactGroup({ From_Account: 'user15', GroupContactItem: [{ GroupName: 'test0', ContactItem: [{ Type: 2, To_Account: 'user0' }] }] });
  const dg = await tim.conversation.delContactGroup({ From_Account: 'user0', GroupName: ['test0'] });
  const dgId: number = dg.GroupItem[0].GroupId;
  void dgId;
  await tim.conversation.updateContactGroup({ From_Account: 'user0', UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'test0', NewGroupName: 'test1' } });
  await tim.conversation.updateContactGroup({
    From_Account: 'user0',
    UpdateType: 1,
    UpdateGroup: { UpdateGroupType: 2, OldGroupName: 'test1', ContactUpdateItem: [{ ContactOptType: 1, ContactItem: { Type: 2, ToGroupId: '@TGS#1N3RSUYG2' } }] },
  });
  // @ts-expect-error renaming needs NewGroupName
  await tim.conversation.updateContactGroup({ From_Account: 'user0', UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'test0' } });
  const s = await tim.conversation.searchContactGroup({ From_Account: 'yahaha', ContactItem: [{ Type: 1, To_Account: 'xixi' }] });
  void s.ContactResultItem[0].ContactGroupId;
  await tim.conversation.markContact({ From_Account: 'user0', MarkItem: [{ OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1, 2, 3], CustomMark: 'abcd' }] });
  await tim.conversation.markContact({ From_Account: 'user0', MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, ClearMark: [2] }] });
  // @ts-expect-error the page's field is ClearMark
  await tim.conversation.markContact({ From_Account: 'user0', MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, UnsetMark: [2] }] });
  // @ts-expect-error OptType is 1, 2 or 3
  await tim.conversation.markContact({ From_Account: 'user0', MarkItem: [{ OptType: 4, ContactItem: { Type: 1, To_Account: 'user1' } }] });
  const g = await tim.conversation.getContactGroup({ From_Account: 'user0', StartIndex: 0 });
  const gid: number = g.GroupItem[0].GroupId;
  void gid;
}

export async function bot(): Promise<void> {
  await tim.bot.createRobot({ UserID: '@RBT#001', Nick: 'MyRobot', FaceUrl: 'http://www.qq.com', SelfSignature: 'hi' });
  await tim.bot.deleteRobot({ Robot_Account: '@RBT#001' });
  const bots = await tim.bot.getAllRobots({});
  const botIds: string[] = bots.Robot_Account;
  void botIds;
  // @ts-expect-error delete_robot takes Robot_Account, not UserID
  await tim.bot.deleteRobot({ UserID: '@RBT#001' });
}

export async function moderation(): Promise<void> {
  await tim.moderation.contentModeration({ AuditName: 'C2C', ContentType: 'Text', Content: 'abc', ExtSender: 'sender_xx' });
  // @ts-expect-error unknown AuditName
  await tim.moderation.contentModeration({ AuditName: 'Chat', ContentType: 'Text', Content: 'abc' });
  await tim.moderation.batchContentModeration({ AuditName: 'Group', Contents: [{ ContentId: 0, ContentType: 'Text', Content: 'abc123' }] });
  const m = await tim.moderation.contentModeration({ AuditName: 'Group', ContentType: 'Image', Content: 'https://example.com/a.png' });
  const verdict: 'Pass' | 'Review' | 'Block' | undefined = m.Result;
  void verdict;
  await tim.moderation.addLocalAuditKeywords({ SdkAppId: 1400187352, LocalAuditWords: [{ Keyword: 'abc', WordType: 0, FilterType: 1, ReplacedContent: '***' }] });
  // @ts-expect-error each local keyword needs its Keyword
  await tim.moderation.addLocalAuditKeywords({ SdkAppId: 1400187352, LocalAuditWords: [{ WordType: 0 }] });
  await tim.moderation.deleteLocalAuditKeywords({ SdkAppId: 1400187352, LocalAuditWords: [{ Keyword: 'abc', WordType: 0 }] });
  const local = await tim.moderation.getLocalAuditKeywords({ SdkAppId: 1400187352, FilterType: 1, Offset: 0, Limit: 10 });
  await tim.moderation.getLocalAuditKeywords({ SdkAppId: 1400187352, Offset: 0, Limit: 10 });
  const total: number = local.TotalCount;
  void total;
  const libs = await tim.moderation.getCloudAuditKeywordsIds({ SdkAppId: 1400187352, Offset: 0, Limit: 3 });
  const libId: string = libs.Infos[0].ID;
  await tim.moderation.getCloudAuditKeywords({ SdkAppId: 1400187352, Offset: 0, Limit: 10, LibID: libId, Content: 'test123456xyz1' });
  await tim.moderation.addCloudAuditKeywords({ SdkAppId: 1400187352, LibID: libId, UserKeywords: [{ Content: 'xyz123456test1', Label: 'Ad' }] });
  // @ts-expect-error unknown keyword label
  await tim.moderation.addCloudAuditKeywords({ SdkAppId: 1, LibID: 'x', UserKeywords: [{ Content: 'x', Label: 'Spam' }] });
  // @ts-expect-error SdkAppId is a number
  await tim.moderation.getCloudAuditKeywordsIds({ SdkAppId: '1400187352', Offset: 0, Limit: 3 });
  const del = await tim.moderation.deleteCloudAuditKeywords({ SdkAppId: 1400187352, LibID: libId, Keywords: ['test123456xyz2'] });
  const deleted: boolean = del.Details[0].Deleted;
  void deleted;
}

export async function operation(): Promise<void> {
  const info = await tim.operation.getAppInfo({ RequestField: ['ChainIncrease', 'ChainDecrease'] });
  void info.Result[0];
  await tim.operation.getAppInfo({});
  const h = await tim.operation.getHistory({ ChatType: 'C2C', MsgTime: '2015120121' });
  void h.File[0].URL;
  // @ts-expect-error MsgTime is a 'YYYYMMDDHH' string
  await tim.operation.getHistory({ ChatType: 'C2C', MsgTime: 2015120121 });
  // @ts-expect-error ChatType is 'C2C' or 'Group'
  await tim.operation.getHistory({ ChatType: 'c2c', MsgTime: '2015120121' });
  const ips = await tim.operation.getIpList({});
  const ip: string = ips.IPList[0];
  void ip;
  await tim.operation.forbidIllegalObject({ RawURL: 'https://cos.example/abc.jpg' });
  await tim.operation.allowBannedObject({ RawURL: 'https://cos.example/abc.jpg' });
  const sig = await tim.operation.getCosSig({ RawURLs: ['https://cos.example/abc.jpg'] });
  const fileStatus: 0 | 1 | 2 = sig.PreSigURLs[0].Status;
  void fileStatus;
  // @ts-expect-error RawURLs is a list
  await tim.operation.getCosSig({ RawURLs: 'https://cos.example/abc.jpg' });
  const ac = new AbortController();
  await tim.operation.getIpList({}, { signal: ac.signal, deadlineMs: 2000 });
}

// The method set of each namespace must be exactly the catalog's (src/api/catalog.rs): a missing
// method or an extra one fails to compile (excess property check / missing property). The
// <method>Pages / <method>Batched helpers are pinned separately, in helpers.test-d.ts.
type Methods<A> = Exclude<keyof A, `${string}Pages` | `${string}Items` | `${string}Batched`>;
export const accountMethods: Record<Methods<AccountApi>, true> = {
  importAccount: true,
  importAccounts: true,
  deleteAccounts: true,
  checkAccounts: true,
  kick: true,
  queryOnlineStatus: true,
  setNoSpeaking: true,
  getNoSpeaking: true,
};
export const messageMethods: Record<Methods<MessageApi>, true> = {
  sendMsg: true,
  batchSendMsg: true,
  importMsg: true,
  getRoamMsg: true,
  withdrawMsg: true,
  setMsgRead: true,
  getC2cUnreadMsgNum: true,
  modifyC2cMsg: true,
  deleteC2cMsgRamble: true,
  c2cMsgReadReceipt: true,
};
export const messageExtensionMethods: Record<Methods<MessageExtensionApi>, true> = {
  getKeyValues: true,
  setKeyValues: true,
  groupGetKeyValues: true,
  groupSetKeyValues: true,
};
export const pushMethods: Record<Methods<PushApi>, true> = {
  imPush: true,
  imSetAttrName: true,
  imGetAttrName: true,
  imGetAttr: true,
  imSetAttr: true,
  imRemoveAttr: true,
  imGetTag: true,
  imAddTag: true,
  imRemoveTag: true,
  imRemoveAllTags: true,
  push: true,
  batch: true,
  revoke: true,
  setAttrName: true,
  getAttrName: true,
  setAttr: true,
  getAttr: true,
  removeAttr: true,
  getTag: true,
  addTag: true,
  removeTag: true,
  clearAllTags: true,
};
export const profileMethods: Record<Methods<ProfileApi>, true> = {
  setPortrait: true,
  getPortrait: true,
};
export const friendMethods: Record<Methods<FriendApi>, true> = {
  friendAdd: true,
  friendImport: true,
  friendUpdate: true,
  friendDelete: true,
  friendDeleteAll: true,
  friendCheck: true,
  friendGet: true,
  friendGetList: true,
  blackListAdd: true,
  blackListDelete: true,
  blackListGet: true,
  blackListCheck: true,
  groupAdd: true,
  groupDelete: true,
  groupGet: true,
};
export const followMethods: Record<Methods<FollowApi>, true> = {
  followAdd: true,
  followDelete: true,
  followCheck: true,
  followGet: true,
  followGetInfo: true,
};
export const conversationMethods: Record<Methods<ConversationApi>, true> = {
  getList: true,
  delete: true,
  createContactGroup: true,
  delContactGroup: true,
  updateContactGroup: true,
  searchContactGroup: true,
  markContact: true,
  getContactGroup: true,
};
export const botMethods: Record<Methods<BotApi>, true> = {
  createRobot: true,
  deleteRobot: true,
  getAllRobots: true,
};
export const moderationMethods: Record<Methods<ModerationApi>, true> = {
  contentModeration: true,
  batchContentModeration: true,
  addLocalAuditKeywords: true,
  deleteLocalAuditKeywords: true,
  getLocalAuditKeywords: true,
  getCloudAuditKeywordsIds: true,
  getCloudAuditKeywords: true,
  addCloudAuditKeywords: true,
  deleteCloudAuditKeywords: true,
};
export const operationMethods: Record<Methods<OperationApi>, true> = {
  getAppInfo: true,
  getHistory: true,
  getIpList: true,
  forbidIllegalObject: true,
  allowBannedObject: true,
  getCosSig: true,
};

// The package's TimClient exposes these namespaces with the same types.
import type { TimClient } from '../../pkg/index';
declare const client: TimClient;
export async function wired(): Promise<void> {
  const r = await client.message.sendMsg({ To_Account: 'u', MsgRandom: 1, MsgBody: text });
  const k: string = r.MsgKey;
  void k;
  await client.operation.getIpList({});
  // @ts-expect-error the package's namespace is typed too
  await client.account.kick({ UserId: 'u' });
}
