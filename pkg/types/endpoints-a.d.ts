// Request and response types for the account, message, messageExtension, push, profile,
// friend, follow, conversation, bot, moderation and operation namespaces (the rest are in
// endpoints-b.d.ts). One `<Namespace><Method>Request` / `...Response` pair per row of
// src/api/catalog.rs; field names are Tencent's, verbatim, from the REST API docs.
// Where Tencent's doc tables could not be read, field names were cross-checked against the
// doocs Java server SDK models; list items that may carry more fields say so with an index
// signature of `unknown` rather than guessed names.

import type {
  BatchOptions,
  BatchedResponse,
  ItemOptions,
  ItemIterable,
  PageItem,
  CallOptions,
  ListItem,
  PageOptions,
  TimResponse,
  MsgBody,
  OfflinePushInfo,
  TagItem,
  AccountResultItem,
} from './common.js';

/** Body of endpoints that take none: `{}` (any field is an error). */
export type EmptyBody = Record<string, never>;

/** 0 / 1 switch used by many Tencent integer flags. */
export type Flag01 = 0 | 1;

// =============================================================================================
// account  (im_open_login_svc, openim, openconfigsvr)

/** account_import: import one app account. */
export interface AccountImportAccountRequest {
  /** UserID, at most 32 bytes. */
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
}
/** account_import response. */
export interface AccountImportAccountResponse extends TimResponse {}

/** One account of the new-form multiaccount_import body. */
export interface AccountImportItem {
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
}
/** multiaccount_import: import up to 100 accounts; old form `Accounts` or new form `AccountList`. */
export type AccountImportAccountsRequest =
  | {
      /** UserIDs (old form), at most 100. */
      Accounts: string[];
      AccountList?: never;
    }
  | {
      /** Accounts with nickname / avatar (new form), at most 100. */
      AccountList: AccountImportItem[];
      Accounts?: never;
    };
/** multiaccount_import response. */
export interface AccountImportAccountsResponse extends TimResponse {
  /** Accounts that failed to import. */
  FailAccounts?: string[];
}

/** account_delete: delete up to 100 accounts. */
export interface AccountDeleteAccountsRequest {
  DeleteItem: { UserID: string }[];
}
/** account_delete response. */
export interface AccountDeleteAccountsResponse extends TimResponse {
  ResultItem: { UserID: string; ResultCode: number; ResultInfo: string }[];
}

/** account_check: check whether up to 100 accounts are imported. */
export interface AccountCheckAccountsRequest {
  CheckItem: { UserID: string }[];
}
/** account_check response. */
export interface AccountCheckAccountsResponse extends TimResponse {
  ResultItem: {
    UserID: string;
    ResultCode: number;
    ResultInfo: string;
    /** 'Imported' or 'NotImported'. */
    AccountStatus: 'Imported' | 'NotImported';
  }[];
}

/** kick: invalidate an account's login state. */
export interface AccountKickRequest {
  UserID: string;
}
/** kick response. */
export interface AccountKickResponse extends TimResponse {}

/** query_online_status: online status of up to 500 accounts. */
export interface AccountQueryOnlineStatusRequest {
  To_Account: string[];
  /** 1: return per-platform detail. */
  IsNeedDetail?: Flag01;
  /** 1: return each device's Instid in the detail. */
  IsReturnInstid?: Flag01;
  /** 1: return each user's custom status. */
  IsReturnCustomStatus?: Flag01;
}
/** query_online_status response. */
export interface AccountQueryOnlineStatusResponse extends TimResponse {
  QueryResult: {
    To_Account: string;
    /** 'Online' (foreground), 'PushOnline' (background) or 'Offline'. */
    Status?: 'Online' | 'PushOnline' | 'Offline';
    /** The same value under the name the English page's example uses; read `Status ?? State`. */
    State?: 'Online' | 'PushOnline' | 'Offline';
    /** Present with IsNeedDetail = 1. */
    Detail?: { Platform: string; Status: string; Instid?: number }[];
    /** Present with IsReturnCustomStatus = 1. */
    CustomStatus?: string;
  }[];
  /** Accounts whose status could not be read (70107: account does not exist). */
  ErrorList?: { To_Account: string; ErrorCode: number }[];
}

/** setnospeaking: mute an account globally (seconds; 0 unmutes, 4294967295 forever). */
export interface AccountSetNoSpeakingRequest {
  Set_Account: string;
  /** One-to-one mute duration in seconds. */
  C2CmsgNospeakingTime?: number;
  /** Group mute duration in seconds. */
  GroupmsgNospeakingTime?: number;
}
/** setnospeaking response. */
export interface AccountSetNoSpeakingResponse extends TimResponse {}

/** getnospeaking: read an account's global mute durations. */
export interface AccountGetNoSpeakingRequest {
  Get_Account: string;
}
/** getnospeaking response. */
export interface AccountGetNoSpeakingResponse extends TimResponse {
  C2CmsgNospeakingTime: number;
  GroupmsgNospeakingTime: number;
}

/** client.account */
export interface AccountApi {
  importAccount(body: AccountImportAccountRequest, options?: CallOptions): Promise<AccountImportAccountResponse>;
  importAccounts(body: AccountImportAccountsRequest, options?: CallOptions): Promise<AccountImportAccountsResponse>;
  importAccountsBatched(body: AccountImportAccountsRequest, options?: BatchOptions): Promise<BatchedResponse<AccountImportAccountsResponse, ListItem<AccountImportAccountsRequest, 'AccountList' | 'Accounts'>>>;
  deleteAccounts(body: AccountDeleteAccountsRequest, options?: CallOptions): Promise<AccountDeleteAccountsResponse>;
  deleteAccountsBatched(body: AccountDeleteAccountsRequest, options?: BatchOptions): Promise<BatchedResponse<AccountDeleteAccountsResponse, ListItem<AccountDeleteAccountsRequest, 'DeleteItem'>>>;
  checkAccounts(body: AccountCheckAccountsRequest, options?: CallOptions): Promise<AccountCheckAccountsResponse>;
  checkAccountsBatched(body: AccountCheckAccountsRequest, options?: BatchOptions): Promise<BatchedResponse<AccountCheckAccountsResponse, ListItem<AccountCheckAccountsRequest, 'CheckItem'>>>;
  kick(body: AccountKickRequest, options?: CallOptions): Promise<AccountKickResponse>;
  queryOnlineStatus(body: AccountQueryOnlineStatusRequest, options?: CallOptions): Promise<AccountQueryOnlineStatusResponse>;
  queryOnlineStatusBatched(body: AccountQueryOnlineStatusRequest, options?: BatchOptions): Promise<BatchedResponse<AccountQueryOnlineStatusResponse, ListItem<AccountQueryOnlineStatusRequest, 'To_Account'>>>;
  setNoSpeaking(body: AccountSetNoSpeakingRequest, options?: CallOptions): Promise<AccountSetNoSpeakingResponse>;
  getNoSpeaking(body: AccountGetNoSpeakingRequest, options?: CallOptions): Promise<AccountGetNoSpeakingResponse>;
}

// =============================================================================================
// message  (openim: one-to-one messages)

/** SendMsgControl options: skip unread count / last message, or honour the receiver's mute. */
export type SendMsgControl = 'NoUnread' | 'NoLastMsg' | 'WithMuteNotifications';
/** ForbidCallbackControl options: skip the before/after send webhooks for this message. */
export type ForbidCallbackControl = 'ForbidBeforeSendMsgCallback' | 'ForbidAfterSendMsgCallback';

/** Fields shared by sendmsg and batchsendmsg. */
interface C2CSendCommon {
  /** 1: sync to the sender's devices and roaming; 2: do not sync. */
  SyncOtherMachine?: 1 | 2;
  /** Sender; the admin account when absent. */
  From_Account?: string;
  /** Offline storage time in seconds (max 604800); 0: online only. */
  MsgLifeTime?: number;
  /** Sequence used for de-duplication and same-second ordering. */
  MsgSeq?: number;
  MsgBody: MsgBody;
  /** Custom data stored and roamed with the message. */
  CloudCustomData?: string;
  /** 1: the message supports message extensions. */
  SupportMessageExtension?: Flag01;
  SendMsgControl?: SendMsgControl[];
  OfflinePushInfo?: OfflinePushInfo;
  /** 1: the message asks for a read receipt. */
  IsNeedReadReceipt?: Flag01;
}

/** sendmsg: send a one-to-one message. */
export interface MessageSendMsgRequest extends C2CSendCommon {
  To_Account: string;
  /** 32-bit random number for de-duplication (required by Tencent; the SDK fills it, and MsgSeq, when absent so retries stay deduplicated). */
  MsgRandom?: number;
  /** Message timestamp (Unix seconds); listed in older doc versions. */
  MsgTimeStamp?: number;
  ForbidCallbackControl?: ForbidCallbackControl[];
}
/** sendmsg response. */
export interface MessageSendMsgResponse extends TimResponse {
  /** Message time (Unix seconds). */
  MsgTime: number;
  /** Message key, used to recall or modify it. */
  MsgKey: string;
}

/** batchsendmsg: send one message to up to 500 users. */
export interface MessageBatchSendMsgRequest extends C2CSendCommon {
  /** At most 500 receivers. */
  To_Account: string[];
  /** 32-bit random number for de-duplication. */
  MsgRandom: number;
}
/** batchsendmsg response. */
export interface MessageBatchSendMsgResponse extends TimResponse {
  MsgKey: string;
  /**
   * Recipients that failed. A partial success resolves (ErrorCode 0) with these here, and
   * Tencent's example sets ActionStatus to something other than "OK".
   */
  ErrorList?: { To_Account: string; ErrorCode: number }[];
}

/** importmsg: import a historical one-to-one message. */
export interface MessageImportMsgRequest {
  /**
   * 2: historical messages, marked read, not pushed; 5: real-time messages, marked unread and
   * pushed (the current page lists 2 and 5); 1: real-time import as older pages document it.
   */
  SyncFromOldSystem: 1 | 2 | 5;
  From_Account: string;
  To_Account: string;
  MsgSeq?: number;
  /** Required by Tencent; the SDK fills it, and MsgSeq, when absent. */
  MsgRandom?: number;
  /** Original message time (Unix seconds). */
  MsgTimeStamp: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
}
/** importmsg response. */
export interface MessageImportMsgResponse extends TimResponse {}

/** admin_getroammsg: page through one-to-one history (LastMsgKey / Complete). */
export interface MessageGetRoamMsgRequest {
  /** One side of the conversation (the sender side for the returned direction). */
  Operator_Account: string;
  Peer_Account: string;
  /** Number of messages to fetch. */
  MaxCnt: number;
  /** Lower bound of message time (Unix seconds). */
  MinTime: number;
  /** Upper bound of message time (Unix seconds). */
  MaxTime: number;
  /** LastMsgKey of the previous page, to continue. */
  LastMsgKey?: string;
}
/** A message returned by admin_getroammsg. */
export interface C2CHistoryMsg {
  From_Account: string;
  To_Account: string;
  MsgSeq: number;
  MsgRandom: number;
  MsgTimeStamp: number;
  /** 0 normal, 1 deleted, 2 recalled. */
  MsgFlagBits: number;
  /** 1: the peer has read it. */
  IsPeerRead?: Flag01;
  MsgKey: string;
  MsgBody: MsgBody;
  CloudCustomData?: string;
}
/** admin_getroammsg response. */
export interface MessageGetRoamMsgResponse extends TimResponse {
  /** 1: all fetched; 0: call again with LastMsgKey. */
  Complete: Flag01;
  MsgCnt: number;
  LastMsgTime: number;
  LastMsgKey: string;
  MsgList: C2CHistoryMsg[];
}

/** admin_msgwithdraw: recall a one-to-one message. */
export interface MessageWithdrawMsgRequest {
  From_Account: string;
  To_Account: string;
  MsgKey: string;
}
/** admin_msgwithdraw response. */
export interface MessageWithdrawMsgResponse extends TimResponse {}

/** admin_set_msg_read: mark a one-to-one conversation read. */
export interface MessageSetMsgReadRequest {
  /** The user who read the messages. */
  Report_Account: string;
  /** The other side of the conversation. */
  Peer_Account: string;
  /** Messages up to this time (Unix seconds) are marked read; default now. */
  MsgReadTime?: number;
}
/** admin_set_msg_read response. */
export interface MessageSetMsgReadResponse extends TimResponse {}

/** get_c2c_unread_msg_num: unread counts of a user's one-to-one conversations. */
export interface MessageGetC2cUnreadMsgNumRequest {
  To_Account: string;
  /** Peers to count; all conversations when absent. */
  Peer_Account?: string[];
}
/** get_c2c_unread_msg_num response. */
export interface MessageGetC2cUnreadMsgNumResponse extends TimResponse {
  /** Only without Peer_Account (the total over all conversations). */
  AllC2CUnreadMsgNum?: number;
  C2CUnreadMsgNumList?: { Peer_Account: string; C2CUnreadMsgNum: number }[];
  ErrorList?: { Peer_Account: string; ErrorCode: number }[];
}

/** modify_c2c_msg: modify a sent one-to-one message. */
export interface MessageModifyC2cMsgRequest {
  From_Account: string;
  To_Account: string;
  MsgKey: string;
  MsgBody?: MsgBody;
  CloudCustomData?: string;
}
/** modify_c2c_msg response. */
export interface MessageModifyC2cMsgResponse extends TimResponse {}

/** delete_c2c_msg_ramble: delete one-to-one messages from one side's roaming. */
export interface MessageDeleteC2cMsgRambleRequest {
  /** The user whose roaming messages are deleted. */
  Operator_Account: string;
  Peer_Account: string;
  /** Keys of the messages to delete. */
  MsgKeyList: string[];
}
/** delete_c2c_msg_ramble response. */
export interface MessageDeleteC2cMsgRambleResponse extends TimResponse {
  /** Keys that matched no message. */
  InvalidMsgKeyList?: string[];
}

/** One message a read receipt is sent for. */
export interface C2CReceiptMsgInfo {
  /** Sender of the original message; must equal Peer_Account. */
  From_Account: string;
  /** Receiver of the original message; must equal Operator_Account. */
  To_Account: string;
  /** MsgKey of the message. */
  MsgKey: string;
}
/** c2c_msg_read_receipt: send read receipts for one-to-one messages. */
export interface MessageC2cMsgReadReceiptRequest {
  /** The reader (receiver of the messages). */
  Operator_Account: string;
  /** The sender of the messages. */
  Peer_Account: string;
  C2CMsgInfo: C2CReceiptMsgInfo[];
}
/** c2c_msg_read_receipt response. */
export interface MessageC2cMsgReadReceiptResponse extends TimResponse {}

/** client.message */
export interface MessageApi {
  sendMsg(body: MessageSendMsgRequest, options?: CallOptions): Promise<MessageSendMsgResponse>;
  batchSendMsg(body: MessageBatchSendMsgRequest, options?: CallOptions): Promise<MessageBatchSendMsgResponse>;
  batchSendMsgBatched(body: MessageBatchSendMsgRequest, options?: BatchOptions): Promise<BatchedResponse<MessageBatchSendMsgResponse, ListItem<MessageBatchSendMsgRequest, 'To_Account'>>>;
  importMsg(body: MessageImportMsgRequest, options?: CallOptions): Promise<MessageImportMsgResponse>;
  getRoamMsg(body: MessageGetRoamMsgRequest, options?: CallOptions): Promise<MessageGetRoamMsgResponse>;
  getRoamMsgPages(body: MessageGetRoamMsgRequest, options?: PageOptions): AsyncIterableIterator<MessageGetRoamMsgResponse>;
  getRoamMsgItems(body: MessageGetRoamMsgRequest, options?: ItemOptions): ItemIterable<PageItem<MessageGetRoamMsgResponse, 'MsgList'>>;
  withdrawMsg(body: MessageWithdrawMsgRequest, options?: CallOptions): Promise<MessageWithdrawMsgResponse>;
  setMsgRead(body: MessageSetMsgReadRequest, options?: CallOptions): Promise<MessageSetMsgReadResponse>;
  getC2cUnreadMsgNum(body: MessageGetC2cUnreadMsgNumRequest, options?: CallOptions): Promise<MessageGetC2cUnreadMsgNumResponse>;
  modifyC2cMsg(body: MessageModifyC2cMsgRequest, options?: CallOptions): Promise<MessageModifyC2cMsgResponse>;
  deleteC2cMsgRamble(body: MessageDeleteC2cMsgRambleRequest, options?: CallOptions): Promise<MessageDeleteC2cMsgRambleResponse>;
  c2cMsgReadReceipt(body: MessageC2cMsgReadReceiptRequest, options?: CallOptions): Promise<MessageC2cMsgReadReceiptResponse>;
}

// =============================================================================================
// messageExtension  (openim_msg_ext_http_svc)

/** One message-extension key/value. */
export interface MsgExtension {
  Key: string;
  Value: string;
  /** Seq of the key for optimistic concurrency (0 when creating). */
  Seq: number;
}
/** Result of get_key_values / group_get_key_values. */
export interface MsgExtensionPage extends TimResponse {
  /** Up to 200 key/values, ordered by Seq. */
  ExtensionList: MsgExtension[];
  /** 1: all returned; 0: continue with StartSeq = LatestSeq + 1. */
  CompleteFlag: Flag01;
  /** Latest Seq of all keys. */
  LatestSeq: number;
  /** Seq at which all extensions were last cleared. */
  ClearSeq: number;
}
/** 1: set keys, 2: delete keys, 3: clear all. */
export type MsgExtensionOperateType = 1 | 2 | 3;

/** get_key_values: extensions of a one-to-one message. */
export interface MessageExtensionGetKeyValuesRequest {
  From_Account?: string;
  To_Account: string;
  MsgKey: string;
  /** Return keys whose Seq >= StartSeq. */
  StartSeq?: number;
}
/** get_key_values response. */
export interface MessageExtensionGetKeyValuesResponse extends MsgExtensionPage {}

/** set_key_values: set / delete / clear extensions of a one-to-one message. */
export interface MessageExtensionSetKeyValuesRequest {
  From_Account?: string;
  To_Account: string;
  MsgKey: string;
  OperateType: MsgExtensionOperateType;
  /** Keys to set or delete (not needed to clear all). */
  ExtensionList?: MsgExtension[];
}
/**
 * One key of a set_key_values / group_set_key_values answer: a non-zero ErrorCode is a
 * per-key failure (e.g. 23001, the key's Seq is stale) under an answer whose ErrorCode is 0.
 */
export interface MsgExtensionResultItem {
  ErrorCode: number;
  Extension: { Key: string; Value: string; Seq: number };
}
/**
 * set_key_values response; per-key failures are in ExtensionList[].ErrorCode. A clear
 * (OperateType 3) lists no keys; get_key_values then answers the clear's Seq as ClearSeq.
 */
export interface MessageExtensionSetKeyValuesResponse extends TimResponse {
  ExtensionList?: MsgExtensionResultItem[];
}

/** group_get_key_values: extensions of a group message. */
export interface MessageExtensionGroupGetKeyValuesRequest {
  GroupId: string;
  MsgSeq: number;
  StartSeq?: number;
}
/** group_get_key_values response. */
export interface MessageExtensionGroupGetKeyValuesResponse extends MsgExtensionPage {}

/** group_set_key_values: set / delete / clear extensions of a group message. */
export interface MessageExtensionGroupSetKeyValuesRequest {
  GroupId: string;
  MsgSeq: number;
  OperateType: MsgExtensionOperateType;
  ExtensionList?: MsgExtension[];
}
/** group_set_key_values response; as set_key_values'. */
export interface MessageExtensionGroupSetKeyValuesResponse extends TimResponse {
  ExtensionList?: MsgExtensionResultItem[];
}

/** client.messageExtension */
export interface MessageExtensionApi {
  getKeyValues(body: MessageExtensionGetKeyValuesRequest, options?: CallOptions): Promise<MessageExtensionGetKeyValuesResponse>;
  setKeyValues(body: MessageExtensionSetKeyValuesRequest, options?: CallOptions): Promise<MessageExtensionSetKeyValuesResponse>;
  groupGetKeyValues(body: MessageExtensionGroupGetKeyValuesRequest, options?: CallOptions): Promise<MessageExtensionGroupGetKeyValuesResponse>;
  groupSetKeyValues(body: MessageExtensionGroupSetKeyValuesRequest, options?: CallOptions): Promise<MessageExtensionGroupSetKeyValuesResponse>;
}

// =============================================================================================
// push  (all_member_push: the older all-user push; timpush: the Push service)

/** Attribute number '0'..'9' used as a key of AttrNames / AttrTypes / Attrs objects. */
export type AttrIndex = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/** Who receives an all-user push: attributes or tags (not both); everyone when absent. */
export interface PushCondition {
  /** Users having all of these tags. */
  TagsAnd?: string[];
  /** Users having any of these tags. */
  TagsOr?: string[];
  /** Users whose attributes (by name) match all of these values. */
  AttrsAnd?: Record<string, string>;
  /** Users whose attributes (by name) match any of these values. */
  AttrsOr?: Record<string, string>;
}
/** The Push service's Condition (timpush/push): all_member_push's, and TagsNot. */
export interface TimpushCondition extends PushCondition {
  /** Leave out users having all of these tags ("TagsOr [A, B], TagsNot [C, D]": (A or B) and not (C and D)). */
  TagsNot?: string[];
}
/** Attributes of one user, keyed by attribute name. */
export interface UserAttrs {
  To_Account: string;
  Attrs: Record<string, string>;
}
/** Attribute names to remove from one user. */
export interface UserAttrNames {
  To_Account: string;
  Attrs: string[];
}
/** Tags of one user. */
export interface UserTags {
  To_Account: string;
  Tags: string[];
}

/** im_push: push a message to all users or by attribute / tag. */
export interface PushImPushRequest {
  Condition?: PushCondition;
  /** Task de-duplication key; must not repeat within 7 days. */
  MsgRandom: number;
  MsgBody: MsgBody;
  /** Offline storage in seconds (max 604800); 0: online users only. */
  MsgLifeTime?: number;
  From_Account?: string;
  OfflinePushInfo?: OfflinePushInfo;
}
/** im_push response. */
export interface PushImPushResponse extends TimResponse {
  TaskId: string;
}

/** im_set_attr_name: name the app's (up to 10) push attributes. */
export interface PushImSetAttrNameRequest {
  AttrNames: Partial<Record<AttrIndex, string>>;
}
/** im_set_attr_name response. */
export interface PushImSetAttrNameResponse extends TimResponse {}

/** im_get_attr_name: read the attribute names (empty body). */
export type PushImGetAttrNameRequest = EmptyBody;
/** im_get_attr_name response. */
export interface PushImGetAttrNameResponse extends TimResponse {
  AttrNames: Partial<Record<AttrIndex, string>>;
}

/** im_get_attr: read users' attributes. */
export interface PushImGetAttrRequest {
  To_Account: string[];
}
/** im_get_attr response. */
export interface PushImGetAttrResponse extends TimResponse {
  UserAttrs: UserAttrs[];
}

/** im_set_attr: set users' attributes. */
export interface PushImSetAttrRequest {
  UserAttrs: UserAttrs[];
}
/** im_set_attr response. */
export interface PushImSetAttrResponse extends TimResponse {}

/** im_remove_attr: remove users' attributes. */
export interface PushImRemoveAttrRequest {
  UserAttrs: UserAttrNames[];
}
/** im_remove_attr response. */
export interface PushImRemoveAttrResponse extends TimResponse {}

/** im_get_tag: read users' tags. */
export interface PushImGetTagRequest {
  To_Account: string[];
}
/** im_get_tag response. */
export interface PushImGetTagResponse extends TimResponse {
  UserTags: UserTags[];
}

/** im_add_tag: add tags to users. */
export interface PushImAddTagRequest {
  UserTags: UserTags[];
}
/** im_add_tag response. */
export interface PushImAddTagResponse extends TimResponse {}

/** im_remove_tag: remove tags from users. */
export interface PushImRemoveTagRequest {
  UserTags: UserTags[];
}
/** im_remove_tag response. */
export interface PushImRemoveTagResponse extends TimResponse {}

/** im_remove_all_tags: remove all tags of users. */
export interface PushImRemoveAllTagsRequest {
  To_Account: string[];
}
/** im_remove_all_tags response. */
export interface PushImRemoveAllTagsResponse extends TimResponse {}

/** Fields common to both documented forms of timpush/push. */
interface TimpushPushCommon {
  /** Sender: a UserID or RegistrationID. */
  From_Account: string;
  /** Task de-duplication key. */
  MsgRandom: number;
  Condition?: TimpushCondition;
  /** Business ID passed through to the push webhooks (at most 64 bytes). */
  DataId?: string;
}
/**
 * push (timpush): push to all users or by attribute / tag. The Push-service docs make
 * OfflinePushInfo required and carry no message; the Chat docs send a MsgBody (stored as a
 * message unless OnlineOnlyFlag = 1) with optional OfflinePushInfo. Both forms are accepted.
 */
export type PushPushRequest =
  | (TimpushPushCommon & {
      OfflinePushInfo: OfflinePushInfo;
      MsgBody?: never;
      OnlineOnlyFlag?: never;
    })
  | (TimpushPushCommon & {
      MsgBody: MsgBody;
      /** 1: push only, no roaming / unread / conversation. */
      OnlineOnlyFlag?: Flag01;
      OfflinePushInfo?: OfflinePushInfo;
    });
/** push (timpush) response. */
export interface PushPushResponse extends TimResponse {
  TaskId: string;
}

/** batch (timpush): push to a list of 1..500 accounts. */
export interface PushBatchRequest {
  /** Sender: a UserID or RegistrationID. */
  From_Account: string;
  /** Receivers: UserIDs or RegistrationIDs, 1..500. */
  To_Account: string[];
  MsgRandom: number;
  OfflinePushInfo: OfflinePushInfo;
  /** Business ID passed through to the push webhooks (at most 64 bytes). */
  DataId?: string;
}
/**
 * Per-account failures of a push-service call that succeeded as a whole (ErrorCode 0), e.g.
 * 70107 for an account that does not exist.
 */
export interface PushErrorItem {
  To_Account: string;
  ErrorCode: number;
  ErrorInfo?: string;
}
/** batch (timpush) response; accounts that could not be pushed to are in ErrorList. */
export interface PushBatchResponse extends TimResponse {
  TaskId: string;
  ErrorList?: PushErrorItem[];
}

/** revoke (timpush): stop / overwrite an all-user or tag push within 24 hours. */
export interface PushRevokeRequest {
  /** TaskId returned by push. */
  TaskId: string;
  /** The overwriting notification (required by the current docs; optional in older ones). */
  OfflinePushInfo: OfflinePushInfo;
}
/** revoke (timpush) response. */
export interface PushRevokeResponse extends TimResponse {}

/** set_attr_name (timpush): name attributes and fix their account type. */
export interface PushSetAttrNameRequest {
  /** Attribute names (at most 50 bytes each). */
  AttrNames: Partial<Record<AttrIndex, string>>;
  /** Account type per attribute: 0 UserID (default), 1 RegistrationID; cannot be changed later. */
  AttrTypes?: Partial<Record<AttrIndex, 0 | 1>>;
}
/** set_attr_name (timpush) response. */
export interface PushSetAttrNameResponse extends TimResponse {}

/** get_attr_name (timpush): read attribute names (empty body). */
export type PushGetAttrNameRequest = EmptyBody;
/** get_attr_name (timpush) response. */
export interface PushGetAttrNameResponse extends TimResponse {
  AttrNames: Partial<Record<AttrIndex, string>>;
  AttrTypes?: Partial<Record<AttrIndex, 0 | 1>>;
}

/** set_attr (timpush): set users' attributes. */
export interface PushSetAttrRequest {
  UserAttrs: UserAttrs[];
}
/** set_attr (timpush) response; per-account failures are in ErrorList. */
export interface PushSetAttrResponse extends TimResponse {
  ErrorList?: PushErrorItem[];
}

/** get_attr (timpush): read users' attributes. */
export interface PushGetAttrRequest {
  To_Account: string[];
}
/** get_attr (timpush) response; accounts that could not be read are in ErrorList. */
export interface PushGetAttrResponse extends TimResponse {
  UserAttrs: UserAttrs[];
  ErrorList?: PushErrorItem[];
}

/** remove_attr (timpush): remove users' attributes. */
export interface PushRemoveAttrRequest {
  UserAttrs: UserAttrNames[];
}
/** remove_attr (timpush) response; per-account failures are in ErrorList. */
export interface PushRemoveAttrResponse extends TimResponse {
  ErrorList?: PushErrorItem[];
}

/** get_tag (timpush): read the tags of up to 100 users (UserIDs or RegistrationIDs). */
export interface PushGetTagRequest {
  To_Account: string[];
}
/** get_tag (timpush) response; accounts that could not be read (e.g. 70107) are in ErrorList. */
export interface PushGetTagResponse extends TimResponse {
  UserTags: UserTags[];
  ErrorList?: PushErrorItem[];
}

/** add_tag (timpush): add tags to users. */
export interface PushAddTagRequest {
  /** 1: replace all of each user's tags (up to 100 tags); 0 (default): add (up to 10). */
  Replace?: 0 | 1;
  UserTags: UserTags[];
}
/** add_tag (timpush) response; per-account failures are in ErrorList. */
export interface PushAddTagResponse extends TimResponse {
  ErrorList?: PushErrorItem[];
}

/** remove_tag (timpush): remove some tags from up to 100 users. */
export interface PushRemoveTagRequest {
  UserTags: UserTags[];
}
/** remove_tag (timpush) response; per-account failures are in ErrorList. */
export interface PushRemoveTagResponse extends TimResponse {
  ErrorList?: PushErrorItem[];
}

/** clear_all_tags (timpush): remove all tags of users. */
export interface PushClearAllTagsRequest {
  To_Account: string[];
}
/** clear_all_tags (timpush) response; per-account failures are in ErrorList. */
export interface PushClearAllTagsResponse extends TimResponse {
  ErrorList?: PushErrorItem[];
}

/** client.push */
export interface PushApi {
  imPush(body: PushImPushRequest, options?: CallOptions): Promise<PushImPushResponse>;
  imSetAttrName(body: PushImSetAttrNameRequest, options?: CallOptions): Promise<PushImSetAttrNameResponse>;
  imGetAttrName(body: PushImGetAttrNameRequest, options?: CallOptions): Promise<PushImGetAttrNameResponse>;
  imGetAttr(body: PushImGetAttrRequest, options?: CallOptions): Promise<PushImGetAttrResponse>;
  imGetAttrBatched(body: PushImGetAttrRequest, options?: BatchOptions): Promise<BatchedResponse<PushImGetAttrResponse, ListItem<PushImGetAttrRequest, 'To_Account'>>>;
  imSetAttr(body: PushImSetAttrRequest, options?: CallOptions): Promise<PushImSetAttrResponse>;
  imRemoveAttr(body: PushImRemoveAttrRequest, options?: CallOptions): Promise<PushImRemoveAttrResponse>;
  imGetTag(body: PushImGetTagRequest, options?: CallOptions): Promise<PushImGetTagResponse>;
  imGetTagBatched(body: PushImGetTagRequest, options?: BatchOptions): Promise<BatchedResponse<PushImGetTagResponse, ListItem<PushImGetTagRequest, 'To_Account'>>>;
  imAddTag(body: PushImAddTagRequest, options?: CallOptions): Promise<PushImAddTagResponse>;
  imRemoveTag(body: PushImRemoveTagRequest, options?: CallOptions): Promise<PushImRemoveTagResponse>;
  imRemoveTagBatched(body: PushImRemoveTagRequest, options?: BatchOptions): Promise<BatchedResponse<PushImRemoveTagResponse, ListItem<PushImRemoveTagRequest, 'UserTags'>>>;
  imRemoveAllTags(body: PushImRemoveAllTagsRequest, options?: CallOptions): Promise<PushImRemoveAllTagsResponse>;
  push(body: PushPushRequest, options?: CallOptions): Promise<PushPushResponse>;
  batch(body: PushBatchRequest, options?: CallOptions): Promise<PushBatchResponse>;
  batchBatched(body: PushBatchRequest, options?: BatchOptions): Promise<BatchedResponse<PushBatchResponse, ListItem<PushBatchRequest, 'To_Account'>>>;
  revoke(body: PushRevokeRequest, options?: CallOptions): Promise<PushRevokeResponse>;
  setAttrName(body: PushSetAttrNameRequest, options?: CallOptions): Promise<PushSetAttrNameResponse>;
  getAttrName(body: PushGetAttrNameRequest, options?: CallOptions): Promise<PushGetAttrNameResponse>;
  setAttr(body: PushSetAttrRequest, options?: CallOptions): Promise<PushSetAttrResponse>;
  setAttrBatched(body: PushSetAttrRequest, options?: BatchOptions): Promise<BatchedResponse<PushSetAttrResponse, ListItem<PushSetAttrRequest, 'UserAttrs'>>>;
  getAttr(body: PushGetAttrRequest, options?: CallOptions): Promise<PushGetAttrResponse>;
  getAttrBatched(body: PushGetAttrRequest, options?: BatchOptions): Promise<BatchedResponse<PushGetAttrResponse, ListItem<PushGetAttrRequest, 'To_Account'>>>;
  removeAttr(body: PushRemoveAttrRequest, options?: CallOptions): Promise<PushRemoveAttrResponse>;
  getTag(body: PushGetTagRequest, options?: CallOptions): Promise<PushGetTagResponse>;
  getTagBatched(body: PushGetTagRequest, options?: BatchOptions): Promise<BatchedResponse<PushGetTagResponse, ListItem<PushGetTagRequest, 'To_Account'>>>;
  addTag(body: PushAddTagRequest, options?: CallOptions): Promise<PushAddTagResponse>;
  addTagBatched(body: PushAddTagRequest, options?: BatchOptions): Promise<BatchedResponse<PushAddTagResponse, ListItem<PushAddTagRequest, 'UserTags'>>>;
  removeTag(body: PushRemoveTagRequest, options?: CallOptions): Promise<PushRemoveTagResponse>;
  removeTagBatched(body: PushRemoveTagRequest, options?: BatchOptions): Promise<BatchedResponse<PushRemoveTagResponse, ListItem<PushRemoveTagRequest, 'UserTags'>>>;
  clearAllTags(body: PushClearAllTagsRequest, options?: CallOptions): Promise<PushClearAllTagsResponse>;
  clearAllTagsBatched(body: PushClearAllTagsRequest, options?: BatchOptions): Promise<BatchedResponse<PushClearAllTagsResponse, ListItem<PushClearAllTagsRequest, 'To_Account'>>>;
}

// =============================================================================================
// profile  (profile)

/** portrait_set: set profile fields of one account. */
export interface ProfileSetPortraitRequest {
  From_Account: string;
  /** e.g. `{ Tag: 'Tag_Profile_IM_Nick', Value: 'Bob' }`. */
  ProfileItem: TagItem[];
}
/** portrait_set response. */
export interface ProfileSetPortraitResponse extends TimResponse {}

/** portrait_get: read profile fields of up to 100 accounts. */
export interface ProfileGetPortraitRequest {
  To_Account: string[];
  /** Tags to read, e.g. 'Tag_Profile_IM_Nick'. */
  TagList: string[];
}
/** portrait_get response. */
export interface ProfileGetPortraitResponse extends TimResponse {
  UserProfileItem: {
    To_Account: string;
    ProfileItem?: TagItem[];
    ResultCode: number;
    ResultInfo: string;
  }[];
  /** Accounts that failed. */
  Fail_Account?: string[];
}

/** client.profile */
export interface ProfileApi {
  setPortrait(body: ProfileSetPortraitRequest, options?: CallOptions): Promise<ProfileSetPortraitResponse>;
  getPortrait(body: ProfileGetPortraitRequest, options?: CallOptions): Promise<ProfileGetPortraitResponse>;
  getPortraitBatched(body: ProfileGetPortraitRequest, options?: BatchOptions): Promise<BatchedResponse<ProfileGetPortraitResponse, ListItem<ProfileGetPortraitRequest, 'To_Account'>>>;
}

// =============================================================================================
// friend  (sns: friends, blocklist, friend lists)

/** Batch result with optional failed-account list. */
interface SnsBatchResponse extends TimResponse {
  ResultItem: AccountResultItem[];
  /** Accounts that failed (only when some failed). */
  Fail_Account?: string[];
  /** Accounts that are not valid UserIDs (shown by the 2020 pages). */
  Invalid_Account?: string[];
}

/** One friend to add. */
export interface AddFriendItem {
  To_Account: string;
  Remark?: string;
  /** One friend list for the new friend. */
  GroupName?: string;
  /** Source, 'AddSource_Type_' + a keyword of up to 8 bytes. */
  AddSource: string;
  AddWording?: string;
}
/** friend_add: add friends. */
export interface FriendFriendAddRequest {
  From_Account: string;
  AddFriendItem: AddFriendItem[];
  /** One-way or two-way add (default two-way). */
  AddType?: 'Add_Type_Single' | 'Add_Type_Both';
  /** 1: force add, ignoring the peer's add-friend setting. */
  ForceAddFlags?: Flag01;
}
/** friend_add response. */
export interface FriendFriendAddResponse extends SnsBatchResponse {}

/** One friend to import with its relationship data. */
export interface ImportFriendItem {
  To_Account: string;
  Remark?: string;
  /** Time the remark was set (Unix seconds). */
  RemarkTime?: number;
  GroupName?: string[];
  AddSource: string;
  AddWording?: string;
  /** Time the friendship was formed (Unix seconds). */
  AddTime?: number;
  /** Custom relationship fields ('Tag_SNS_Custom_*'). */
  CustomItem?: TagItem[];
}
/** friend_import: import friends (one-way, no checks). */
export interface FriendFriendImportRequest {
  From_Account: string;
  AddFriendItem: ImportFriendItem[];
}
/** friend_import response. */
export interface FriendFriendImportResponse extends SnsBatchResponse {}

/** friend_update: update relationship fields of friends. */
export interface FriendFriendUpdateRequest {
  From_Account: string;
  UpdateItem: {
    To_Account: string;
    /** e.g. `{ Tag: 'Tag_SNS_IM_Remark', Value: 'x' }`. */
    SnsItem: TagItem[];
  }[];
}
/** friend_update response. */
export interface FriendFriendUpdateResponse extends SnsBatchResponse {}

/** friend_delete: delete friends. */
export interface FriendFriendDeleteRequest {
  From_Account: string;
  /** At most 1000. */
  To_Account: string[];
  /** One-way or two-way delete (default two-way). */
  DeleteType?: 'Delete_Type_Single' | 'Delete_Type_Both';
}
/** friend_delete response. */
export interface FriendFriendDeleteResponse extends SnsBatchResponse {}

/** friend_delete_all: delete all friends of a user. */
export interface FriendFriendDeleteAllRequest {
  From_Account: string;
  DeleteType?: 'Delete_Type_Single' | 'Delete_Type_Both';
}
/** friend_delete_all response. */
export interface FriendFriendDeleteAllResponse extends TimResponse {}

/** friend_check: check friendship. */
export interface FriendFriendCheckRequest {
  From_Account: string;
  /** At most 1000. */
  To_Account: string[];
  CheckType: 'CheckResult_Type_Single' | 'CheckResult_Type_Both';
}
/** friend_check response. */
export interface FriendFriendCheckResponse extends TimResponse {
  InfoItem: {
    To_Account: string;
    Relation:
      | 'CheckResult_Type_BothWay'
      | 'CheckResult_Type_AWithB'
      | 'CheckResult_Type_BWithA'
      | 'CheckResult_Type_NoRelation';
    ResultCode: number;
    ResultInfo: string;
  }[];
  Fail_Account?: string[];
}

/** friend_get: page through all friends (StartIndex / NextStartIndex). */
export interface FriendFriendGetRequest {
  From_Account: string;
  /** 0 for the first page, then NextStartIndex. */
  StartIndex: number;
  /** StandardSequence of the previous pull; standard data is omitted when unchanged. */
  StandardSequence?: number;
  /** CustomSequence of the previous pull; custom data is omitted when unchanged. */
  CustomSequence?: number;
}
/** friend_get response. */
export interface FriendFriendGetResponse extends TimResponse {
  UserDataItem: { To_Account: string; ValueItem: TagItem[] }[];
  StandardSequence: number;
  CustomSequence: number;
  FriendNum: number;
  /** Non-zero: all friends fetched. */
  CompleteFlag: number;
  NextStartIndex: number;
}

/** friend_get_list: read chosen fields of chosen friends. */
export interface FriendFriendGetListRequest {
  From_Account: string;
  /** Friends to read (at most 100 recommended). */
  To_Account: string[];
  /** Profile ('Tag_Profile_*') and relationship ('Tag_SNS_*') tags to read. */
  TagList: string[];
}
/** friend_get_list response. */
export interface FriendFriendGetListResponse extends TimResponse {
  InfoItem: {
    To_Account: string;
    SnsProfileItem?: TagItem[];
    ResultCode: number;
    ResultInfo: string;
  }[];
  Fail_Account?: string[];
}

/** black_list_add: add users to the blocklist. */
export interface FriendBlackListAddRequest {
  From_Account: string;
  /** At most 1000. */
  To_Account: string[];
}
/** black_list_add response. */
export interface FriendBlackListAddResponse extends SnsBatchResponse {}

/** black_list_delete: remove users from the blocklist. */
export interface FriendBlackListDeleteRequest {
  From_Account: string;
  To_Account: string[];
}
/** black_list_delete response. */
export interface FriendBlackListDeleteResponse extends SnsBatchResponse {}

/** black_list_get: page through the blocklist. */
export interface FriendBlackListGetRequest {
  From_Account: string;
  /** 0 for the first page, then the returned StartIndex. */
  StartIndex: number;
  /** Page size. */
  MaxLimited: number;
  /** CurrentSequence of the previous pull; 0 the first time. */
  LastSequence: number;
}
/** black_list_get response. */
export interface FriendBlackListGetResponse extends TimResponse {
  BlackListItem: { To_Account: string; AddBlackTimeStamp: number }[];
  /** Start of the next page; 0 when done. */
  StartIndex: number;
  /** Tencent's spelling on this page (example and table): pass it as the next LastSequence. */
  CurruentSequence?: number;
  /** The spelling the friend-list pages use; accepted too. */
  CurrentSequence?: number;
}

/** black_list_check: check blocklist relations. */
export interface FriendBlackListCheckRequest {
  From_Account: string;
  To_Account: string[];
  CheckType: 'BlackCheckResult_Type_Single' | 'BlackCheckResult_Type_Both';
}
/** black_list_check response. */
export interface FriendBlackListCheckResponse extends TimResponse {
  BlackListCheckItem: {
    To_Account: string;
    Relation:
      | 'BlackCheckResult_Type_BothWay'
      | 'BlackCheckResult_Type_AWithB'
      | 'BlackCheckResult_Type_BWithA'
      | 'BlackCheckResult_Type_NO';
    ResultCode: number;
    ResultInfo: string;
  }[];
  Fail_Account?: string[];
}

/** group_add: create friend lists (and optionally put friends in them). */
export interface FriendGroupAddRequest {
  From_Account: string;
  GroupName: string[];
  /** Friends to add to the new lists. */
  To_Account?: string[];
}
/** group_add response. */
export interface FriendGroupAddResponse extends TimResponse {
  CurrentSequence: number;
  ResultItem?: AccountResultItem[];
  Fail_Account?: string[];
  /** Accounts that are not valid UserIDs (shown by the 2020 pages). */
  Invalid_Account?: string[];
}

/** group_delete: delete friend lists. */
export interface FriendGroupDeleteRequest {
  From_Account: string;
  GroupName: string[];
}
/** group_delete response. */
export interface FriendGroupDeleteResponse extends TimResponse {
  CurrentSequence: number;
}

/** group_get: read friend lists. */
export interface FriendGroupGetRequest {
  From_Account: string;
  /**
   * Not in the current field table (269/54763, whose basic request is From_Account alone);
   * kept optional for bodies written against older pages.
   */
  LastSequence?: number;
  /** 'Need_Friend_Type_Yes': also return the friends of each list. */
  NeedFriend?: 'Need_Friend_Type_Yes';
  /** Lists to read; all when absent. */
  GroupName?: string[];
}
/** group_get response. */
export interface FriendGroupGetResponse extends TimResponse {
  ResultItem: { GroupName: string; FriendNumber: number; To_Account?: string[] }[];
  CurrentSequence: number;
}

/** client.friend */
export interface FriendApi {
  friendAdd(body: FriendFriendAddRequest, options?: CallOptions): Promise<FriendFriendAddResponse>;
  friendImport(body: FriendFriendImportRequest, options?: CallOptions): Promise<FriendFriendImportResponse>;
  friendUpdate(body: FriendFriendUpdateRequest, options?: CallOptions): Promise<FriendFriendUpdateResponse>;
  friendDelete(body: FriendFriendDeleteRequest, options?: CallOptions): Promise<FriendFriendDeleteResponse>;
  friendDeleteBatched(body: FriendFriendDeleteRequest, options?: BatchOptions): Promise<BatchedResponse<FriendFriendDeleteResponse, ListItem<FriendFriendDeleteRequest, 'To_Account'>>>;
  friendDeleteAll(body: FriendFriendDeleteAllRequest, options?: CallOptions): Promise<FriendFriendDeleteAllResponse>;
  friendCheck(body: FriendFriendCheckRequest, options?: CallOptions): Promise<FriendFriendCheckResponse>;
  friendCheckBatched(body: FriendFriendCheckRequest, options?: BatchOptions): Promise<BatchedResponse<FriendFriendCheckResponse, ListItem<FriendFriendCheckRequest, 'To_Account'>>>;
  friendGet(body: FriendFriendGetRequest, options?: CallOptions): Promise<FriendFriendGetResponse>;
  friendGetPages(body: FriendFriendGetRequest, options?: PageOptions): AsyncIterableIterator<FriendFriendGetResponse>;
  friendGetItems(body: FriendFriendGetRequest, options?: ItemOptions): ItemIterable<PageItem<FriendFriendGetResponse, 'UserDataItem'>>;
  friendGetList(body: FriendFriendGetListRequest, options?: CallOptions): Promise<FriendFriendGetListResponse>;
  blackListAdd(body: FriendBlackListAddRequest, options?: CallOptions): Promise<FriendBlackListAddResponse>;
  blackListAddBatched(body: FriendBlackListAddRequest, options?: BatchOptions): Promise<BatchedResponse<FriendBlackListAddResponse, ListItem<FriendBlackListAddRequest, 'To_Account'>>>;
  blackListDelete(body: FriendBlackListDeleteRequest, options?: CallOptions): Promise<FriendBlackListDeleteResponse>;
  blackListGet(body: FriendBlackListGetRequest, options?: CallOptions): Promise<FriendBlackListGetResponse>;
  blackListGetPages(body: FriendBlackListGetRequest, options?: PageOptions): AsyncIterableIterator<FriendBlackListGetResponse>;
  blackListGetItems(body: FriendBlackListGetRequest, options?: ItemOptions): ItemIterable<PageItem<FriendBlackListGetResponse, 'BlackListItem'>>;
  blackListCheck(body: FriendBlackListCheckRequest, options?: CallOptions): Promise<FriendBlackListCheckResponse>;
  groupAdd(body: FriendGroupAddRequest, options?: CallOptions): Promise<FriendGroupAddResponse>;
  groupDelete(body: FriendGroupDeleteRequest, options?: CallOptions): Promise<FriendGroupDeleteResponse>;
  groupGet(body: FriendGroupGetRequest, options?: CallOptions): Promise<FriendGroupGetResponse>;
}

// =============================================================================================
// follow  (follow)

/** follow_add: follow up to 20 users. */
export interface FollowFollowAddRequest {
  From_Account: string;
  FollowItem: { To_Account: string }[];
}
/** follow_add response. */
export interface FollowFollowAddResponse extends TimResponse {
  ResultItem: AccountResultItem[];
}

/** follow_delete: unfollow up to 20 users. */
export interface FollowFollowDeleteRequest {
  From_Account: string;
  To_Account: string[];
}
/** follow_delete response. */
export interface FollowFollowDeleteResponse extends TimResponse {
  ResultItem: AccountResultItem[];
}

/** follow_check: check follow relations with up to 100 users. */
export interface FollowFollowCheckRequest {
  From_Account: string;
  To_Account: string[];
}
/** follow_check response. */
export interface FollowFollowCheckResponse extends TimResponse {
  ResultItem: (AccountResultItem & {
    /** 0 none, 1 To_Account follows From_Account, 2 From_Account follows To_Account, 3 mutual. */
    FollowType: 0 | 1 | 2 | 3;
  })[];
}

/** follow_get: page through followers / following / mutual (StartCursor / NextCursor). */
export interface FollowFollowGetRequest {
  From_Account: string;
  /** 1 followers, 2 following, 3 mutual. */
  FollowType: 1 | 2 | 3;
  /** '' for the first page, then NextCursor. */
  StartCursor: string;
  /** Page size (default 100, at most 1000). */
  WantNum: number;
}
/** follow_get response. */
export interface FollowFollowGetResponse extends TimResponse {
  FollowItem: {
    To_Account: string;
    /** Follow time (Unix seconds). */
    FollowTime: number;
    ProfileItem?: TagItem[];
    /** Spelled so in the page's answer example (the page has no answer field table). */
    profile_sequence?: number;
  }[];
  /** Cursor of the next page; empty when done. */
  NextCursor: string;
}

/** follow_get_info: follower / following / mutual counts of up to 20 users. */
export interface FollowFollowGetInfoRequest {
  From_Account: string;
  To_Account: string[];
}
/** follow_get_info response. */
export interface FollowFollowGetInfoResponse extends TimResponse {
  FollowInfo: (AccountResultItem & {
    FollowerCount: number;
    FollowingCount: number;
    MutualFollowingCount: number;
  })[];
}

/** client.follow */
export interface FollowApi {
  followAdd(body: FollowFollowAddRequest, options?: CallOptions): Promise<FollowFollowAddResponse>;
  followAddBatched(body: FollowFollowAddRequest, options?: BatchOptions): Promise<BatchedResponse<FollowFollowAddResponse, ListItem<FollowFollowAddRequest, 'FollowItem'>>>;
  followDelete(body: FollowFollowDeleteRequest, options?: CallOptions): Promise<FollowFollowDeleteResponse>;
  followDeleteBatched(body: FollowFollowDeleteRequest, options?: BatchOptions): Promise<BatchedResponse<FollowFollowDeleteResponse, ListItem<FollowFollowDeleteRequest, 'To_Account'>>>;
  followCheck(body: FollowFollowCheckRequest, options?: CallOptions): Promise<FollowFollowCheckResponse>;
  followCheckBatched(body: FollowFollowCheckRequest, options?: BatchOptions): Promise<BatchedResponse<FollowFollowCheckResponse, ListItem<FollowFollowCheckRequest, 'To_Account'>>>;
  followGet(body: FollowFollowGetRequest, options?: CallOptions): Promise<FollowFollowGetResponse>;
  followGetPages(body: FollowFollowGetRequest, options?: PageOptions): AsyncIterableIterator<FollowFollowGetResponse>;
  followGetItems(body: FollowFollowGetRequest, options?: ItemOptions): ItemIterable<PageItem<FollowFollowGetResponse, 'FollowItem'>>;
  followGetInfo(body: FollowFollowGetInfoRequest, options?: CallOptions): Promise<FollowFollowGetInfoResponse>;
  followGetInfoBatched(body: FollowFollowGetInfoRequest, options?: BatchOptions): Promise<BatchedResponse<FollowFollowGetInfoResponse, ListItem<FollowFollowGetInfoRequest, 'To_Account'>>>;
}

// =============================================================================================
// conversation  (recentcontact: recent contacts, conversation groups and marks)

/** A conversation: one-to-one (Type 1, To_Account) or group (Type 2, ToGroupId). */
export type ContactItem =
  | { Type: 1; To_Account: string; ToGroupId?: never }
  | { Type: 2; ToGroupId: string; To_Account?: never };

/** get_list: page through a user's recent contacts (TimeStamp / StartIndex). */
export interface ConversationGetListRequest {
  From_Account: string;
  /** Normal conversations: 0 first, then the returned TimeStamp. */
  TimeStamp: number;
  StartIndex: number;
  /** Pinned conversations: 0 first, then the returned TopTimeStamp. */
  TopTimeStamp: number;
  TopStartIndex: number;
  /** Bit flags: bit 0 support pinned conversations, bit 1 return empty conversations, bit 2 page pinned conversations. */
  AssistFlags: number;
}
/** One recent contact (further per-item fields are read as `unknown`). */
export interface RecentContactItem {
  /** 1 one-to-one, 2 group. */
  Type: 1 | 2;
  To_Account?: string;
  GroupId?: string;
  /** Last message time (Unix seconds). */
  MsgTime: number;
  /** 1: pinned. */
  TopFlag: Flag01;
  [field: string]: unknown;
}
/** get_list response. */
export interface ConversationGetListResponse extends TimResponse {
  SessionItem: RecentContactItem[];
  /** 1: all fetched. */
  CompleteFlag: Flag01;
  TimeStamp: number;
  StartIndex: number;
  TopTimeStamp: number;
  TopStartIndex: number;
}

/** delete: delete a recent contact. */
export type ConversationDeleteRequest = {
  From_Account: string;
  /** 1: also delete the roaming messages (one-to-one only). */
  ClearRamble?: Flag01;
} & (
  | { Type: 1; To_Account: string; ToGroupid?: never }
  | {
      Type: 2;
      /** Group ID (spelled `ToGroupid` in this endpoint's docs). */
      ToGroupid: string;
      To_Account?: never;
    }
);
/** delete response. */
export interface ConversationDeleteResponse extends TimResponse {}

/** create_contact_group: create one conversation group with conversations. */
export interface ConversationCreateContactGroupRequest {
  From_Account: string;
  /** Only one group per call. */
  GroupContactItem: {
    /** At most 32 bytes. */
    GroupName: string;
    ContactItem: ContactItem[];
  }[];
}
/** A conversation group: name and ID. */
export interface ContactGroupItem {
  GroupName: string;
  GroupId: number;
}
/** Per-conversation result of a conversation-group or mark operation. */
export interface ContactGroupResultItem {
  /** Group updates: 1 added, 2 removed. */
  ContactOptType?: 1 | 2;
  /** Mark updates: the OptType of the request. */
  OptType?: number;
  ContactItem: { Type: 1 | 2; To_Account?: string; ToGroupId?: string };
  /** 0 success. */
  ResultCode: number;
  ResultInfo: string;
}
/** create_contact_group response. */
export interface ConversationCreateContactGroupResponse extends TimResponse {
  GroupResultItem: { GroupItem: ContactGroupItem; ResultItem: ContactGroupResultItem[] }[];
}

/** del_contact_group: delete conversation groups. */
export interface ConversationDelContactGroupRequest {
  From_Account: string;
  GroupName: string[];
}
/** del_contact_group response. */
export interface ConversationDelContactGroupResponse extends TimResponse {
  /** The deleted groups. */
  GroupItem: ContactGroupItem[];
}

/** The update of update_contact_group: rename (1) or add / remove conversations (2). */
export type ContactGroupUpdate =
  | {
      UpdateGroupType: 1;
      /** The group to rename. */
      OldGroupName: string;
      /** New name, at most 32 bytes. */
      NewGroupName: string;
    }
  | {
      UpdateGroupType: 2;
      /** The group to change. */
      OldGroupName: string;
      ContactUpdateItem: {
        /** 1 add the conversation to the group, 2 remove it. */
        ContactOptType: 1 | 2;
        ContactItem: ContactItem;
      }[];
    };
/** update_contact_group: rename a conversation group or add / remove its conversations. */
export interface ConversationUpdateContactGroupRequest {
  From_Account: string;
  /** Update type selector of the request (see the docs; the update itself is in UpdateGroup). */
  UpdateType: number;
  UpdateGroup: ContactGroupUpdate;
}
/** update_contact_group response. */
export interface ConversationUpdateContactGroupResponse extends TimResponse {
  UpdateType: number;
  UpdateGroupResult: {
    UpdateGroupType: 1 | 2;
    GroupName: string;
    GroupId: number;
    OldGroupName?: string;
    ContactResultItem?: ContactGroupResultItem[];
  };
}

/** search_contact_group: group and mark data of up to 300 conversations. */
export interface ConversationSearchContactGroupRequest {
  From_Account: string;
  ContactItem: ContactItem[];
}
/** Group / mark data of one conversation. */
export interface ContactGroupMarkItem {
  Type: 1 | 2;
  To_Account?: string;
  ToGroupId?: string;
  /** Standard marks as a bit string. */
  StandardMark?: string;
  CustomMark?: string;
  /** IDs of the conversation groups it belongs to. */
  ContactGroupId?: number[];
  Timestamp: number;
}
/** search_contact_group response. */
export interface ConversationSearchContactGroupResponse extends TimResponse {
  ContactResultItem: ContactGroupMarkItem[];
  GroupItem: ContactGroupItem[];
}

/** mark_contact: set standard and / or custom marks on up to 100 conversations. */
export interface ConversationMarkContactRequest {
  From_Account: string;
  MarkItem: {
    /** 1 standard marks, 2 custom mark, 3 both. */
    OptType: 1 | 2 | 3;
    ContactItem: ContactItem;
    /** Standard mark bits to set. */
    SetMark?: number[];
    /** Standard mark bits to clear (the field is ClearMark in both languages of 1047/53438). */
    ClearMark?: number[];
    CustomMark?: string;
  }[];
}
/** mark_contact response. */
export interface ConversationMarkContactResponse extends TimResponse {
  ResultItem: ContactGroupResultItem[];
}

/** get_contact_group: page through a user's conversation group and mark data. */
export interface ConversationGetContactGroupRequest {
  From_Account: string;
  /** 0 first, then NextStartIndex. */
  StartIndex: number;
}
/** get_contact_group response. */
export interface ConversationGetContactGroupResponse extends TimResponse {
  ContactItem: ContactGroupMarkItem[];
  GroupItem: ContactGroupItem[];
  /** 1: all fetched. */
  CompleteFlag: Flag01;
  NextStartIndex: number;
}

/** client.conversation */
export interface ConversationApi {
  getList(body: ConversationGetListRequest, options?: CallOptions): Promise<ConversationGetListResponse>;
  getListPages(body: ConversationGetListRequest, options?: PageOptions): AsyncIterableIterator<ConversationGetListResponse>;
  getListItems(body: ConversationGetListRequest, options?: ItemOptions): ItemIterable<PageItem<ConversationGetListResponse, 'SessionItem'>>;
  delete(body: ConversationDeleteRequest, options?: CallOptions): Promise<ConversationDeleteResponse>;
  createContactGroup(body: ConversationCreateContactGroupRequest, options?: CallOptions): Promise<ConversationCreateContactGroupResponse>;
  delContactGroup(body: ConversationDelContactGroupRequest, options?: CallOptions): Promise<ConversationDelContactGroupResponse>;
  updateContactGroup(body: ConversationUpdateContactGroupRequest, options?: CallOptions): Promise<ConversationUpdateContactGroupResponse>;
  searchContactGroup(body: ConversationSearchContactGroupRequest, options?: CallOptions): Promise<ConversationSearchContactGroupResponse>;
  searchContactGroupBatched(body: ConversationSearchContactGroupRequest, options?: BatchOptions): Promise<BatchedResponse<ConversationSearchContactGroupResponse, ListItem<ConversationSearchContactGroupRequest, 'ContactItem'>>>;
  markContact(body: ConversationMarkContactRequest, options?: CallOptions): Promise<ConversationMarkContactResponse>;
  markContactBatched(body: ConversationMarkContactRequest, options?: BatchOptions): Promise<BatchedResponse<ConversationMarkContactResponse, ListItem<ConversationMarkContactRequest, 'MarkItem'>>>;
  getContactGroup(body: ConversationGetContactGroupRequest, options?: CallOptions): Promise<ConversationGetContactGroupResponse>;
  getContactGroupPages(body: ConversationGetContactGroupRequest, options?: PageOptions): AsyncIterableIterator<ConversationGetContactGroupResponse>;
  getContactGroupItems(body: ConversationGetContactGroupRequest, options?: ItemOptions): ItemIterable<PageItem<ConversationGetContactGroupResponse, 'ContactItem'>>;
}

// =============================================================================================
// bot  (openim_robot_http_svc)

/** create_robot: create a chatbot account (UserID must start with '@RBT#'). */
export interface BotCreateRobotRequest {
  UserID: string;
  Nick?: string;
  FaceUrl?: string;
  SelfSignature?: string;
}
/** create_robot response. */
export interface BotCreateRobotResponse extends TimResponse {}

/** delete_robot: delete a chatbot account. */
export interface BotDeleteRobotRequest {
  Robot_Account: string;
}
/** delete_robot response. */
export interface BotDeleteRobotResponse extends TimResponse {}

/** get_all_robots: list the app's chatbots (empty body). */
export type BotGetAllRobotsRequest = EmptyBody;
/** get_all_robots response. */
export interface BotGetAllRobotsResponse extends TimResponse {
  /** UserIDs of the chatbots. */
  Robot_Account: string[];
}

/** client.bot */
export interface BotApi {
  createRobot(body: BotCreateRobotRequest, options?: CallOptions): Promise<BotCreateRobotResponse>;
  deleteRobot(body: BotDeleteRobotRequest, options?: CallOptions): Promise<BotDeleteRobotResponse>;
  getAllRobots(body: BotGetAllRobotsRequest, options?: CallOptions): Promise<BotGetAllRobotsResponse>;
}

// =============================================================================================
// moderation  (im_msg_audit, im_msg_audit_mgr)

/** Where moderated content comes from. */
export type AuditName = 'C2C' | 'Group' | 'UserInfo' | 'GroupInfo' | 'GroupMemberInfo' | 'RelationChain';
/** Kind of moderated content. */
export type AuditContentType = 'Text' | 'Image' | 'Audio' | 'Video';
/** Keyword category. */
export type AuditKeywordLabel =
  | 'Normal'
  | 'Illegal'
  | 'Abuse'
  | 'Polity'
  | 'Ad'
  | 'Porn'
  | 'Sexy'
  | 'Terror'
  | 'Composite';

/** content_moderation: moderate one text / image (sync) or audio / video (async via webhook). */
export interface ModerationContentModerationRequest {
  AuditName: AuditName;
  ContentType: AuditContentType;
  /** The text, or the URL of the media. */
  Content: string;
  /** Sender to attribute the content to (optional context). */
  ExtSender?: string;
  /** Receiver to attribute the content to (optional context). */
  ExtReceiver?: string;
}
/** Moderation verdict. */
export type AuditResult = 'Pass' | 'Review' | 'Block';
/** content_moderation response (text and image; audio / video verdicts arrive by webhook). */
export interface ModerationContentModerationResponse extends TimResponse {
  RequestId: string;
  Result?: AuditResult;
  /** 0..100, higher is more likely to violate. */
  Score?: number;
  /** Hit label, e.g. 'Normal', 'Porn', 'Ad'. */
  Label?: string;
  /** Keywords hit (none when a model decided). */
  Keywords?: string[];
}

/** batch_content_moderation: moderate several texts / images. */
export interface ModerationBatchContentModerationRequest {
  AuditName: AuditName;
  Contents: { ContentId: number; ContentType: 'Text' | 'Image'; Content: string }[];
}
/** batch_content_moderation response. */
export interface ModerationBatchContentModerationResponse extends TimResponse {
  AuditResults: {
    /** 0 success for this item. */
    ErrorCode: number;
    ErrorInfo?: string;
    /** ContentId of the request item. */
    ContentId: number;
    Result?: AuditResult;
    Keywords?: string[];
    Score?: number;
    Label?: string;
    SubLabel?: string;
    RequestId?: string;
  }[];
}

/** A local-moderation keyword. */
export interface LocalAuditWord {
  Keyword: string;
  /** Keyword type (plain or regular expression; values per the docs). */
  WordType?: number;
  /** Handling of a hit (block or replace; values per the docs). */
  FilterType?: number;
  /** Keyword ID (returned by get). */
  Id?: number;
  /** Replacement text when the handling is replace. */
  ReplacedContent?: string;
  /** Last update time (returned by get). */
  UpdateTime?: string;
}
/** add_local_audit_keywords: add up to 10 local-moderation keywords. */
export interface ModerationAddLocalAuditKeywordsRequest {
  SdkAppId: number;
  LocalAuditWords: LocalAuditWord[];
}
/** add_local_audit_keywords response. */
export interface ModerationAddLocalAuditKeywordsResponse extends TimResponse {
  RequestId: string;
}

/** delete_local_audit_keywords: delete up to 10 local-moderation keywords. */
export interface ModerationDeleteLocalAuditKeywordsRequest {
  SdkAppId: number;
  LocalAuditWords: LocalAuditWord[];
}
/** delete_local_audit_keywords response. */
export interface ModerationDeleteLocalAuditKeywordsResponse extends TimResponse {
  RequestId: string;
}

/** get_local_audit_keywords: page through (or fuzzy-search) local-moderation keywords. */
export interface ModerationGetLocalAuditKeywordsRequest {
  SdkAppId: number;
  /** Only keywords with this handling (1 replace, 2 intercept); all when absent. */
  FilterType?: number;
  Offset: number;
  /** At most 100. */
  Limit: number;
  /** Fuzzy match; pages through all keywords when empty. */
  Keyword?: string;
}
/** get_local_audit_keywords response. */
export interface ModerationGetLocalAuditKeywordsResponse extends TimResponse {
  RequestId: string;
  LocalAuditWords: LocalAuditWord[];
  /** All keywords of the app. */
  TotalCount: number;
  /** All regular-expression keywords of the app. */
  TotalRegCount?: number;
  /** Keywords matching FilterType / Keyword. */
  CurCount?: number;
  /** Regular-expression keywords matching FilterType / Keyword. */
  CurRegCount?: number;
}

/** get_cloud_audit_keywords_ids: page through the cloud keyword libraries. */
export interface ModerationGetCloudAuditKeywordsIdsRequest {
  SdkAppId: number;
  Offset: number;
  /** At most 100. */
  Limit: number;
}
/** get_cloud_audit_keywords_ids response. */
export interface ModerationGetCloudAuditKeywordsIdsResponse extends TimResponse {
  RequestId: string;
  TotalCount: number;
  Infos: { ID: string; LibName: string; Describe: string; CreateTime: string; Suggestion: string }[];
}

/** get_cloud_audit_keywords: page through (or fuzzy-search) one library's keywords. */
export interface ModerationGetCloudAuditKeywordsRequest {
  SdkAppId: number;
  Offset: number;
  /** At most 100. */
  Limit: number;
  LibID: string;
  /** Fuzzy match; pages through all keywords when empty. */
  Content?: string;
}
/** get_cloud_audit_keywords response. */
export interface ModerationGetCloudAuditKeywordsResponse extends TimResponse {
  RequestId: string;
  TotalCount: number;
  Infos: { ID: string; Content: string; CreateTime: string; Label?: string }[];
}

/** add_cloud_audit_keywords: add keywords to a cloud library. */
export interface ModerationAddCloudAuditKeywordsRequest {
  SdkAppId: number;
  LibID: string;
  UserKeywords: { Content: string; Label?: AuditKeywordLabel }[];
}
/** add_cloud_audit_keywords response. */
export interface ModerationAddCloudAuditKeywordsResponse extends TimResponse {
  RequestId: string;
}

/** delete_cloud_audit_keywords: delete up to 10 keywords from a cloud library. */
export interface ModerationDeleteCloudAuditKeywordsRequest {
  SdkAppId: number;
  LibID: string;
  Keywords: string[];
}
/** delete_cloud_audit_keywords response. */
export interface ModerationDeleteCloudAuditKeywordsResponse extends TimResponse {
  RequestId: string;
  Details: { KeywordID: string; Keyword: string; Deleted: boolean; ErrorInfo: string }[];
  /** Number deleted. */
  Count: number;
}

/** client.moderation */
export interface ModerationApi {
  contentModeration(body: ModerationContentModerationRequest, options?: CallOptions): Promise<ModerationContentModerationResponse>;
  batchContentModeration(body: ModerationBatchContentModerationRequest, options?: CallOptions): Promise<ModerationBatchContentModerationResponse>;
  addLocalAuditKeywords(body: ModerationAddLocalAuditKeywordsRequest, options?: CallOptions): Promise<ModerationAddLocalAuditKeywordsResponse>;
  addLocalAuditKeywordsBatched(body: ModerationAddLocalAuditKeywordsRequest, options?: BatchOptions): Promise<BatchedResponse<ModerationAddLocalAuditKeywordsResponse, ListItem<ModerationAddLocalAuditKeywordsRequest, 'LocalAuditWords'>>>;
  deleteLocalAuditKeywords(body: ModerationDeleteLocalAuditKeywordsRequest, options?: CallOptions): Promise<ModerationDeleteLocalAuditKeywordsResponse>;
  deleteLocalAuditKeywordsBatched(body: ModerationDeleteLocalAuditKeywordsRequest, options?: BatchOptions): Promise<BatchedResponse<ModerationDeleteLocalAuditKeywordsResponse, ListItem<ModerationDeleteLocalAuditKeywordsRequest, 'LocalAuditWords'>>>;
  getLocalAuditKeywords(body: ModerationGetLocalAuditKeywordsRequest, options?: CallOptions): Promise<ModerationGetLocalAuditKeywordsResponse>;
  getLocalAuditKeywordsPages(body: ModerationGetLocalAuditKeywordsRequest, options?: PageOptions): AsyncIterableIterator<ModerationGetLocalAuditKeywordsResponse>;
  getLocalAuditKeywordsItems(body: ModerationGetLocalAuditKeywordsRequest, options?: ItemOptions): ItemIterable<PageItem<ModerationGetLocalAuditKeywordsResponse, 'LocalAuditWords'>>;
  getCloudAuditKeywordsIds(body: ModerationGetCloudAuditKeywordsIdsRequest, options?: CallOptions): Promise<ModerationGetCloudAuditKeywordsIdsResponse>;
  getCloudAuditKeywordsIdsPages(body: ModerationGetCloudAuditKeywordsIdsRequest, options?: PageOptions): AsyncIterableIterator<ModerationGetCloudAuditKeywordsIdsResponse>;
  getCloudAuditKeywordsIdsItems(body: ModerationGetCloudAuditKeywordsIdsRequest, options?: ItemOptions): ItemIterable<PageItem<ModerationGetCloudAuditKeywordsIdsResponse, 'Infos'>>;
  getCloudAuditKeywords(body: ModerationGetCloudAuditKeywordsRequest, options?: CallOptions): Promise<ModerationGetCloudAuditKeywordsResponse>;
  getCloudAuditKeywordsPages(body: ModerationGetCloudAuditKeywordsRequest, options?: PageOptions): AsyncIterableIterator<ModerationGetCloudAuditKeywordsResponse>;
  getCloudAuditKeywordsItems(body: ModerationGetCloudAuditKeywordsRequest, options?: ItemOptions): ItemIterable<PageItem<ModerationGetCloudAuditKeywordsResponse, 'Infos'>>;
  addCloudAuditKeywords(body: ModerationAddCloudAuditKeywordsRequest, options?: CallOptions): Promise<ModerationAddCloudAuditKeywordsResponse>;
  deleteCloudAuditKeywords(body: ModerationDeleteCloudAuditKeywordsRequest, options?: CallOptions): Promise<ModerationDeleteCloudAuditKeywordsResponse>;
  deleteCloudAuditKeywordsBatched(body: ModerationDeleteCloudAuditKeywordsRequest, options?: BatchOptions): Promise<BatchedResponse<ModerationDeleteCloudAuditKeywordsResponse, ListItem<ModerationDeleteCloudAuditKeywordsRequest, 'Keywords'>>>;
}

// =============================================================================================
// operation  (openconfigsvr, open_msg_svc, ConfigSvc, im_cos_msg)

/** getappinfo: daily operation statistics of the last 30 days. */
export interface OperationGetAppInfoRequest {
  /** Statistics to return (e.g. 'ChainIncrease', 'C2CSendMsgUserNum'); all when absent. */
  RequestField?: string[];
}
/** getappinfo response. */
export interface OperationGetAppInfoResponse extends TimResponse {
  /** One object per day; values are strings keyed by field name, plus 'Date'. */
  Result: Record<string, string>[];
}

/** get_history: download links of one hour of message history. */
export interface OperationGetHistoryRequest {
  ChatType: 'C2C' | 'Group';
  /** Hour to fetch, 'YYYYMMDDHH' (e.g. '2015120121'). */
  MsgTime: string;
}
/** get_history response. */
export interface OperationGetHistoryResponse extends TimResponse {
  File: {
    URL: string;
    /** Link expiry time. */
    ExpireTime: string;
    FileSize: number;
    FileMD5: string;
    GzipSize: number;
    GzipMD5: string;
  }[];
}

/** GetIPList: the IP addresses Tencent's servers call webhooks from (empty body). */
export type OperationGetIpListRequest = EmptyBody;
/** GetIPList response. */
export interface OperationGetIpListResponse extends TimResponse {
  IPList: string[];
}

/** forbid_illegal_object: block a media file by its URL. */
export interface OperationForbidIllegalObjectRequest {
  RawURL: string;
}
/** forbid_illegal_object response. */
export interface OperationForbidIllegalObjectResponse extends TimResponse {}

/** allow_banned_object: unblock a media file by its URL. */
export interface OperationAllowBannedObjectRequest {
  RawURL: string;
}
/** allow_banned_object response. */
export interface OperationAllowBannedObjectResponse extends TimResponse {}

/** get_cos_sig: signed download URLs for media files. */
export interface OperationGetCosSigRequest {
  RawURLs: string[];
}
/** get_cos_sig response. */
export interface OperationGetCosSigResponse extends TimResponse {
  PreSigURLs: {
    /** 0 success for this resource. */
    Code: number;
    Desc: string;
    ResourceID: number;
    /** Signed URL with full rights (also downloads blocked files), valid 15 minutes. */
    PreSigURL: string;
    /** 0 normal, 1 blocked (only PreSigURL can read it), 2 missing / expired. */
    Status: 0 | 1 | 2;
  }[];
}

/** client.operation */
export interface OperationApi {
  getAppInfo(body: OperationGetAppInfoRequest, options?: CallOptions): Promise<OperationGetAppInfoResponse>;
  getHistory(body: OperationGetHistoryRequest, options?: CallOptions): Promise<OperationGetHistoryResponse>;
  getIpList(body: OperationGetIpListRequest, options?: CallOptions): Promise<OperationGetIpListResponse>;
  forbidIllegalObject(body: OperationForbidIllegalObjectRequest, options?: CallOptions): Promise<OperationForbidIllegalObjectResponse>;
  allowBannedObject(body: OperationAllowBannedObjectRequest, options?: CallOptions): Promise<OperationAllowBannedObjectResponse>;
  getCosSig(body: OperationGetCosSigRequest, options?: CallOptions): Promise<OperationGetCosSigResponse>;
}
