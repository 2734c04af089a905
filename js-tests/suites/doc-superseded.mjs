// Documented requests the SDK does not take as they are: shown only on Tencent's 2020/2021
// pages, in a form the current page replaced. Used by the doc-examples suite (runtime) and by
// types/gen-doc-examples.mjs (tsc): the types reject every one; `runtime` says what the method's
// pre-send check does ('bad-input': refused, a required field of the current form is missing;
// 'sent': sent, since the check does not refuse unknown fields).
export const SUPERSEDED = {
  'im_open_login_svc/account_import#request-2': { now: 'UserID replaced Identifier', runtime: 'bad-input' },
  'im_open_login_svc/kick#request-2': { now: 'UserID replaced Identifier', runtime: 'bad-input' },
  'openim/admin_getroammsg#request-3': { now: 'Operator_Account/Peer_Account replaced From_Account/To_Account', runtime: 'bad-input' },
  'openim/admin_getroammsg#request-4': { now: 'Operator_Account/Peer_Account replaced From_Account/To_Account', runtime: 'bad-input' },
  'openim/admin_getroammsg#request-5': { now: 'Operator_Account/Peer_Account replaced From_Account/To_Account', runtime: 'bad-input' },
  'group_open_http_svc/forbid_send_msg#request-3': { now: 'MuteTime replaced ShutUpTime', runtime: 'bad-input' },
  'group_open_http_svc/forbid_send_msg#request-4': { now: 'MuteTime replaced ShutUpTime', runtime: 'bad-input' },
  'group_open_http_svc/modify_group_member_info#request-8': { now: 'MuteTime replaced ShutUpTime', runtime: 'sent' },
  'group_open_http_svc/modify_group_base_info#request-5': { now: 'MuteAllMember replaced ShutUpAllMember', runtime: 'sent' },
  'group_open_http_svc/modify_group_base_info#request-6': { now: 'MuteAllMember replaced ShutUpAllMember', runtime: 'sent' },
};
