// Request and response types for the group, liveGroup, community and officialAccount namespaces.
// Field names are Tencent's, verbatim (including their mixed casing, e.g. group attributes use
// lower-case `key`/`value`). Numbers are JSON numbers; 64-bit sequence/cursor values that Tencent
// documents as strings stay strings.

import type {
  BatchOptions,
  BatchedResponse,
  ItemOptions,
  ItemIterable,
  PageItem,
  CallOptions,
  KeyValue,
  ListItem,
  MsgBody,
  OfflinePushInfo,
  PageOptions,
  TimResponse,
} from './common.js';

// ---------------------------------------------------------------------------------------------
// Shared group vocabulary
// ---------------------------------------------------------------------------------------------

/** Built-in group types (Work = Private, Meeting = ChatRoom in newer SDK wording). */
export type GroupType = 'Private' | 'Public' | 'ChatRoom' | 'AVChatRoom' | 'Community';
/** How users may apply to join. */
export type ApplyJoinOption = 'FreeAccess' | 'NeedPermission' | 'DisableApply';
/** How members may invite others. */
export type InviteJoinOption = 'FreeAccess' | 'NeedPermission' | 'DisableInvite';
/** A member's message receiving option. */
export type GroupMsgFlag = 'AcceptAndNotify' | 'AcceptNotNotify' | 'Discard';
/** A member's role. */
export type GroupMemberRole = 'Owner' | 'Admin' | 'Member';
/** On/Off switch used by MuteAllMember. */
export type OnOff = 'On' | 'Off';
/** Group attribute / counter entries use lower-case keys. */
export interface GroupAttrItem {
  key: string;
  value: string;
}
/** One group counter (Tencent spells these `Key`/`Value`, unlike group attributes' `key`/`value`). */
export interface GroupCounterItem {
  Key: string;
  Value: number;
}
/** A `{ MsgSeq }` entry, used by recall and read-receipt calls. */
export interface MsgSeqItem {
  MsgSeq: number;
}
/** A `{ Member_Account }` entry. */
export interface MemberAccountItem {
  Member_Account: string;
}

/** A group member's profile as returned by member queries (fields depend on the filters). */
export interface GroupMemberInfo {
  Member_Account: string;
  Role?: GroupMemberRole;
  /** Join time, Unix seconds. */
  JoinTime?: number;
  /** Sequence of the last message the member read. */
  MsgSeq?: number;
  MsgFlag?: GroupMsgFlag;
  /** Last time the member sent a message, Unix seconds. */
  LastSendMsgTime?: number;
  /** Muted until this Unix time (0: not muted). Current pages name it `MuteUntil`. */
  MuteUntil?: number;
  /** The older name of `MuteUntil`; either may arrive. */
  ShutUpUntil?: number;
  NameCard?: string;
  AppMemberDefinedData?: KeyValue[];
  /** Present when the online status was requested (get_specified_group_member_info). */
  OnlineStatus?: 'Online' | 'Offline';
}

/** Profile filters for group queries. */
export interface GroupInfoResponseFilter {
  /** Base fields to return, e.g. "Type", "Name", "MemberNum"; all when omitted. */
  GroupBaseInfoFilter?: string[];
  /** Member fields to return, e.g. "Role", "JoinTime". */
  MemberInfoFilter?: string[];
  /** Group custom field keys to return. */
  AppDefinedDataFilter_Group?: string[];
  /** Member custom field keys to return. */
  AppDefinedDataFilter_GroupMember?: string[];
}

/** A group's profile; which fields appear depends on GroupBaseInfoFilter. */
export interface GroupBaseInfo {
  GroupId: string;
  Type?: GroupType;
  Name?: string;
  Appid?: number;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  Owner_Account?: string;
  CreateTime?: number;
  InfoSeq?: number;
  LastInfoTime?: number;
  LastMsgTime?: number;
  NextMsgSeq?: number;
  MemberNum?: number;
  MaxMemberNum?: number;
  ApplyJoinOption?: ApplyJoinOption;
  InviteJoinOption?: InviteJoinOption;
  MuteAllMember?: OnOff;
  /** The older name of `MuteAllMember` (2020 pages); either may arrive. */
  ShutUpAllMember?: OnOff;
  AppDefinedData?: KeyValue[];
}

// ---------------------------------------------------------------------------------------------
// group: group management
// ---------------------------------------------------------------------------------------------

/** get_appid_group_list: page through all group IDs of the app. */
export interface GroupGetAppidGroupListRequest {
  /** At most 10 000 IDs per page (default 10 000). */
  Limit?: number;
  /** Paging cursor: 0 on the first call, then the returned Next. */
  Next?: number;
  /** Only groups of this type; all types when omitted. */
  GroupType?: GroupType;
}
/** get_appid_group_list response. */
export interface GroupGetAppidGroupListResponse extends TimResponse {
  TotalCount: number;
  GroupIdList: { GroupId: string }[];
  /** Cursor for the next page; 0 when done. */
  Next: number;
}

/** An initial member for create_group. */
export interface CreateGroupMember {
  Member_Account: string;
  /** Only "Admin" may be set at creation. */
  Role?: 'Admin';
  AppMemberDefinedData?: KeyValue[];
}

/** create_group: create a group. */
export interface GroupCreateGroupRequest {
  /** Owner's UserID; the group has no owner when omitted. */
  Owner_Account?: string;
  Type: GroupType;
  /** Custom group ID; generated when omitted (Community IDs must start with "@TGS#_"). */
  GroupId?: string;
  /** At most 100 bytes. */
  Name: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  MaxMemberCount?: number;
  ApplyJoinOption?: ApplyJoinOption;
  InviteJoinOption?: InviteJoinOption;
  AppDefinedData?: KeyValue[];
  /** Initial members (not allowed for AVChatRoom). */
  MemberList?: CreateGroupMember[];
  /** Community only: 1 enables topics. */
  SupportTopic?: 0 | 1;
}
/** create_group response. */
export interface GroupCreateGroupResponse extends TimResponse {
  GroupId: string;
  /** Present on Community (and other large) groups: 0 or 1. */
  HugeGroupFlag?: number;
  Type?: GroupType;
}

/** get_group_info: profiles of up to 50 groups. */
export interface GroupGetGroupInfoRequest {
  GroupIdList: string[];
  ResponseFilter?: GroupInfoResponseFilter;
}
/** One group in get_group_info; ErrorCode is per group. */
export interface GroupInfoItem extends GroupBaseInfo {
  ErrorCode: number;
  ErrorInfo?: string;
  MemberList?: GroupMemberInfo[];
}
/** get_group_info response. */
export interface GroupGetGroupInfoResponse extends TimResponse {
  GroupInfo: GroupInfoItem[];
}

/** get_group_member_info: page through members (Offset for most groups, Next for Community). */
export interface GroupGetGroupMemberInfoRequest {
  GroupId: string;
  MemberInfoFilter?: string[];
  MemberRoleFilter?: GroupMemberRole[];
  AppDefinedDataFilter_GroupMember?: string[];
  /** Members per page (at most 100). */
  Limit?: number;
  /** Offset paging (non-Community groups). */
  Offset?: number;
  /** Cursor paging (Community groups): "" first, then the returned Next. */
  Next?: string;
}
/** get_group_member_info response. */
export interface GroupGetGroupMemberInfoResponse extends TimResponse {
  /** Offset-paged groups; Community answers page with `Next` and may leave it out. */
  MemberNum?: number;
  MemberList: GroupMemberInfo[];
  /** Community groups: cursor for the next page; "" when done. */
  Next?: string;
}

/** get_specified_group_member_info: profiles of up to 50 named members. */
export interface GroupGetSpecifiedGroupMemberInfoRequest {
  GroupId: string;
  /** At most 50 UserIDs. */
  Member_List_Account: string[];
  MemberInfoFilter?: string[];
  MemberRoleFilter?: GroupMemberRole[];
  AppDefinedDataFilter_GroupMember?: string[];
}
/** get_specified_group_member_info response. */
export interface GroupGetSpecifiedGroupMemberInfoResponse extends TimResponse {
  GroupId: string;
  MemberList: GroupMemberInfo[];
}

/** modify_group_base_info: change a group's profile. */
export interface GroupModifyGroupBaseInfoRequest {
  GroupId: string;
  Name?: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  MaxMemberNum?: number;
  ApplyJoinOption?: ApplyJoinOption;
  InviteJoinOption?: InviteJoinOption;
  /** Mute everyone except the owner and admins (the 2020 pages called it ShutUpAllMember). */
  MuteAllMember?: OnOff;
  AppDefinedData?: KeyValue[];
  /** Operator shown in the change notification. */
  From_Account?: string;
  /** Community: turn permission groups on or off. */
  EnablePermission?: 0 | 1;
  /** Community: permission bits of members who are in no permission group. */
  DefaultPermission?: number;
}
/** modify_group_base_info response. */
export type GroupModifyGroupBaseInfoResponse = TimResponse;

/** add_group_member: add up to 300 members. */
export interface GroupAddGroupMemberRequest {
  GroupId: string;
  /** 1: add silently (no system notification). */
  Silence?: 0 | 1;
  MemberList: MemberAccountItem[];
}
/** add_group_member response; Result 0 failed, 1 added, 2 already a member, 3 waiting for approval. */
export interface GroupAddGroupMemberResponse extends TimResponse {
  MemberList: { Member_Account: string; Result: 0 | 1 | 2 | 3 }[];
}

/** delete_group_member: remove up to 100 members. */
export interface GroupDeleteGroupMemberRequest {
  GroupId: string;
  Silence?: 0 | 1;
  /** Reason shown to the removed members. */
  Reason?: string;
  MemberToDel_Account: string[];
}
/** delete_group_member response. */
export type GroupDeleteGroupMemberResponse = TimResponse;

/** modify_group_member_info: change one member's role, name card, flags or mute time. */
export interface GroupModifyGroupMemberInfoRequest {
  GroupId: string;
  Member_Account: string;
  /** "Admin" to promote, "Member" to demote. */
  Role?: 'Admin' | 'Member';
  MsgFlag?: GroupMsgFlag;
  /** At most 50 bytes. */
  NameCard?: string;
  AppMemberDefinedData?: KeyValue[];
  /** Mute for this many seconds (0 unmutes; the 2020 pages called it ShutUpTime). */
  MuteTime?: number;
}
/** modify_group_member_info response. */
export type GroupModifyGroupMemberInfoResponse = TimResponse;

/** destroy_group: dissolve a group. */
export interface GroupDestroyGroupRequest {
  GroupId: string;
}
/** destroy_group response. */
export type GroupDestroyGroupResponse = TimResponse;

/** get_joined_group_list: groups a user has joined. */
export interface GroupGetJoinedGroupListRequest {
  Member_Account: string;
  /** 1: include AVChatRoom groups. */
  WithHugeGroups?: 0 | 1;
  /** 1: include groups without messages. */
  WithNoActiveGroups?: 0 | 1;
  Limit?: number;
  Offset?: number;
  GroupType?: GroupType;
  ResponseFilter?: {
    GroupBaseInfoFilter?: string[];
    /** The user's own member fields to return, e.g. "Role", "UnreadMsgNum". */
    SelfInfoFilter?: string[];
  };
  /** 1: also return Community groups that support topics. */
  SupportTopic?: 0 | 1;
}
/** The requesting user's own membership info (get_joined_group_list, get_topic). */
export interface GroupSelfInfo {
  Role?: GroupMemberRole;
  JoinTime?: number;
  MsgFlag?: GroupMsgFlag;
  UnreadMsgNum?: number;
  /** Sequence of the last message the user read. */
  MsgSeq?: number;
  /** Muted until this Unix time (get_topic; 0: not muted). */
  ShutUpTime?: number;
  /** Community groups with topics: the last read sequence across all topics. */
  GrossTopicReadSeq?: number;
}
/** get_joined_group_list response. */
export interface GroupGetJoinedGroupListResponse extends TimResponse {
  TotalCount: number;
  GroupIdList: (GroupBaseInfo & {
    SelfInfo?: GroupSelfInfo;
    /** Community groups: 1 when topics are enabled. */
    SupportTopic?: 0 | 1;
    /** Community groups with topics: the next message sequence across all topics. */
    GrossTopicNextMsgSeq?: number;
  })[];
}

/** get_role_in_group: roles of up to 500 users. */
export interface GroupGetRoleInGroupRequest {
  GroupId: string;
  User_Account: string[];
}
/** get_role_in_group response. */
export interface GroupGetRoleInGroupResponse extends TimResponse {
  UserIdList: { Member_Account: string; Role: GroupMemberRole | 'NotMember' }[];
}

/** forbid_send_msg: mute (or unmute with 0) up to 500 members. */
export interface GroupForbidSendMsgRequest {
  GroupId: string;
  Members_Account: string[];
  /** Seconds; 0 unmutes. (The 2020 pages called it ShutUpTime; the current pages and API use MuteTime.) */
  MuteTime: number;
  /** Community topic, when muting inside a topic. */
  TopicId?: string;
}
/** forbid_send_msg response. */
export type GroupForbidSendMsgResponse = TimResponse;

/** get_group_muted_account: members currently muted. */
export interface GroupGetGroupMutedAccountRequest {
  GroupId: string;
  TopicId?: string;
}
/** get_group_muted_account response. */
export interface GroupGetGroupMutedAccountResponse extends TimResponse {
  GroupId?: string;
  /** MutedUntil is a Unix time. */
  MutedAccountList: { Member_Account: string; MutedUntil: number }[];
}

/** change_group_owner: hand the group to another member. */
export interface GroupChangeGroupOwnerRequest {
  GroupId: string;
  NewOwner_Account: string;
}
/** change_group_owner response. */
export type GroupChangeGroupOwnerResponse = TimResponse;

/** import_group: import a group with its original creation time. */
export interface GroupImportGroupRequest {
  Owner_Account?: string;
  Type: GroupType;
  GroupId?: string;
  Name: string;
  Introduction?: string;
  Notification?: string;
  FaceUrl?: string;
  MaxMemberCount?: number;
  ApplyJoinOption?: ApplyJoinOption;
  InviteJoinOption?: InviteJoinOption;
  /** Original creation time, Unix seconds. */
  CreateTime?: number;
  AppDefinedData?: KeyValue[];
  SupportTopic?: 0 | 1;
}
/** import_group response. */
export interface GroupImportGroupResponse extends TimResponse {
  GroupId: string;
}

/** import_group_member: import up to 300 members with their join times. */
export interface GroupImportGroupMemberRequest {
  GroupId: string;
  MemberList: {
    Member_Account: string;
    Role?: 'Admin';
    /** Unix seconds. */
    JoinTime?: number;
    UnreadMsgNum?: number;
  }[];
}
/** import_group_member response; Result 0 failed, 1 imported, 2 already a member. */
export interface GroupImportGroupMemberResponse extends TimResponse {
  MemberList: { Member_Account: string; Result: 0 | 1 | 2 }[];
}

/** set_unread_msg_num: set a member's unread count (after importing messages). */
export interface GroupSetUnreadMsgNumRequest {
  GroupId: string;
  Member_Account: string;
  UnreadMsgNum: number;
}
/** set_unread_msg_num response. */
export type GroupSetUnreadMsgNumResponse = TimResponse;

/** get_online_member_num: online members of a group. */
export interface GroupGetOnlineMemberNumRequest {
  GroupId: string;
}
/** get_online_member_num response. */
export interface GroupGetOnlineMemberNumResponse extends TimResponse {
  OnlineMemberNum: number;
}

/** get_group_ban_member: page through banned members (AVChatRoom). */
export interface GroupGetGroupBanMemberRequest {
  GroupId: string;
  /** Required (1047/50295): 0 first, then the answer's NextOffset. */
  Offset: number;
  /** At most 100. */
  Limit?: number;
}
/** get_group_ban_member response. */
export interface GroupGetGroupBanMemberResponse extends TimResponse {
  /** BannedUntil is a Unix time. */
  BannedAccountList: { Member_Account: string; BannedUntil: number }[];
  /** Offset of the next page; 0 when done. */
  NextOffset?: number;
}

/** ban_group_member: ban members for a duration (AVChatRoom). */
export interface GroupBanGroupMemberRequest {
  GroupId: string;
  Members_Account: string[];
  /** Seconds. */
  Duration: number;
  Description?: string;
}
/** ban_group_member response. */
export type GroupBanGroupMemberResponse = TimResponse;

/** unban_group_member: lift bans. */
export interface GroupUnbanGroupMemberRequest {
  GroupId: string;
  Members_Account: string[];
}
/** unban_group_member response. */
export type GroupUnbanGroupMemberResponse = TimResponse;

// ---- group messages ----

/** An @-mention in a group message. */
export interface GroupAtInfo {
  /** 1: @all; 0: @ a member named in GroupAt_Account. */
  GroupAtAllFlag: 0 | 1;
  GroupAt_Account?: string;
}

/** send_group_msg: send an ordinary group message. */
export interface GroupSendGroupMsgRequest {
  GroupId: string;
  /** 32-bit random number; same Random within 5 minutes = duplicate. */
  Random: number;
  MsgPriority?: 'High' | 'Normal' | 'Low' | 'Lowest';
  MsgBody: MsgBody;
  /** Sender; the admin account when omitted. */
  From_Account?: string;
  OfflinePushInfo?: OfflinePushInfo;
  /** Skip the before/after-send webhooks for this message. */
  ForbidCallbackControl?: ('ForbidBeforeSendMsgCallback' | 'ForbidAfterSendMsgCallback')[];
  /** 1: deliver to online members only, not stored. */
  OnlineOnlyFlag?: 0 | 1;
  /** "NoLastMsg": do not update the conversation's last message. */
  SendMsgControl?: 'NoLastMsg'[];
  CloudCustomData?: string;
  SupportMessageExtension?: 0 | 1;
  /** Targeted message: only these members receive it. */
  To_Account?: string[];
  TopicId?: string;
  GroupAtInfo?: GroupAtInfo[];
  /** 1: request read receipts. */
  NeedReadReceipt?: 0 | 1;
}
/** send_group_msg response. */
export interface GroupSendGroupMsgResponse extends TimResponse {
  MsgTime: number;
  MsgSeq: number;
  /** Set when the message was accepted but not delivered, e.g. "MsgFreqCtrl". */
  MsgDropReason?: string;
}

/** send_group_system_notification: a system notification to all or some members. */
export interface GroupSendGroupSystemNotificationRequest {
  GroupId: string;
  /** Recipients; all members when omitted (AVChatRoom: always all). */
  ToMembers_Account?: string[];
  Content: string;
  TopicId?: string;
}
/** send_group_system_notification response. */
export type GroupSendGroupSystemNotificationResponse = TimResponse;

/** group_msg_recall: recall group messages by sequence. */
export interface GroupGroupMsgRecallRequest {
  GroupId: string;
  MsgSeqList: MsgSeqItem[];
  TopicId?: string;
  Reason?: string;
}
/** group_msg_recall response; RetCode is per message (0 = recalled). */
export interface GroupGroupMsgRecallResponse extends TimResponse {
  RecallRetList: { MsgSeq: number; RetCode: number }[];
}

/** One message to import into a group. */
export interface ImportGroupMsgItem {
  From_Account: string;
  /** Original send time, Unix seconds. */
  SendTime: number;
  Random?: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
}
/** import_group_msg: import historical group messages (up to 7 per call). */
export interface GroupImportGroupMsgRequest {
  GroupId: string;
  /** 1: update the members' conversation list. */
  RecentContactFlag?: 0 | 1;
  MsgList: ImportGroupMsgItem[];
  TopicId?: string;
}
/** import_group_msg response; Result is per message (0 = imported). */
export interface GroupImportGroupMsgResponse extends TimResponse {
  ImportMsgResult: { MsgSeq: number; MsgTime: number; Result: number }[];
}

/** delete_group_msg_by_sender: delete one sender's messages in a group. */
export interface GroupDeleteGroupMsgBySenderRequest {
  GroupId: string;
  Sender_Account: string;
  TopicId?: string;
}
/** delete_group_msg_by_sender response. */
export type GroupDeleteGroupMsgBySenderResponse = TimResponse;

/** group_msg_get_simple: page backwards through group history (at most 20 per call). */
export interface GroupGroupMsgGetSimpleRequest {
  GroupId: string;
  /** Newest sequence to return; latest when omitted. Next page: smallest returned seq - 1. */
  ReqMsgSeq?: number;
  ReqMsgNumber: number;
  /** 1: include recalled messages (marked). */
  WithRecalledMsg?: 0 | 1;
  TopicId?: string;
}
/** One message of group_msg_get_simple. */
export interface GroupHistoryMsg {
  From_Account: string;
  /** 1: placeholder (deleted/expired); no MsgBody content. */
  IsPlaceMsg: number;
  MsgBody: MsgBody;
  /** Absent on some pages' examples. */
  MsgPriority?: number;
  MsgRandom: number;
  MsgSeq: number;
  MsgTimeStamp: number;
  CloudCustomData?: string;
  /** Recalled message marker when WithRecalledMsg is 1. */
  IsSystemMsg?: number;
  MsgFlag?: number;
}
/** group_msg_get_simple response. */
export interface GroupGroupMsgGetSimpleResponse extends TimResponse {
  GroupId: string;
  /**
   * Whether the requested range came back whole: 1 yes; 0 no (messages too long or more than
   * 20 asked); 2 no, and all of them expired. It does not mean the history has no older
   * messages: page on with ReqMsgSeq below the smallest MsgSeq (groupMsgGetSimplePages does).
   */
  IsFinished: number;
  RspMsgList: GroupHistoryMsg[];
}

/** modify_group_msg: edit a sent group message (served under `openim`). */
export interface GroupModifyGroupMsgRequest {
  GroupId: string;
  MsgSeq: number;
  MsgBody?: MsgBody;
  CloudCustomData?: string;
  TopicId?: string;
}
/** modify_group_msg response. */
export type GroupModifyGroupMsgResponse = TimResponse;

/** send_broadcast_msg: one message to every live group (AVChatRoom) of the app. */
export interface GroupSendBroadcastMsgRequest {
  From_Account?: string;
  Random: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
}
/** send_broadcast_msg response. */
export interface GroupSendBroadcastMsgResponse extends TimResponse {
  MsgSeq?: number;
}

/** clear_group_msg: clear a group's history (not for Community). */
export interface GroupClearGroupMsgRequest {
  GroupId: string;
  /** Clear messages with seq <= this; all when omitted. */
  MsgSeq?: number;
}
/** clear_group_msg response. */
export type GroupClearGroupMsgResponse = TimResponse;

/** get_group_msg_receipt: read/unread counts of messages. */
export interface GroupGetGroupMsgReceiptRequest {
  GroupId: string;
  MsgSeqList: MsgSeqItem[];
}
/** Read-receipt counts of one message; Code is per message (10062: no receipt). */
export interface GroupMsgReceiptCount {
  Code: number;
  MsgSeq: number;
  ReadNum: number;
  UnreadNum: number;
}
/** get_group_msg_receipt response. */
export interface GroupGetGroupMsgReceiptResponse extends TimResponse {
  GroupMsgReceiptList: GroupMsgReceiptCount[];
}

/** get_group_msg_receipt_detail: members who have (not) read a message, paged by Cursor. */
export interface GroupGetGroupMsgReceiptDetailRequest {
  GroupId: string;
  MsgSeq: number;
  /** 0: members who read it; 1: members who did not. */
  Filter: 0 | 1;
  /** "" on the first call, then the returned Cursor. */
  Cursor: string;
  /** At most 200. */
  Count: number;
}
/** get_group_msg_receipt_detail response. */
export interface GroupGetGroupMsgReceiptDetailResponse extends TimResponse {
  MsgSeq: number;
  ReadList?: { Read_Account: string }[];
  UnreadList?: { Unread_Account: string }[];
  /** Pass as Cursor to continue ("0" on the last page in Tencent's example). */
  Cursor: string;
  /** 1: all returned; 0: more remain. Tencent's examples spell it `IsFinish`, its table `IsFinished`. */
  IsFinish?: 0 | 1;
  IsFinished?: 0 | 1;
}

/** group_msg_receipt: mark group messages as read for a member. */
export interface GroupGroupMsgReceiptRequest {
  GroupId: string;
  /** The member who read the messages. */
  From_Account: string;
  MsgSeqList: MsgSeqItem[];
}
/** group_msg_receipt response. */
export type GroupGroupMsgReceiptResponse = TimResponse;

// ---- group attributes and counters ----

/** get_group_attr: all custom attributes of a group (service group_open_attr_http_svc). */
export interface GroupGetGroupAttrRequest {
  GroupId: string;
}
/** get_group_attr response. */
export interface GroupGetGroupAttrResponse extends TimResponse {
  GroupAttrAry: GroupAttrItem[];
}

/** modify_group_attr: add or update attributes. */
export interface GroupModifyGroupAttrRequest {
  GroupId: string;
  GroupAttr: GroupAttrItem[];
}
/** modify_group_attr response. */
export type GroupModifyGroupAttrResponse = TimResponse;

/** clear_group_attr: remove all attributes. */
export interface GroupClearGroupAttrRequest {
  GroupId: string;
}
/** clear_group_attr response. */
export type GroupClearGroupAttrResponse = TimResponse;

/** set_group_attr: replace all attributes. */
export interface GroupSetGroupAttrRequest {
  GroupId: string;
  GroupAttr: GroupAttrItem[];
}
/** set_group_attr response. */
export type GroupSetGroupAttrResponse = TimResponse;

/** get_group_counter: counters of a group (all when GroupCounterKeys is omitted). */
export interface GroupGetGroupCounterRequest {
  GroupId: string;
  GroupCounterKeys?: string[];
}
/** get_group_counter response. */
export interface GroupGetGroupCounterResponse extends TimResponse {
  GroupCounter: GroupCounterItem[];
}

/** update_group_counter: set, increase or decrease counters. */
export interface GroupUpdateGroupCounterRequest {
  GroupId: string;
  GroupCounter: GroupCounterItem[];
  /** Optional on the page (1047/53428, both languages), which names no default. */
  Mode?: 'Set' | 'Increase' | 'Decrease';
}
/** update_group_counter response: the counters after the update. */
export interface GroupUpdateGroupCounterResponse extends TimResponse {
  GroupCounter: GroupCounterItem[];
}

/** delete_group_counter: remove counters. */
export interface GroupDeleteGroupCounterRequest {
  GroupId: string;
  /** The keys to delete; every counter when absent (1047/53429). */
  GroupCounterKeys?: string[];
}
/** delete_group_counter response. */
export type GroupDeleteGroupCounterResponse = TimResponse;

// ---------------------------------------------------------------------------------------------
// liveGroup: AVChatRoom member lists, marks and admins
// ---------------------------------------------------------------------------------------------

/** get_members: online members of a live group, newest first, paged by Timestamp. */
export interface LiveGroupGetMembersRequest {
  GroupId: string;
  /** 0 on the first call, then the returned NextTimestamp. */
  Timestamp: number;
  /** Only members carrying this mark. */
  Mark?: number;
}
/** get_members response. */
export interface LiveGroupGetMembersResponse extends TimResponse {
  MemberList: { Member_Account: string; JoinTime?: number; Marks?: number[]; NickName?: string; Avatar?: string }[];
  /** Non-zero: pass as Timestamp to continue; 0: all returned. */
  NextTimestamp: number;
}

/** modify_user_info: set (1) or remove (2) member marks. */
export interface LiveGroupModifyUserInfoRequest {
  GroupId: string;
  /** 1: set marks; 2: delete marks. */
  CommandType: 1 | 2;
  MemberList: { Member_Account: string; Marks: number[] }[];
}
/** modify_user_info response: the request's command and members, as applied. */
export interface LiveGroupModifyUserInfoResponse extends TimResponse {
  CommandType?: 1 | 2;
  MemberList?: { Member_Account: string; Marks: number[] }[];
}

/** check_members: whether users are in a live group. */
export interface LiveGroupCheckMembersRequest {
  GroupId: string;
  Member_Account: string[];
}
/** check_members response: Member_Account lists the users who are in the group. */
export interface LiveGroupCheckMembersResponse extends TimResponse {
  Member_Account: string[];
}

/** get_admin_list: admins of a live group. */
export interface LiveGroupGetAdminListRequest {
  GroupId: string;
}
/** get_admin_list response. */
export interface LiveGroupGetAdminListResponse extends TimResponse {
  Admin_List: { Admin_Account: string; Avatar?: string; NickName?: string }[];
}

/** modify_admin: add (1) or remove (2) live group admins (at most 5 per group). */
export interface LiveGroupModifyAdminRequest {
  GroupId: string;
  CommandType: 1 | 2;
  Admin_Account: string[];
}
/** modify_admin response. */
export type LiveGroupModifyAdminResponse = TimResponse;

// ---------------------------------------------------------------------------------------------
// community: topics and permission groups
// ---------------------------------------------------------------------------------------------

/** Editable topic fields. */
export interface TopicFields {
  TopicName?: string;
  /** Operator. */
  From_Account?: string;
  CustomString?: string;
  FaceUrl?: string;
  Notification?: string;
  Introduction?: string;
}

/** create_topic: create a topic in a Community group. */
export interface CommunityCreateTopicRequest extends TopicFields {
  GroupId: string;
  /** Custom topic ID; generated when omitted. */
  TopicId?: string;
  TopicName: string;
}
/** create_topic response. */
export interface CommunityCreateTopicResponse extends TimResponse {
  TopicId: string;
}

/** get_topic: topic profiles (all topics when TopicIdList is omitted). */
export interface CommunityGetTopicRequest {
  GroupId: string;
  /** Required (49469, both languages): the user whose SelfInfo each topic carries. */
  From_Account: string;
  TopicIdList?: string[];
  /** Topic fields to return, e.g. "TopicName", "LastMsgTime"; all when omitted. */
  ResponseFilter?: string[];
}
/** A topic's profile (fields per the filter). */
export interface CommunityTopicInfo extends TopicFields {
  TopicId: string;
  /** The Community group the topic is in (Tencent capitalises it `GroupID` here). */
  GroupID?: string;
  CreateTime?: number;
  LastMsgTime?: number;
  NextMsgSeq?: number;
  MuteAllMember?: OnOff;
}
/** One entry of get_topic; ErrorCode is per topic. */
export interface CommunityTopicAndSelfInfo {
  ErrorCode: number;
  ErrorInfo?: string;
  TopicInfo?: CommunityTopicInfo;
  /** The From_Account user's info in this topic. */
  SelfInfo?: GroupSelfInfo;
}
/** get_topic response. */
export interface CommunityGetTopicResponse extends TimResponse {
  TopicAndSelfInfo: CommunityTopicAndSelfInfo[];
}

/** modify_topic: change a topic's profile. */
export interface CommunityModifyTopicRequest extends TopicFields {
  GroupId: string;
  TopicId: string;
  MuteAllMember?: OnOff;
}
/** modify_topic response. */
export type CommunityModifyTopicResponse = TimResponse;

/** destroy_topic: dissolve topics. */
export interface CommunityDestroyTopicRequest {
  GroupId: string;
  TopicIdList: string[];
}
/** destroy_topic response; ErrorCode is per topic. */
export interface CommunityDestroyTopicResponse extends TimResponse {
  DestroyResultItem: { ErrorCode: number; ErrorInfo?: string; TopicId: string }[];
}

/** import_topic: import a topic with its original creation time. */
export interface CommunityImportTopicRequest extends TopicFields {
  GroupId: string;
  TopicId?: string;
  TopicName: string;
  /** The group type, "Community" in Tencent's example. */
  Type?: GroupType;
  /** Original creation time, Unix seconds. */
  CreateTime?: number;
}
/** import_topic response. */
export interface CommunityImportTopicResponse extends TimResponse {
  TopicId: string;
}

/** get_online_member_num (million_group_open_http_svc): online members of a Community group. */
export interface CommunityGetOnlineMemberNumRequest {
  GroupId: string;
}
/** get_online_member_num response (refreshed about every 4 minutes). */
export interface CommunityGetOnlineMemberNumResponse extends TimResponse {
  OnlineMemberNum: number;
}

/** create_permission_group: create a permission group in a Community group. */
export interface CommunityCreatePermissionGroupRequest {
  GroupId: string;
  /** Custom ID; generated when omitted. */
  PermissionGroupId?: string;
  /** At most 150 bytes. */
  PermissionGroupName: string;
  /** Permission bits (one bit per permission). */
  Permission: number;
  /** At most 3000 bytes. */
  CustomString?: string;
}
/** create_permission_group response. */
export interface CommunityCreatePermissionGroupResponse extends TimResponse {
  PermissionGroupId: string;
}

/** A per-permission-group result with its own ErrorCode. */
export interface PermissionGroupResult {
  PermissionGroupId: string;
  ErrorCode: number;
  ErrorInfo?: string;
}

/** destroy_permission_group: remove up to 20 permission groups. */
export interface CommunityDestroyPermissionGroupRequest {
  GroupId: string;
  PermissionGroupIdList: string[];
}
/** destroy_permission_group response. */
export interface CommunityDestroyPermissionGroupResponse extends TimResponse {
  PermissionGroupResultList: PermissionGroupResult[];
}

/** modify_permission_group: change a permission group. */
export interface CommunityModifyPermissionGroupRequest {
  GroupId: string;
  PermissionGroupId: string;
  PermissionGroupName?: string;
  Permission?: number;
  CustomString?: string;
}
/** modify_permission_group response. */
export type CommunityModifyPermissionGroupResponse = TimResponse;

/** get_permission_group: permission group profiles, by ID or paged (Limit <= 20, Next cursor). */
export interface CommunityGetPermissionGroupRequest {
  GroupId: string;
  PermissionGroupIdList?: string[];
  Limit?: number;
  /** "" on the first call, then the returned Next. */
  Next?: string;
}
/** One permission group's profile. */
export interface PermissionGroupInfo extends Partial<PermissionGroupResult> {
  PermissionGroupId: string;
  PermissionGroupName?: string;
  Permission?: number;
  CustomString?: string;
  MemberNum?: number;
}
/** get_permission_group response. */
export interface CommunityGetPermissionGroupResponse extends TimResponse {
  PermissionGroupList: PermissionGroupInfo[];
  /** "" when done. */
  Next?: string;
}

/** A topic permission entry. */
export interface TopicPermissionItem {
  TopicId: string;
  /** Topic permission bits. */
  Permission: number;
}
/** A per-topic result. */
export interface TopicPermissionResult {
  TopicId: string;
  ErrorCode: number;
  ErrorInfo?: string;
}

/** add_topic_permission_group: grant topic permissions to a permission group (<= 50 per call). */
export interface CommunityAddTopicPermissionGroupRequest {
  GroupId: string;
  PermissionGroupId: string;
  TopicPermissionList: TopicPermissionItem[];
}
/** add_topic_permission_group response. */
export interface CommunityAddTopicPermissionGroupResponse extends TimResponse {
  TopicPermissionResultList?: TopicPermissionResult[];
}

/** set_topic_permission_group: change topic permissions of a permission group. */
export interface CommunitySetTopicPermissionGroupRequest {
  GroupId: string;
  PermissionGroupId: string;
  TopicPermissionList: TopicPermissionItem[];
}
/** set_topic_permission_group response. */
export interface CommunitySetTopicPermissionGroupResponse extends TimResponse {
  TopicPermissionResultList?: TopicPermissionResult[];
}

/** delete_topic_permission_group: remove topic permissions from a permission group. */
export interface CommunityDeleteTopicPermissionGroupRequest {
  GroupId: string;
  PermissionGroupId: string;
  TopicIdList: string[];
}
/** delete_topic_permission_group response. */
export interface CommunityDeleteTopicPermissionGroupResponse extends TimResponse {
  TopicPermissionResultList?: TopicPermissionResult[];
}

/** get_topic_permission_group: topic permissions of a permission group. */
export interface CommunityGetTopicPermissionGroupRequest {
  GroupId: string;
  PermissionGroupId: string;
  /** All topics when omitted. */
  TopicIdList?: string[];
}
/** get_topic_permission_group response. */
export interface CommunityGetTopicPermissionGroupResponse extends TimResponse {
  TopicPermissionResultList: (TopicPermissionItem & Partial<TopicPermissionResult>)[];
}

/** add_permission_group_member: add up to 100 members to a permission group. */
export interface CommunityAddPermissionGroupMemberRequest {
  GroupId: string;
  PermissionGroupId: string;
  MemberList: MemberAccountItem[];
}
/** add_permission_group_member response; Result is per member. */
export interface CommunityAddPermissionGroupMemberResponse extends TimResponse {
  MemberList: { Member_Account: string; Result: number }[];
}

/** delete_permission_group_member: remove up to 100 members from a permission group. */
export interface CommunityDeletePermissionGroupMemberRequest {
  GroupId: string;
  PermissionGroupId: string;
  MemberList: MemberAccountItem[];
}
/** delete_permission_group_member response. */
export type CommunityDeletePermissionGroupMemberResponse = TimResponse;

/** get_permission_group_member_list: members of a permission group (Limit <= 50, Next cursor). */
export interface CommunityGetPermissionGroupMemberListRequest {
  GroupId: string;
  PermissionGroupId: string;
  Limit?: number;
  /** "" on the first call, then the returned Next. */
  Next?: string;
}
/** get_permission_group_member_list response. */
export interface CommunityGetPermissionGroupMemberListResponse extends TimResponse {
  MemberList: GroupMemberInfo[];
  /** "" when done. */
  Next: string;
}

// ---------------------------------------------------------------------------------------------
// officialAccount: official accounts (channels), their messages and subscribers
// ---------------------------------------------------------------------------------------------

/** Editable official account fields. */
export interface OfficialAccountFields {
  /** At most 150 bytes. */
  Name?: string;
  /** At most 400 bytes. */
  Introduction?: string;
  /** At most 500 bytes. */
  FaceUrl?: string;
  /** Default 100 000. */
  MaxSubscriberNum?: number;
  /** At most 500 bytes. */
  Organization?: string;
  /** At most 3000 bytes. */
  CustomString?: string;
}

/** create_official_account: create an official account. */
export interface OfficialAccountCreateOfficialAccountRequest extends OfficialAccountFields {
  /** Owner's UserID (must be imported). */
  Owner_Account: string;
  /** Custom ID, prefix "@TOA#_"; generated when omitted. */
  OfficialAccountUserID?: string;
  Name: string;
}
/** create_official_account response. */
export interface OfficialAccountCreateOfficialAccountResponse extends TimResponse {
  /** The official account's UserID. */
  OfficialAccountUserID: string;
}

/** destroy_official_account: delete an official account. */
export interface OfficialAccountDestroyOfficialAccountRequest {
  Official_Account: string;
}
/** destroy_official_account response. */
export type OfficialAccountDestroyOfficialAccountResponse = TimResponse;

/** modify_official_account_base_info: change an official account's profile. */
export interface OfficialAccountModifyOfficialAccountBaseInfoRequest extends OfficialAccountFields {
  Official_Account: string;
}
/** modify_official_account_base_info response. */
export type OfficialAccountModifyOfficialAccountBaseInfoResponse = TimResponse;

/** get_official_account_info: profiles of up to 50 official accounts. */
export interface OfficialAccountGetOfficialAccountInfoRequest {
  OfficialAccountIdList: { Official_Account: string }[];
  ResponseFilter?: {
    /** e.g. "Name", "CreateTime", "SubscriberNum"; all when omitted. */
    OfficialAccountBaseInfoFilter?: string[];
  };
}
/** One official account's profile (fields per the filter); ErrorCode is per account. */
export interface OfficialAccountInfo extends OfficialAccountFields {
  Official_Account?: string;
  OfficialAccountUserID?: string;
  ErrorCode?: number;
  ErrorInfo?: string;
  Owner_Account?: string;
  CreateTime?: number;
  InfoSeq?: number;
  LastInfoTime?: number;
  LastMsgTime?: number;
  NextMsgSeq?: number;
  SubscriberNum?: number;
}
/** get_official_account_info response. */
export interface OfficialAccountGetOfficialAccountInfoResponse extends TimResponse {
  OfficialAccountInfoList: OfficialAccountInfo[];
}

/** send_official_account_msg: publish a message to all subscribers. */
export interface OfficialAccountSendOfficialAccountMsgRequest {
  Official_Account: string;
  /** 32-bit random number used for deduplication. */
  Random: number;
  MsgBody: MsgBody;
  OfflinePushInfo?: OfflinePushInfo;
  /** Skip the before/after-send webhooks for this message. */
  ForbidCallbackControl?: ('ForbidBeforeSendMsgCallback' | 'ForbidAfterSendMsgCallback')[];
  OnlineOnlyFlag?: 0 | 1;
  /** "NoLastMsg": do not update the conversation's last message. */
  SendMsgControl?: 'NoLastMsg'[];
  CloudCustomData?: string;
}
/** send_official_account_msg response. */
export interface OfficialAccountSendOfficialAccountMsgResponse extends TimResponse {
  MsgTime: number;
  /** Unique message key (at most 50 characters), used for recall. */
  MsgKey: string;
}

/** official_account_msg_recall: recall up to 10 messages by MsgKey. */
export interface OfficialAccountOfficialAccountMsgRecallRequest {
  Official_Account: string;
  /** At most 10 keys. */
  MsgKeyList: string[];
  Reason?: string;
}
/** official_account_msg_recall response; RetCode is per message (0 = recalled). */
export interface OfficialAccountOfficialAccountMsgRecallResponse extends TimResponse {
  RecallRetList: { MsgKey: string; RetCode: number }[];
}

/** official_account_msg_get_simple: page backwards through an official account's messages. */
export interface OfficialAccountOfficialAccountMsgGetSimpleRequest {
  Official_Account: string;
  /** Continue before this key; latest when omitted. */
  LastMsgKey?: string;
  ReqMsgNumber: number;
  WithRecalledMsg?: 0 | 1;
}
/** One message of official_account_msg_get_simple. */
export interface OfficialAccountHistoryMsg {
  MsgKey: string;
  MsgSeq?: number;
  MsgRandom?: number;
  MsgTimeStamp: number;
  MsgBody: MsgBody;
  CloudCustomData?: string;
  IsPlaceMsg?: number;
}
/** official_account_msg_get_simple response. */
export interface OfficialAccountOfficialAccountMsgGetSimpleResponse extends TimResponse {
  Official_Account: string;
  /** 1: whole range returned; 0: cut short (too long or > 20); 2: older messages expired. */
  IsFinished: 0 | 1 | 2;
  RspMsgList: OfficialAccountHistoryMsg[];
  /** Pass as LastMsgKey to continue. */
  LastMsgKey?: string;
}

/** A subscriber entry. */
export interface OfficialAccountSubscriber {
  Subscriber_Account: string;
  CustomString?: string;
}

/** add_subscriber: add up to 100 subscribers. */
export interface OfficialAccountAddSubscriberRequest {
  Official_Account: string;
  SubscriberList: OfficialAccountSubscriber[];
}
/** add_subscriber response: per subscriber, Result 0 failed, 1 added, 2 already a subscriber (60760). */
export interface OfficialAccountAddSubscriberResponse extends TimResponse {
  SubscriberList: { Subscriber_Account: string; Result: 0 | 1 | 2 }[];
}

/** delete_subscriber: remove subscribers. */
export interface OfficialAccountDeleteSubscriberRequest {
  Official_Account: string;
  /** UserIDs to unsubscribe. */
  SubscriberToDel_Account: string[];
}
/** delete_subscriber response: per account, Result 1 removed, 2 not a subscriber. */
export interface OfficialAccountDeleteSubscriberResponse extends TimResponse {
  SubscriberList: { Subscriber_Account: string; Result: number }[];
}

/** modify_subscriber_info: change a subscriber's custom string. */
export interface OfficialAccountModifySubscriberInfoRequest {
  Official_Account: string;
  Subscriber_Account: string;
  CustomString?: string;
}
/** modify_subscriber_info response. */
export type OfficialAccountModifySubscriberInfoResponse = TimResponse;

/** get_subscriber_info: page through subscribers (Limit <= 200, Next cursor). */
export interface OfficialAccountGetSubscriberInfoRequest {
  Official_Account: string;
  Limit?: number;
  /** "" on the first call, then the returned Next. */
  Next?: string;
}
/** get_subscriber_info response. */
export interface OfficialAccountGetSubscriberInfoResponse extends TimResponse {
  SubscriberNum: number;
  SubscriberList: (OfficialAccountSubscriber & {
    SubscribeTime?: number;
    MsgFlag?: GroupMsgFlag;
    LastSendMsgTime?: number;
  })[];
  /** "" when done. */
  Next: string;
}

/** get_subscribed_official_account_list: accounts a user subscribes to (Limit <= 200, Offset). */
export interface OfficialAccountGetSubscribedOfficialAccountListRequest {
  Subscriber_Account: string;
  Limit?: number;
  Offset?: number;
  ResponseFilter?: {
    OfficialAccountBaseInfoFilter?: string[];
    /** The subscriber's own fields, e.g. "SubscribeTime", "CustomString" (60763). */
    SelfInfoFilter?: string[];
  };
}
/** get_subscribed_official_account_list response. */
export interface OfficialAccountGetSubscribedOfficialAccountListResponse extends TimResponse {
  TotalCount: number;
  OfficialAccountInfoList: OfficialAccountInfo[];
  /** 1: all returned; 0: more remain. */
  CompleteFlag: 0 | 1;
  /** Offset for the next page. */
  Next: number;
}

// ---------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------

/** `client.group`: group management, group messages, attributes and counters. */
export interface GroupApi {
  getAppidGroupList(body: GroupGetAppidGroupListRequest, options?: CallOptions): Promise<GroupGetAppidGroupListResponse>;
  getAppidGroupListPages(body: GroupGetAppidGroupListRequest, options?: PageOptions): AsyncIterableIterator<GroupGetAppidGroupListResponse>;
  getAppidGroupListItems(body: GroupGetAppidGroupListRequest, options?: ItemOptions): ItemIterable<PageItem<GroupGetAppidGroupListResponse, 'GroupIdList'>>;
  createGroup(body: GroupCreateGroupRequest, options?: CallOptions): Promise<GroupCreateGroupResponse>;
  getGroupInfo(body: GroupGetGroupInfoRequest, options?: CallOptions): Promise<GroupGetGroupInfoResponse>;
  getGroupInfoBatched(body: GroupGetGroupInfoRequest, options?: BatchOptions): Promise<BatchedResponse<GroupGetGroupInfoResponse, ListItem<GroupGetGroupInfoRequest, 'GroupIdList'>>>;
  getGroupMemberInfo(body: GroupGetGroupMemberInfoRequest, options?: CallOptions): Promise<GroupGetGroupMemberInfoResponse>;
  getGroupMemberInfoPages(body: GroupGetGroupMemberInfoRequest, options?: PageOptions): AsyncIterableIterator<GroupGetGroupMemberInfoResponse>;
  getGroupMemberInfoItems(body: GroupGetGroupMemberInfoRequest, options?: ItemOptions): ItemIterable<PageItem<GroupGetGroupMemberInfoResponse, 'MemberList'>>;
  getSpecifiedGroupMemberInfo(body: GroupGetSpecifiedGroupMemberInfoRequest, options?: CallOptions): Promise<GroupGetSpecifiedGroupMemberInfoResponse>;
  getSpecifiedGroupMemberInfoBatched(body: GroupGetSpecifiedGroupMemberInfoRequest, options?: BatchOptions): Promise<BatchedResponse<GroupGetSpecifiedGroupMemberInfoResponse, ListItem<GroupGetSpecifiedGroupMemberInfoRequest, 'Member_List_Account'>>>;
  modifyGroupBaseInfo(body: GroupModifyGroupBaseInfoRequest, options?: CallOptions): Promise<GroupModifyGroupBaseInfoResponse>;
  addGroupMember(body: GroupAddGroupMemberRequest, options?: CallOptions): Promise<GroupAddGroupMemberResponse>;
  addGroupMemberBatched(body: GroupAddGroupMemberRequest, options?: BatchOptions): Promise<BatchedResponse<GroupAddGroupMemberResponse, ListItem<GroupAddGroupMemberRequest, 'MemberList'>>>;
  deleteGroupMember(body: GroupDeleteGroupMemberRequest, options?: CallOptions): Promise<GroupDeleteGroupMemberResponse>;
  deleteGroupMemberBatched(body: GroupDeleteGroupMemberRequest, options?: BatchOptions): Promise<BatchedResponse<GroupDeleteGroupMemberResponse, ListItem<GroupDeleteGroupMemberRequest, 'MemberToDel_Account'>>>;
  modifyGroupMemberInfo(body: GroupModifyGroupMemberInfoRequest, options?: CallOptions): Promise<GroupModifyGroupMemberInfoResponse>;
  destroyGroup(body: GroupDestroyGroupRequest, options?: CallOptions): Promise<GroupDestroyGroupResponse>;
  getJoinedGroupList(body: GroupGetJoinedGroupListRequest, options?: CallOptions): Promise<GroupGetJoinedGroupListResponse>;
  getJoinedGroupListPages(body: GroupGetJoinedGroupListRequest, options?: PageOptions): AsyncIterableIterator<GroupGetJoinedGroupListResponse>;
  getJoinedGroupListItems(body: GroupGetJoinedGroupListRequest, options?: ItemOptions): ItemIterable<PageItem<GroupGetJoinedGroupListResponse, 'GroupIdList'>>;
  getRoleInGroup(body: GroupGetRoleInGroupRequest, options?: CallOptions): Promise<GroupGetRoleInGroupResponse>;
  getRoleInGroupBatched(body: GroupGetRoleInGroupRequest, options?: BatchOptions): Promise<BatchedResponse<GroupGetRoleInGroupResponse, ListItem<GroupGetRoleInGroupRequest, 'User_Account'>>>;
  forbidSendMsg(body: GroupForbidSendMsgRequest, options?: CallOptions): Promise<GroupForbidSendMsgResponse>;
  forbidSendMsgBatched(body: GroupForbidSendMsgRequest, options?: BatchOptions): Promise<BatchedResponse<GroupForbidSendMsgResponse, ListItem<GroupForbidSendMsgRequest, 'Members_Account'>>>;
  getGroupMutedAccount(body: GroupGetGroupMutedAccountRequest, options?: CallOptions): Promise<GroupGetGroupMutedAccountResponse>;
  changeGroupOwner(body: GroupChangeGroupOwnerRequest, options?: CallOptions): Promise<GroupChangeGroupOwnerResponse>;
  importGroup(body: GroupImportGroupRequest, options?: CallOptions): Promise<GroupImportGroupResponse>;
  importGroupMember(body: GroupImportGroupMemberRequest, options?: CallOptions): Promise<GroupImportGroupMemberResponse>;
  importGroupMemberBatched(body: GroupImportGroupMemberRequest, options?: BatchOptions): Promise<BatchedResponse<GroupImportGroupMemberResponse, ListItem<GroupImportGroupMemberRequest, 'MemberList'>>>;
  setUnreadMsgNum(body: GroupSetUnreadMsgNumRequest, options?: CallOptions): Promise<GroupSetUnreadMsgNumResponse>;
  getOnlineMemberNum(body: GroupGetOnlineMemberNumRequest, options?: CallOptions): Promise<GroupGetOnlineMemberNumResponse>;
  getGroupBanMember(body: GroupGetGroupBanMemberRequest, options?: CallOptions): Promise<GroupGetGroupBanMemberResponse>;
  getGroupBanMemberPages(body: GroupGetGroupBanMemberRequest, options?: PageOptions): AsyncIterableIterator<GroupGetGroupBanMemberResponse>;
  getGroupBanMemberItems(body: GroupGetGroupBanMemberRequest, options?: ItemOptions): ItemIterable<PageItem<GroupGetGroupBanMemberResponse, 'BannedAccountList'>>;
  banGroupMember(body: GroupBanGroupMemberRequest, options?: CallOptions): Promise<GroupBanGroupMemberResponse>;
  unbanGroupMember(body: GroupUnbanGroupMemberRequest, options?: CallOptions): Promise<GroupUnbanGroupMemberResponse>;
  sendGroupMsg(body: GroupSendGroupMsgRequest, options?: CallOptions): Promise<GroupSendGroupMsgResponse>;
  sendGroupSystemNotification(body: GroupSendGroupSystemNotificationRequest, options?: CallOptions): Promise<GroupSendGroupSystemNotificationResponse>;
  groupMsgRecall(body: GroupGroupMsgRecallRequest, options?: CallOptions): Promise<GroupGroupMsgRecallResponse>;
  importGroupMsg(body: GroupImportGroupMsgRequest, options?: CallOptions): Promise<GroupImportGroupMsgResponse>;
  importGroupMsgBatched(body: GroupImportGroupMsgRequest, options?: BatchOptions): Promise<BatchedResponse<GroupImportGroupMsgResponse, ListItem<GroupImportGroupMsgRequest, 'MsgList'>>>;
  deleteGroupMsgBySender(body: GroupDeleteGroupMsgBySenderRequest, options?: CallOptions): Promise<GroupDeleteGroupMsgBySenderResponse>;
  groupMsgGetSimple(body: GroupGroupMsgGetSimpleRequest, options?: CallOptions): Promise<GroupGroupMsgGetSimpleResponse>;
  groupMsgGetSimplePages(body: GroupGroupMsgGetSimpleRequest, options?: PageOptions): AsyncIterableIterator<GroupGroupMsgGetSimpleResponse>;
  groupMsgGetSimpleItems(body: GroupGroupMsgGetSimpleRequest, options?: ItemOptions): ItemIterable<PageItem<GroupGroupMsgGetSimpleResponse, 'RspMsgList'>>;
  modifyGroupMsg(body: GroupModifyGroupMsgRequest, options?: CallOptions): Promise<GroupModifyGroupMsgResponse>;
  sendBroadcastMsg(body: GroupSendBroadcastMsgRequest, options?: CallOptions): Promise<GroupSendBroadcastMsgResponse>;
  clearGroupMsg(body: GroupClearGroupMsgRequest, options?: CallOptions): Promise<GroupClearGroupMsgResponse>;
  getGroupMsgReceipt(body: GroupGetGroupMsgReceiptRequest, options?: CallOptions): Promise<GroupGetGroupMsgReceiptResponse>;
  getGroupMsgReceiptDetail(body: GroupGetGroupMsgReceiptDetailRequest, options?: CallOptions): Promise<GroupGetGroupMsgReceiptDetailResponse>;
  getGroupMsgReceiptDetailPages(body: GroupGetGroupMsgReceiptDetailRequest, options?: PageOptions): AsyncIterableIterator<GroupGetGroupMsgReceiptDetailResponse>;
  getGroupMsgReceiptDetailItems(body: GroupGetGroupMsgReceiptDetailRequest, options?: ItemOptions): ItemIterable<PageItem<GroupGetGroupMsgReceiptDetailResponse, 'ReadList' | 'UnreadList'>>;
  groupMsgReceipt(body: GroupGroupMsgReceiptRequest, options?: CallOptions): Promise<GroupGroupMsgReceiptResponse>;
  getGroupAttr(body: GroupGetGroupAttrRequest, options?: CallOptions): Promise<GroupGetGroupAttrResponse>;
  modifyGroupAttr(body: GroupModifyGroupAttrRequest, options?: CallOptions): Promise<GroupModifyGroupAttrResponse>;
  clearGroupAttr(body: GroupClearGroupAttrRequest, options?: CallOptions): Promise<GroupClearGroupAttrResponse>;
  setGroupAttr(body: GroupSetGroupAttrRequest, options?: CallOptions): Promise<GroupSetGroupAttrResponse>;
  getGroupCounter(body: GroupGetGroupCounterRequest, options?: CallOptions): Promise<GroupGetGroupCounterResponse>;
  updateGroupCounter(body: GroupUpdateGroupCounterRequest, options?: CallOptions): Promise<GroupUpdateGroupCounterResponse>;
  deleteGroupCounter(body: GroupDeleteGroupCounterRequest, options?: CallOptions): Promise<GroupDeleteGroupCounterResponse>;
}

/** `client.liveGroup`: live group (AVChatRoom) members, marks and admins. */
export interface LiveGroupApi {
  getMembers(body: LiveGroupGetMembersRequest, options?: CallOptions): Promise<LiveGroupGetMembersResponse>;
  getMembersPages(body: LiveGroupGetMembersRequest, options?: PageOptions): AsyncIterableIterator<LiveGroupGetMembersResponse>;
  getMembersItems(body: LiveGroupGetMembersRequest, options?: ItemOptions): ItemIterable<PageItem<LiveGroupGetMembersResponse, 'MemberList'>>;
  modifyUserInfo(body: LiveGroupModifyUserInfoRequest, options?: CallOptions): Promise<LiveGroupModifyUserInfoResponse>;
  checkMembers(body: LiveGroupCheckMembersRequest, options?: CallOptions): Promise<LiveGroupCheckMembersResponse>;
  getAdminList(body: LiveGroupGetAdminListRequest, options?: CallOptions): Promise<LiveGroupGetAdminListResponse>;
  modifyAdmin(body: LiveGroupModifyAdminRequest, options?: CallOptions): Promise<LiveGroupModifyAdminResponse>;
}

/** `client.community`: Community topics and permission groups. */
export interface CommunityApi {
  createTopic(body: CommunityCreateTopicRequest, options?: CallOptions): Promise<CommunityCreateTopicResponse>;
  getTopic(body: CommunityGetTopicRequest, options?: CallOptions): Promise<CommunityGetTopicResponse>;
  modifyTopic(body: CommunityModifyTopicRequest, options?: CallOptions): Promise<CommunityModifyTopicResponse>;
  destroyTopic(body: CommunityDestroyTopicRequest, options?: CallOptions): Promise<CommunityDestroyTopicResponse>;
  importTopic(body: CommunityImportTopicRequest, options?: CallOptions): Promise<CommunityImportTopicResponse>;
  getOnlineMemberNum(body: CommunityGetOnlineMemberNumRequest, options?: CallOptions): Promise<CommunityGetOnlineMemberNumResponse>;
  createPermissionGroup(body: CommunityCreatePermissionGroupRequest, options?: CallOptions): Promise<CommunityCreatePermissionGroupResponse>;
  destroyPermissionGroup(body: CommunityDestroyPermissionGroupRequest, options?: CallOptions): Promise<CommunityDestroyPermissionGroupResponse>;
  destroyPermissionGroupBatched(body: CommunityDestroyPermissionGroupRequest, options?: BatchOptions): Promise<BatchedResponse<CommunityDestroyPermissionGroupResponse, ListItem<CommunityDestroyPermissionGroupRequest, 'PermissionGroupIdList'>>>;
  modifyPermissionGroup(body: CommunityModifyPermissionGroupRequest, options?: CallOptions): Promise<CommunityModifyPermissionGroupResponse>;
  getPermissionGroup(body: CommunityGetPermissionGroupRequest, options?: CallOptions): Promise<CommunityGetPermissionGroupResponse>;
  getPermissionGroupPages(body: CommunityGetPermissionGroupRequest, options?: PageOptions): AsyncIterableIterator<CommunityGetPermissionGroupResponse>;
  getPermissionGroupItems(body: CommunityGetPermissionGroupRequest, options?: ItemOptions): ItemIterable<PageItem<CommunityGetPermissionGroupResponse, 'PermissionGroupList'>>;
  addTopicPermissionGroup(body: CommunityAddTopicPermissionGroupRequest, options?: CallOptions): Promise<CommunityAddTopicPermissionGroupResponse>;
  addTopicPermissionGroupBatched(body: CommunityAddTopicPermissionGroupRequest, options?: BatchOptions): Promise<BatchedResponse<CommunityAddTopicPermissionGroupResponse, ListItem<CommunityAddTopicPermissionGroupRequest, 'TopicPermissionList'>>>;
  setTopicPermissionGroup(body: CommunitySetTopicPermissionGroupRequest, options?: CallOptions): Promise<CommunitySetTopicPermissionGroupResponse>;
  deleteTopicPermissionGroup(body: CommunityDeleteTopicPermissionGroupRequest, options?: CallOptions): Promise<CommunityDeleteTopicPermissionGroupResponse>;
  getTopicPermissionGroup(body: CommunityGetTopicPermissionGroupRequest, options?: CallOptions): Promise<CommunityGetTopicPermissionGroupResponse>;
  addPermissionGroupMember(body: CommunityAddPermissionGroupMemberRequest, options?: CallOptions): Promise<CommunityAddPermissionGroupMemberResponse>;
  addPermissionGroupMemberBatched(body: CommunityAddPermissionGroupMemberRequest, options?: BatchOptions): Promise<BatchedResponse<CommunityAddPermissionGroupMemberResponse, ListItem<CommunityAddPermissionGroupMemberRequest, 'MemberList'>>>;
  deletePermissionGroupMember(body: CommunityDeletePermissionGroupMemberRequest, options?: CallOptions): Promise<CommunityDeletePermissionGroupMemberResponse>;
  deletePermissionGroupMemberBatched(body: CommunityDeletePermissionGroupMemberRequest, options?: BatchOptions): Promise<BatchedResponse<CommunityDeletePermissionGroupMemberResponse, ListItem<CommunityDeletePermissionGroupMemberRequest, 'MemberList'>>>;
  getPermissionGroupMemberList(body: CommunityGetPermissionGroupMemberListRequest, options?: CallOptions): Promise<CommunityGetPermissionGroupMemberListResponse>;
  getPermissionGroupMemberListPages(body: CommunityGetPermissionGroupMemberListRequest, options?: PageOptions): AsyncIterableIterator<CommunityGetPermissionGroupMemberListResponse>;
  getPermissionGroupMemberListItems(body: CommunityGetPermissionGroupMemberListRequest, options?: ItemOptions): ItemIterable<PageItem<CommunityGetPermissionGroupMemberListResponse, 'MemberList'>>;
}

/** `client.officialAccount`: official accounts, their messages and subscribers. */
export interface OfficialAccountApi {
  createOfficialAccount(body: OfficialAccountCreateOfficialAccountRequest, options?: CallOptions): Promise<OfficialAccountCreateOfficialAccountResponse>;
  destroyOfficialAccount(body: OfficialAccountDestroyOfficialAccountRequest, options?: CallOptions): Promise<OfficialAccountDestroyOfficialAccountResponse>;
  modifyOfficialAccountBaseInfo(body: OfficialAccountModifyOfficialAccountBaseInfoRequest, options?: CallOptions): Promise<OfficialAccountModifyOfficialAccountBaseInfoResponse>;
  getOfficialAccountInfo(body: OfficialAccountGetOfficialAccountInfoRequest, options?: CallOptions): Promise<OfficialAccountGetOfficialAccountInfoResponse>;
  getOfficialAccountInfoBatched(body: OfficialAccountGetOfficialAccountInfoRequest, options?: BatchOptions): Promise<BatchedResponse<OfficialAccountGetOfficialAccountInfoResponse, ListItem<OfficialAccountGetOfficialAccountInfoRequest, 'OfficialAccountIdList'>>>;
  sendOfficialAccountMsg(body: OfficialAccountSendOfficialAccountMsgRequest, options?: CallOptions): Promise<OfficialAccountSendOfficialAccountMsgResponse>;
  officialAccountMsgRecall(body: OfficialAccountOfficialAccountMsgRecallRequest, options?: CallOptions): Promise<OfficialAccountOfficialAccountMsgRecallResponse>;
  officialAccountMsgRecallBatched(body: OfficialAccountOfficialAccountMsgRecallRequest, options?: BatchOptions): Promise<BatchedResponse<OfficialAccountOfficialAccountMsgRecallResponse, ListItem<OfficialAccountOfficialAccountMsgRecallRequest, 'MsgKeyList'>>>;
  officialAccountMsgGetSimple(body: OfficialAccountOfficialAccountMsgGetSimpleRequest, options?: CallOptions): Promise<OfficialAccountOfficialAccountMsgGetSimpleResponse>;
  officialAccountMsgGetSimplePages(body: OfficialAccountOfficialAccountMsgGetSimpleRequest, options?: PageOptions): AsyncIterableIterator<OfficialAccountOfficialAccountMsgGetSimpleResponse>;
  officialAccountMsgGetSimpleItems(body: OfficialAccountOfficialAccountMsgGetSimpleRequest, options?: ItemOptions): ItemIterable<PageItem<OfficialAccountOfficialAccountMsgGetSimpleResponse, 'RspMsgList'>>;
  addSubscriber(body: OfficialAccountAddSubscriberRequest, options?: CallOptions): Promise<OfficialAccountAddSubscriberResponse>;
  addSubscriberBatched(body: OfficialAccountAddSubscriberRequest, options?: BatchOptions): Promise<BatchedResponse<OfficialAccountAddSubscriberResponse, ListItem<OfficialAccountAddSubscriberRequest, 'SubscriberList'>>>;
  deleteSubscriber(body: OfficialAccountDeleteSubscriberRequest, options?: CallOptions): Promise<OfficialAccountDeleteSubscriberResponse>;
  modifySubscriberInfo(body: OfficialAccountModifySubscriberInfoRequest, options?: CallOptions): Promise<OfficialAccountModifySubscriberInfoResponse>;
  getSubscriberInfo(body: OfficialAccountGetSubscriberInfoRequest, options?: CallOptions): Promise<OfficialAccountGetSubscriberInfoResponse>;
  getSubscriberInfoPages(body: OfficialAccountGetSubscriberInfoRequest, options?: PageOptions): AsyncIterableIterator<OfficialAccountGetSubscriberInfoResponse>;
  getSubscriberInfoItems(body: OfficialAccountGetSubscriberInfoRequest, options?: ItemOptions): ItemIterable<PageItem<OfficialAccountGetSubscriberInfoResponse, 'SubscriberList'>>;
  getSubscribedOfficialAccountList(body: OfficialAccountGetSubscribedOfficialAccountListRequest, options?: CallOptions): Promise<OfficialAccountGetSubscribedOfficialAccountListResponse>;
  getSubscribedOfficialAccountListPages(body: OfficialAccountGetSubscribedOfficialAccountListRequest, options?: PageOptions): AsyncIterableIterator<OfficialAccountGetSubscribedOfficialAccountListResponse>;
  getSubscribedOfficialAccountListItems(body: OfficialAccountGetSubscribedOfficialAccountListRequest, options?: ItemOptions): ItemIterable<PageItem<OfficialAccountGetSubscribedOfficialAccountListResponse, 'OfficialAccountInfoList'>>;
}
