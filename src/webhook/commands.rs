//! The callback commands Tencent documents, and whether each one waits for our answer.
//!
//! Sources: Tencent's command list (1047/34355) and per-command pages, cross-checked with the
//! third-party doocs/qcloud-im-server-sdk-java `CallbackCommand.java` (spec section 2.5); the
//! message-extension callbacks (1047/76006, 76007) and the call callbacks TUICallKit sends to the
//! same URL (647/68940, 68941, 69215) from their pages (data/doc-examples.json). A command missing
//! from this table still reaches the handler; only its kind is unknown.

/// Whether Tencent acts on the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommandKind {
    /// Tencent waits (2 s for messages) and the answer allows, refuses, drops or modifies.
    Before,
    /// A notification: Tencent ignores the answer code.
    After,
}

impl CommandKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CommandKind::Before => "before",
            CommandKind::After => "after",
        }
    }
}

use CommandKind::{After, Before};

pub const COMMANDS: &[(&str, CommandKind)] = &[
    // Operations
    ("Alert.RequestOverLimit", After),
    // Online status
    ("State.StateChange", After),
    // Profiles and relationships
    ("Profile.CallbackPortraitSet", After),
    ("Sns.CallbackPrevFriendAdd", Before),
    ("Sns.CallbackPrevFriendResponse", Before),
    ("Sns.CallbackFriendAdd", After),
    ("Sns.CallbackFriendDelete", After),
    ("Sns.CallbackBlackListAdd", After),
    ("Sns.CallbackBlackListDelete", After),
    // Follows
    ("Follow.CallbackAfterFollowAdd", After),
    ("Follow.CallbackAfterFollowDelete", After),
    // One-to-one messages
    ("C2C.CallbackBeforeSendMsg", Before),
    ("C2C.CallbackAfterSendMsg", After),
    ("C2C.CallbackAfterMsgReport", After),
    ("C2C.CallbackAfterMsgWithDraw", After),
    ("C2C.CallbackAfterC2CMsgExtension", After),
    // Groups
    ("Group.CallbackBeforeCreateGroup", Before),
    ("Group.CallbackAfterCreateGroup", After),
    ("Group.CallbackBeforeApplyJoinGroup", Before),
    ("Group.CallbackBeforeInviteJoinGroup", Before),
    ("Group.CallbackAfterNewMemberJoin", After),
    ("Group.CallbackAfterMemberExit", After),
    ("Group.CallbackBeforeSendMsg", Before),
    ("Group.CallbackAfterSendMsg", After),
    ("Group.CallbackAfterGroupFull", After),
    ("Group.CallbackAfterGroupDestroyed", After),
    ("Group.CallbackAfterGroupInfoChanged", After),
    ("Group.CallbackOnMemberStateChange", After),
    ("Group.CallbackSendMsgException", After),
    ("Group.CallbackAfterRecallMsg", After),
    ("Group.CallbackBeforeCreateTopic", Before),
    ("Group.CallbackAfterCreateTopic", After),
    ("Group.CallbackAfterTopicDestroyed", After),
    ("Group.CallbackAfterTopicInfoChanged", After),
    ("Group.CallbackAfterMemberFieldChanged", After),
    ("Group.CallbackAfterGroupAttrChanged", After),
    ("Group.CallbackAfterReadReceipt", After),
    ("Group.CallbackAfterChangeGroupOwner", After),
    ("Group.CallbackOnDailyGroupQuotaAlarm", After),
    ("Group.CallbackAfterGroupMsgExtension", After),
    // Calls (TUICallKit): same URL, query and signature as the Chat callbacks
    ("Call.CallbackAfterStartCall", After),
    ("Call.CallbackAfterEndCall", After),
    ("Call.CallbackAfterMemberChanged", After),
    // Bots
    ("Bot.OnC2CMessage", After),
    ("Bot.OnGroupMessage", After),
    ("Chatbot.OnC2CSignalMessage", After),
    // Content moderation
    ("ContentCallback.ResultNotify", After),
    // Official accounts
    (
        "OfficialAccount.CallbackBeforeCreateOfficialAccount",
        Before,
    ),
    ("OfficialAccount.CallbackAfterCreateOfficialAccount", After),
    (
        "OfficialAccount.CallbackAfterOfficialAccountInfoChanged",
        After,
    ),
    (
        "OfficialAccount.CallbackAfterOfficialAccountDestroyed",
        After,
    ),
    ("OfficialAccount.CallbackBeforeAddSubscriber", Before),
    ("OfficialAccount.CallbackAfterAddSubscriber", After),
    ("OfficialAccount.CallbackAfterOfficialAccountFull", After),
    ("OfficialAccount.CallbackAfterDeleteSubscriber", After),
    ("OfficialAccount.CallbackBeforeSendMsg", Before),
    ("OfficialAccount.CallbackAfterSendMsg", After),
    ("OfficialAccount.CallbackAfterMsgWithDraw", After),
    // Push results
    ("Push.OfflinePush", After),
    ("Push.AllMemberPush", After),
];

/// The kind of a known command (exact, case-sensitive name), `None` for anything else.
pub fn command_kind(command: &str) -> Option<CommandKind> {
    COMMANDS
        .iter()
        .find(|(name, _)| *name == command)
        .map(|(_, k)| *k)
}
