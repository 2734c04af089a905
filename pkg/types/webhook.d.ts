// Webhook ("third-party callback") types: every callback command Tencent documents, as a
// discriminated union on `CallbackCommand`, the reply builders and the Request -> Response handler.
// Field names are Tencent's, verbatim. Sources: Tencent's per-command pages (1047/343xx, 269/15xx)
// and the doocs Java SDK's callback models; fields Tencent added later still arrive (see `Extra`).

import type { MsgBody } from './common.js';

/** Fields not listed here still arrive untouched. */
type Extra = { [field: string]: unknown };
/** Millisecond Unix time on message and group events (some doc examples show it as a string). */
type EventTimeMs = number | string;
interface MemberAccount {
  Member_Account: string;
}
interface Base<C extends string> {
  CallbackCommand: C;
}

// ---- Operations and status ----
export type AlertRequestOverLimit = Base<'Alert.RequestOverLimit'> & { ServiceName: string; Command: string; Request: number; Limit: number } & Extra;
export type StateStateChange = Base<'State.StateChange'> & {
  /** Absent from the 2020 pages' example. */
  EventTime?: EventTimeMs;
  Info: { Action: 'Login' | 'Logout' | 'Disconnect' | string; To_Account: string; Reason: string };
  KickedDevice?: { Platform: string }[];
} & Extra;

// ---- Profiles, friends, follows ----
export type ProfileCallbackPortraitSet = Base<'Profile.CallbackPortraitSet'> & {
  Operator_Account: string;
  From_Account: string;
  ProfileItem: { Tag: string; Value: string | number }[];
  EventTime?: EventTimeMs;
} & Extra;
export type SnsCallbackPrevFriendAdd = Base<'Sns.CallbackPrevFriendAdd'> & {
  Requester_Account: string;
  From_Account: string;
  FriendItem: { To_Account: string; Remark?: string; GroupName?: string; AddSource?: string; AddWording?: string }[];
  AddType: 'Add_Type_Single' | 'Add_Type_Both' | string;
  ForceAddFlags: number;
  EventTime: EventTimeMs;
} & Extra;
export type SnsCallbackPrevFriendResponse = Base<'Sns.CallbackPrevFriendResponse'> & {
  Requester_Account: string;
  From_Account: string;
  ResponseFriendItem: { To_Account: string; Remark?: string; TagName?: string; ResponseAction: 'Response_Action_Agree' | 'Response_Action_AgreeAndAdd' | 'Response_Action_Reject' | string }[];
  EventTime: EventTimeMs;
} & Extra;
interface FriendPair {
  From_Account: string;
  To_Account: string;
}
export type SnsCallbackFriendAdd = Base<'Sns.CallbackFriendAdd'> & {
  PairList: (FriendPair & { Initiator_Account: string })[];
  ClientCmd: string;
  Admin_Account: string;
  ForceFlag: number;
  EventTime?: EventTimeMs;
} & Extra;
export type SnsCallbackFriendDelete = Base<'Sns.CallbackFriendDelete'> & { PairList: FriendPair[]; EventTime?: EventTimeMs } & Extra;
export type SnsCallbackBlackListAdd = Base<'Sns.CallbackBlackListAdd'> & { PairList: FriendPair[]; EventTime?: EventTimeMs } & Extra;
export type SnsCallbackBlackListDelete = Base<'Sns.CallbackBlackListDelete'> & { PairList: FriendPair[]; EventTime?: EventTimeMs } & Extra;
export type FollowCallbackAfterFollowAdd = Base<'Follow.CallbackAfterFollowAdd'> & { From_Account: string; FollowList: { To_Account: string }[]; EventTime: EventTimeMs } & Extra;
export type FollowCallbackAfterFollowDelete = Base<'Follow.CallbackAfterFollowDelete'> & { From_Account: string; To_Account: string[]; EventTime: EventTimeMs } & Extra;

// ---- One-to-one messages ----
interface C2CMessage {
  From_Account: string;
  To_Account: string;
  MsgSeq: number;
  MsgRandom: number;
  /** Seconds. */
  MsgTime: number;
  MsgKey: string;
  OnlineOnlyFlag?: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
  EventTime?: EventTimeMs;
}
export type C2CCallbackBeforeSendMsg = Base<'C2C.CallbackBeforeSendMsg'> & C2CMessage & Extra;
export type C2CCallbackAfterSendMsg = Base<'C2C.CallbackAfterSendMsg'> & C2CMessage & { SendMsgResult: number; ErrorInfo: string; UnreadMsgNum?: number; MsgId?: string } & Extra;
export type C2CCallbackAfterMsgReport = Base<'C2C.CallbackAfterMsgReport'> & { Report_Account: string; Peer_Account: string; LastReadTime: number; UnreadMsgNum: number; EventTime?: EventTimeMs } & Extra;
export type C2CCallbackAfterMsgWithDraw = Base<'C2C.CallbackAfterMsgWithDraw'> & { From_Account: string; To_Account: string; MsgKey: string; UnreadMsgNum: number; EventTime?: EventTimeMs } & Extra;
/** One key of a message extension as the extension callbacks carry it. */
export interface MsgExtensionKV {
  Key: string;
  /** "" after a delete. */
  Value: string;
  Seq: number;
}
/** After a one-to-one message's extensions were set (1), deleted (2) or cleared (3). */
export type C2CCallbackAfterC2CMsgExtension = Base<'C2C.CallbackAfterC2CMsgExtension'> & {
  From_Account: string;
  To_Account: string;
  MsgKey: string;
  OperateType: 1 | 2 | 3;
  ExtensionList: MsgExtensionKV[];
  /** The message's extension version after the change. */
  Seq: number;
  EventTime?: EventTimeMs;
} & Extra;

// ---- Groups ----
interface InGroup {
  GroupId: string;
  /** Public, Private (Work), ChatRoom (Meeting), AVChatRoom, Community. */
  Type: string;
  EventTime?: EventTimeMs;
}
interface GroupMessage extends InGroup {
  From_Account: string;
  Operator_Account: string;
  Random: number;
  OnlineOnlyFlag?: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
  TopicId?: string;
  MsgId?: string;
}
export type GroupCallbackBeforeCreateGroup = Base<'Group.CallbackBeforeCreateGroup'> & {
  Operator_Account: string;
  Owner_Account: string;
  Type: string;
  Name: string;
  CreateGroupNum?: number;
  /** The 2020 pages' spelling of `CreateGroupNum`. */
  CreatedGroupNum?: number;
  MemberList: MemberAccount[];
  EventTime?: EventTimeMs;
} & Extra;
export type GroupCallbackAfterCreateGroup = Base<'Group.CallbackAfterCreateGroup'> & InGroup & {
  Operator_Account: string;
  Owner_Account: string;
  Name: string;
  MemberList: MemberAccount[];
  UserDefinedDataList?: { Key: string; Value: string }[];
} & Extra;
export type GroupCallbackBeforeApplyJoinGroup = Base<'Group.CallbackBeforeApplyJoinGroup'> & InGroup & { Requestor_Account: string } & Extra;
export type GroupCallbackBeforeInviteJoinGroup = Base<'Group.CallbackBeforeInviteJoinGroup'> & InGroup & { Operator_Account: string; DestinationMembers: MemberAccount[] } & Extra;
export type GroupCallbackAfterNewMemberJoin = Base<'Group.CallbackAfterNewMemberJoin'> & InGroup & { JoinType: 'Apply' | 'Invited' | string; Operator_Account: string; NewMemberList: MemberAccount[] } & Extra;
export type GroupCallbackAfterMemberExit = Base<'Group.CallbackAfterMemberExit'> & InGroup & { ExitType: 'Kicked' | 'Quit' | string; Operator_Account: string; ExitMemberList: MemberAccount[] } & Extra;
export type GroupCallbackBeforeSendMsg = Base<'Group.CallbackBeforeSendMsg'> & GroupMessage & Extra;
export type GroupCallbackAfterSendMsg = Base<'Group.CallbackAfterSendMsg'> & GroupMessage & { MsgSeq: number; MsgTime: number } & Extra;
export type GroupCallbackSendMsgException = Base<'Group.CallbackSendMsgException'> & GroupMessage & { ErrorCode: number; ErrorInfo: string } & Extra;
export type GroupCallbackAfterGroupFull = Base<'Group.CallbackAfterGroupFull'> & { GroupId: string; EventTime?: EventTimeMs } & Extra;
export type GroupCallbackAfterGroupDestroyed = Base<'Group.CallbackAfterGroupDestroyed'> & InGroup & { Owner_Account: string; Name: string; MemberList: MemberAccount[] } & Extra;
export type GroupCallbackAfterGroupInfoChanged = Base<'Group.CallbackAfterGroupInfoChanged'> & InGroup & {
  Operator_Account: string;
  Name?: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
} & Extra;
/** Tencent's example has no `Type` (AVChatRoom groups only). */
export type GroupCallbackOnMemberStateChange = Base<'Group.CallbackOnMemberStateChange'> & Omit<InGroup, 'Type'> & { Type?: string; EventType: 'Offline' | 'Online' | string; MemberList: MemberAccount[] } & Extra;
export type GroupCallbackAfterRecallMsg = Base<'Group.CallbackAfterRecallMsg'> & InGroup & { Operator_Account: string; MsgSeqList: { MsgSeq: number }[]; TopicId?: string } & Extra;
/** Tencent's example has no `GroupId`. */
export type GroupCallbackBeforeCreateTopic = Base<'Group.CallbackBeforeCreateTopic'> & Omit<InGroup, 'GroupId'> & { GroupId?: string; Operator_Account: string; Name: string } & Extra;
export type GroupCallbackAfterCreateTopic = Base<'Group.CallbackAfterCreateTopic'> & InGroup & { TopicId: string; Operator_Account: string; Name?: string } & Extra;
/** Tencent's example has no `Operator_Account`. */
export type GroupCallbackAfterTopicDestroyed = Base<'Group.CallbackAfterTopicDestroyed'> & InGroup & { Operator_Account?: string; TopicIdList: string[] } & Extra;
export type GroupCallbackAfterTopicInfoChanged = Base<'Group.CallbackAfterTopicInfoChanged'> & InGroup & {
  TopicId?: string;
  Operator_Account: string;
  Name?: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
} & Extra;
export type GroupCallbackAfterMemberFieldChanged = Base<'Group.CallbackAfterMemberFieldChanged'> & InGroup & {
  Operator_Account: string;
  /** The changed member; Tencent's example names it `Member_Account`. */
  Member_Account?: string;
  Modified_Account?: string;
  Role?: 'Admin' | 'Member' | string;
  NameCard?: string;
} & Extra;
export type GroupCallbackAfterGroupAttrChanged = Base<'Group.CallbackAfterGroupAttrChanged'> & InGroup & {
  Operator_Account: string;
  OptionType: 'set' | 'modify' | 'clear' | 'delete' | string;
  GroupAttr: { key: string; value: string }[];
} & Extra;
export type GroupCallbackAfterReadReceipt = Base<'Group.CallbackAfterReadReceipt'> & InGroup & {
  GroupMsgReceiptList: { MsgSeq: number; ReadNum?: number; UnreadNum?: number; ReadReceiptMembers?: MemberAccount[] }[];
} & Extra;
export type GroupCallbackAfterChangeGroupOwner = Base<'Group.CallbackAfterChangeGroupOwner'> & InGroup & { Operator_Account: string; OldOwner_Account: string; NewOwner_Account: string } & Extra;
export type GroupCallbackOnDailyGroupQuotaAlarm = Base<'Group.CallbackOnDailyGroupQuotaAlarm'> & { QuotaUsed: number; Quota: number; EventTime: EventTimeMs } & Extra;
/** After a group message's extensions were set (1), deleted (2) or cleared (3). */
export type GroupCallbackAfterGroupMsgExtension = Base<'Group.CallbackAfterGroupMsgExtension'> & {
  GroupId: string;
  MsgSeq: number;
  OperateType: 1 | 2 | 3;
  ExtensionList: MsgExtensionKV[];
  Seq: number;
  EventTime?: EventTimeMs;
} & Extra;

// ---- Calls (TUICallKit): sent to the same callback URL, with the same query and signature ----
/** A call member: Tencent prints `User_Account` as a string on most pages and as a number on one. */
interface CallMember {
  User_Account: string | number;
  /** "Calling" or "Waiting". */
  Status: string;
}
export type CallCallbackAfterStartCall = Base<'Call.CallbackAfterStartCall'> & {
  CallInfo: { CallId: string; CallMediaType?: 'Audio' | 'Video' | string; ChatGroupId?: string; RoomId?: string; RoomIdType?: 1 | 2 };
  UserList: CallMember[];
  EventTime?: EventTimeMs;
} & Extra;
export type CallCallbackAfterEndCall = Base<'Call.CallbackAfterEndCall'> & {
  CallRecord: {
    CallId: string;
    Caller_Account: string;
    MediaType?: 'Audio' | 'Video' | string;
    CallType?: 'SingleCall' | 'MultiCall' | string;
    /** Seconds. */
    StartTime?: number;
    EndTime?: number;
    AcceptTime?: number;
    /** Cancel, Reject, NotAnswer, NormalEnd, CallBusy, Interrupt, Offline. */
    CallResult?: string;
    CalleeList_Account?: string[];
    RoomId?: string;
    RoomIdType?: 1 | 2;
  };
  EventTime?: EventTimeMs;
} & Extra;
export type CallCallbackAfterMemberChanged = Base<'Call.CallbackAfterMemberChanged'> & {
  CallId: string;
  UserList: CallMember[];
  /** ActionType: Answer, Reject, NotAnswer, Hangup, Join, Offline, Invite, Cancel_Invite. */
  ChangedUserList: { User_Account: string; ActionType: string }[];
  EventTime?: EventTimeMs;
} & Extra;

// ---- Bots and moderation ----
export type BotOnC2CMessage = Base<'Bot.OnC2CMessage'> & C2CMessage & { SendMsgResult?: number; ErrorInfo?: string; UnreadMsgNum?: number } & Extra;
export type BotOnGroupMessage = Base<'Bot.OnGroupMessage'> & GroupMessage & { MsgSeq?: number; MsgTime?: number } & Extra;
export type ChatbotOnC2CSignalMessage = Base<'Chatbot.OnC2CSignalMessage'> & Partial<C2CMessage> & Extra;
export type ContentCallbackResultNotify = Base<'ContentCallback.ResultNotify'> & {
  Scene: 'C2C' | 'C2CCustom' | 'Group' | 'GroupCustom' | 'GroupInfo' | 'GroupMemberInfo' | 'RelationChain' | 'UserInfo' | string;
  From_Account: string;
  ContactItem?: { Type?: number; To_Account?: string; GroupId?: string };
  ContentType: 'Text' | 'Image' | 'Audio' | 'Video' | string;
  TextContent?: string[];
  FileURL?: string;
  MsgID?: string;
  /** 1 blocked, 0 passed. */
  CtxcbResult: number;
  CtxcbRequestId?: string;
  CtxcbKeywords?: string[];
  CtxcbSuggestion?: 'Block' | 'Review' | 'Normal' | string;
  CtxcbLabel?: string;
  CloudCustomData?: string;
} & Extra;

// ---- Official accounts ----
interface Official {
  Official_Account: string;
  Operator_Account?: string;
  EventTime?: EventTimeMs;
}
interface OfficialMessage extends Official {
  OnlineOnlyFlag?: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
}
export type OfficialAccountCallbackBeforeCreateOfficialAccount = Base<'OfficialAccount.CallbackBeforeCreateOfficialAccount'> & { Operator_Account?: string; Owner_Account?: string; Name?: string; EventTime?: EventTimeMs } & Extra;
export type OfficialAccountCallbackAfterCreateOfficialAccount = Base<'OfficialAccount.CallbackAfterCreateOfficialAccount'> & Official & { Owner_Account?: string; Name?: string } & Extra;
export type OfficialAccountCallbackAfterOfficialAccountInfoChanged = Base<'OfficialAccount.CallbackAfterOfficialAccountInfoChanged'> & Official & Extra;
export type OfficialAccountCallbackAfterOfficialAccountDestroyed = Base<'OfficialAccount.CallbackAfterOfficialAccountDestroyed'> & Official & { Owner_Account?: string; Name?: string } & Extra;
/** The subscribers a subscription callback is about. */
interface Subscribers {
  SubscribeAccountList?: { Subscriber_Account: string }[];
}
export type OfficialAccountCallbackBeforeAddSubscriber = Base<'OfficialAccount.CallbackBeforeAddSubscriber'> & Official & Subscribers & { Subscriber_Account?: string } & Extra;
export type OfficialAccountCallbackAfterAddSubscriber = Base<'OfficialAccount.CallbackAfterAddSubscriber'> & Official & Subscribers & { Subscriber_Account?: string } & Extra;
export type OfficialAccountCallbackAfterOfficialAccountFull = Base<'OfficialAccount.CallbackAfterOfficialAccountFull'> & Official & Extra;
export type OfficialAccountCallbackAfterDeleteSubscriber = Base<'OfficialAccount.CallbackAfterDeleteSubscriber'> & Official & Subscribers & { SubscriberList?: { Subscriber_Account: string }[] } & Extra;
export type OfficialAccountCallbackBeforeSendMsg = Base<'OfficialAccount.CallbackBeforeSendMsg'> & OfficialMessage & Extra;
export type OfficialAccountCallbackAfterSendMsg = Base<'OfficialAccount.CallbackAfterSendMsg'> & OfficialMessage & { MsgSeq?: number; MsgTime?: number } & Extra;
export type OfficialAccountCallbackAfterMsgWithDraw = Base<'OfficialAccount.CallbackAfterMsgWithDraw'> & Official & { WithdrawMsgList?: { MsgKey: string }[] } & Extra;

// ---- Push results ----
// Tencent batches push results: one callback carries `{ Events: [...] }`, 1-100 events, and names
// its command in the URL and in every event, not at the top of the body (1047/67551, 67552).
/** One event of Push.AllMemberPush: a push of all_member_push / timpush (push, batch) reached a device (1047/67551). */
export interface PushAllMemberPushEvent {
  CallbackCommand: 'Push.AllMemberPush';
  /** 1 offline push, 2 online push. */
  EventType: number;
  /** The TaskId the push answered. */
  TaskId: string;
  /** When the push task started, Unix seconds. */
  TaskTime: number;
  /** Unix seconds. */
  EventTime: number;
  To_Account: string;
  /** 0 unknown, 1 APNs, 2 Xiaomi, 3 Huawei, 4 FCM, 5 Meizu, 6 OPPO, 7 vivo, 8 Honor. */
  PushPlatform: number;
  /** 1 sent, 2 delivered, 3 clicked. */
  PushStage: number;
  ErrCode: number;
  ErrInfo?: string;
}
/** One event of Push.OfflinePush: a message's offline push (1047/67552). */
export interface PushOfflinePushEvent {
  CallbackCommand: 'Push.OfflinePush';
  /** 1 one-to-one, 2 group. */
  EventType: number;
  /** Unix seconds. */
  EventTime: number;
  From_Account: string;
  To_Account: string;
  PushPlatform: number;
  PushStage: number;
  /** One-to-one messages. */
  MsgKey?: string;
  /** Group messages. */
  GroupID?: string;
  MsgSeq?: number;
  MsgRandom?: number;
  /** The message's send time, Unix seconds. */
  MsgTime?: number;
  /** The push's own ID. */
  PushID?: string;
  ErrCode: number;
  ErrInfo?: string;
}
/** A batched body: the command is in the URL (`event.command`) and in each event. */
export type PushOfflinePush = { CallbackCommand?: undefined; Events: PushOfflinePushEvent[] } & Extra;
export type PushAllMemberPush = { CallbackCommand?: undefined; Events: PushAllMemberPushEvent[] } & Extra;

/** The batched callbacks, by the command their URL names. */
interface BatchedCallbackBodies {
  'Push.OfflinePush': PushOfflinePush;
  'Push.AllMemberPush': PushAllMemberPush;
}
/** Every documented callback body: discriminated on `CallbackCommand`, but the batched push results (`{ Events }`). */
export type CallbackBody =
  | AlertRequestOverLimit | StateStateChange | ProfileCallbackPortraitSet
  | SnsCallbackPrevFriendAdd | SnsCallbackPrevFriendResponse | SnsCallbackFriendAdd | SnsCallbackFriendDelete
  | SnsCallbackBlackListAdd | SnsCallbackBlackListDelete | FollowCallbackAfterFollowAdd | FollowCallbackAfterFollowDelete
  | C2CCallbackBeforeSendMsg | C2CCallbackAfterSendMsg | C2CCallbackAfterMsgReport | C2CCallbackAfterMsgWithDraw
  | C2CCallbackAfterC2CMsgExtension
  | GroupCallbackBeforeCreateGroup | GroupCallbackAfterCreateGroup | GroupCallbackBeforeApplyJoinGroup
  | GroupCallbackBeforeInviteJoinGroup | GroupCallbackAfterNewMemberJoin | GroupCallbackAfterMemberExit
  | GroupCallbackBeforeSendMsg | GroupCallbackAfterSendMsg | GroupCallbackSendMsgException | GroupCallbackAfterGroupFull
  | GroupCallbackAfterGroupDestroyed | GroupCallbackAfterGroupInfoChanged | GroupCallbackOnMemberStateChange
  | GroupCallbackAfterRecallMsg | GroupCallbackBeforeCreateTopic | GroupCallbackAfterCreateTopic
  | GroupCallbackAfterTopicDestroyed | GroupCallbackAfterTopicInfoChanged | GroupCallbackAfterMemberFieldChanged
  | GroupCallbackAfterGroupAttrChanged | GroupCallbackAfterReadReceipt | GroupCallbackAfterChangeGroupOwner
  | GroupCallbackOnDailyGroupQuotaAlarm | GroupCallbackAfterGroupMsgExtension
  | CallCallbackAfterStartCall | CallCallbackAfterEndCall | CallCallbackAfterMemberChanged
  | BotOnC2CMessage | BotOnGroupMessage | ChatbotOnC2CSignalMessage | ContentCallbackResultNotify
  | OfficialAccountCallbackBeforeCreateOfficialAccount | OfficialAccountCallbackAfterCreateOfficialAccount
  | OfficialAccountCallbackAfterOfficialAccountInfoChanged | OfficialAccountCallbackAfterOfficialAccountDestroyed
  | OfficialAccountCallbackBeforeAddSubscriber | OfficialAccountCallbackAfterAddSubscriber
  | OfficialAccountCallbackAfterOfficialAccountFull | OfficialAccountCallbackAfterDeleteSubscriber
  | OfficialAccountCallbackBeforeSendMsg | OfficialAccountCallbackAfterSendMsg | OfficialAccountCallbackAfterMsgWithDraw
  | PushOfflinePush | PushAllMemberPush;

/** Every documented command name. */
export type CallbackCommand = NonNullable<CallbackBody['CallbackCommand']> | keyof BatchedCallbackBodies;
/** The body type of one command. */
export type CallbackBodyOf<C extends CallbackCommand> = C extends keyof BatchedCallbackBodies ? BatchedCallbackBodies[C] : Extract<CallbackBody, { CallbackCommand: C }>;
/** Commands Tencent waits on and acts on the answer of (the rest are notifications). */
export type BeforeCallbackCommand = Extract<CallbackCommand, `${string}.CallbackBefore${string}` | `${string}.CallbackPrev${string}`>;

/** What verifyWebhook learnt from the URL. `kind` is null for a command this version does not know. */
export interface VerifiedWebhook {
  ok: true;
  command: string;
  kind: 'before' | 'after' | null;
  sdkAppId: number;
  /** Absent on some callbacks (Alert.*, Push.*). */
  clientIp: string | null;
  /** OptPlatform: RESTAPI, Web, Android, iOS (IOS in State.StateChange), Windows, Mac, iPad, Unknown. */
  platform: string | null;
  /** Unix seconds; null when Tencent sent none (authentication off). */
  requestTime: number | null;
}
export type WebhookRejectionReason = 'missing-params' | 'sdkappid-mismatch' | 'stale' | 'bad-signature';
export type WebhookVerification = VerifiedWebhook | { ok: false; reason: WebhookRejectionReason };

export interface VerifyWebhookOptions {
  /** The full request URL (request.url); only its query is read. */
  url: string;
  /** The console's callback token. Required: a missing or empty token throws a bad-input TimError (fail closed). */
  token?: string;
  /** Only when authentication is off in the console: accept unsigned callbacks (then only SdkAppid is checked, so anyone who knows the URL can forge them). Not together with `token`. */
  insecureAllowUnsigned?: boolean;
  sdkAppId: number | string;
  /** Unix seconds. Default: now. */
  now?: number;
  /** Accepted skew in seconds, both directions, boundaries included. Default 60, at most 3600. */
  toleranceSec?: number;
}

/** Checks a callback URL's SdkAppid, and with a token its Sign and RequestTime (constant-time compare). Throws TimError only for a bad configuration. */
export declare function verifyWebhook(options: VerifyWebhookOptions): WebhookVerification;

/** An answer to a callback; holds Tencent's exact JSON. */
export declare class WebhookReply {
  private constructor();
  /** ErrorCode 0: allow. */
  static allow(): WebhookReply;
  /** ErrorCode 1 (default) refuses; a custom code reaches the sender with `info`: [120001, 130000] for one-to-one messages, [10100, 10200] for groups. */
  static reject(code?: number, info?: string): WebhookReply;
  /** ErrorCode 2: drop silently; the sender sees success, nobody receives it. */
  static drop(): WebhookReply;
  /** Allow a changed message (the after-callback then sees the changed one). */
  static modify(changes: { MsgBody?: MsgBody; CloudCustomData?: string }): WebhookReply;
  /** Sns.CallbackPrevFriendAdd / PrevFriendResponse: ResultCode 0 allows, 38000-39000 refuses that target. */
  static friend(results: { To_Account: string; ResultCode?: number; ResultInfo?: string }[]): WebhookReply;
  /** Group.CallbackBeforeInviteJoinGroup: invite everyone except these UserIDs. */
  static refuseMembers(accounts: string[]): WebhookReply;
  /** The JSON text sent to Tencent. */
  readonly body: string;
  toJSON(): { ActionStatus: 'OK'; ErrorCode: number; ErrorInfo: string; [field: string]: unknown };
}

/** What a handler receives. */
export interface WebhookEvent<C extends string = CallbackCommand, B = C extends CallbackCommand ? CallbackBodyOf<C> : GenericCallbackBody> {
  command: C;
  kind: 'before' | 'after' | null;
  sdkAppId: number;
  clientIp: string | null;
  platform: string | null;
  requestTime: number | null;
  /** The parsed JSON body. */
  body: B;
  request: Request;
  /** The runtime's extra handler arguments: [env, ctx] in Workers, [info] in Deno, [server] in Bun. */
  platformArgs: unknown[];
}
/** A command this version does not describe. */
export type GenericCallbackBody = { CallbackCommand?: string } & Extra;
export type UnknownWebhookEvent = WebhookEvent<string, GenericCallbackBody>;

/** `undefined` means allow. After-callbacks are answered at once whatever this returns. */
export type WebhookHandlerResult = WebhookReply | undefined | void;
export type WebhookHandlers = {
  [C in CallbackCommand]?: (event: WebhookEvent<C>) => WebhookHandlerResult | Promise<WebhookHandlerResult>;
} & {
  /** Any command without its own handler, including ones this version does not know. */
  '*'?: (event: UnknownWebhookEvent) => WebhookHandlerResult | Promise<WebhookHandlerResult>;
};

export interface WebhookHandlerOptions {
  sdkAppId: number | string;
  /** The console's callback token. Required: a missing or empty token throws a bad-input TimError at creation (fail closed). */
  token?: string;
  /** Only when authentication is off in the console: accept unsigned callbacks (then only SdkAppid is checked, so anyone who knows the URL can forge them). Not together with `token`. */
  insecureAllowUnsigned?: boolean;
  on?: WebhookHandlers;
  /** Answer when a before-handler is slower than timeoutMs, throws, or returns something else. Default allow. */
  fallback?: WebhookReply;
  /** Deadline for before-handlers; Tencent gives up after 2 s. Default 1500, at most 60000. */
  timeoutMs?: number;
  /** Larger bodies get 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Default 60, at most 3600. */
  toleranceSec?: number;
  /** Errors, timeouts and wrong replies from handlers (never sent to Tencent). */
  onError?: (error: unknown, event: UnknownWebhookEvent | undefined) => void;
  /** Clock in Unix seconds, for tests. */
  now?: () => number;
}

/** A `(request) => Promise<Response>` handler: a Workers fetch handler, Deno.serve / Bun.serve handler as is. Refusals: 400 missing-params or bad body, 401 bad signature / stale / SdkAppid mismatch, 405 not POST, 413 too large; all JSON, none reach handlers. */
export declare function createWebhookHandler(options: WebhookHandlerOptions): (request: Request, ...platformArgs: unknown[]) => Promise<Response>;

/** The parts of node:http's request and response the adapter uses (no @types/node needed). */
export interface NodeRequestLike {
  url?: string;
  method?: string;
  headers: { [name: string]: string | string[] | undefined };
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array>;
}
export interface NodeResponseLike {
  readonly headersSent: boolean;
  writeHead(status: number, headers?: { [name: string]: string }): unknown;
  end(body?: Uint8Array | string): unknown;
}

/** Adapts such a handler to node:http: `http.createServer(toNodeHandler(handler))`. */
export declare function toNodeHandler(handler: (request: Request) => Promise<Response>): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>;
