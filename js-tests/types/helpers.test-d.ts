// Type test for the paging and batching helpers (checked by `tsc -p js-tests/types`, never run).
// `client.<ns>.<method>Pages` exists for exactly the paged lists and `<method>Batched` for exactly
// the splittable limited lists (docs/ENDPOINTS.md, Helpers column); types/surface.mjs checks the
// same sets against the runtime table. Every `@ts-expect-error` line is a mistake that must be
// rejected; if the helpers were typed `any`, those directives would be unused and tsc would fail.

import type { TimError } from '../../pkg/index';
import { TimClient } from '../../pkg/index';
import type { AccountImportItem } from '../../pkg/types/endpoints-a';

declare const client: TimClient;

// ---- Which helpers each namespace has ---------------------------------------------------------
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Helpers<N extends keyof TimClient> = Extract<keyof TimClient[N], `${string}Pages` | `${string}Batched`>;

export const pinned: { [N in keyof TimClient]?: true } = {
  account: true as Same<
    Helpers<'account'>,
    'importAccountsBatched' | 'deleteAccountsBatched' | 'checkAccountsBatched' | 'queryOnlineStatusBatched'
  >,
  message: true as Same<Helpers<'message'>, 'batchSendMsgBatched' | 'getRoamMsgPages'>,
  messageExtension: true as Same<Helpers<'messageExtension'>, never>,
  push: true as Same<
    Helpers<'push'>,
    | 'imGetAttrBatched' | 'imGetTagBatched' | 'imRemoveTagBatched' | 'batchBatched' | 'setAttrBatched'
    | 'getAttrBatched' | 'getTagBatched' | 'addTagBatched' | 'removeTagBatched' | 'clearAllTagsBatched'
  >,
  profile: true as Same<Helpers<'profile'>, 'getPortraitBatched'>,
  friend: true as Same<
    Helpers<'friend'>,
    'friendDeleteBatched' | 'friendCheckBatched' | 'friendGetPages' | 'blackListAddBatched' | 'blackListGetPages'
  >,
  follow: true as Same<
    Helpers<'follow'>,
    'followAddBatched' | 'followDeleteBatched' | 'followCheckBatched' | 'followGetPages' | 'followGetInfoBatched'
  >,
  conversation: true as Same<
    Helpers<'conversation'>,
    'getListPages' | 'searchContactGroupBatched' | 'markContactBatched' | 'getContactGroupPages'
  >,
  group: true as Same<
    Helpers<'group'>,
    | 'getAppidGroupListPages' | 'getGroupInfoBatched' | 'getGroupMemberInfoPages'
    | 'getSpecifiedGroupMemberInfoBatched' | 'addGroupMemberBatched' | 'deleteGroupMemberBatched'
    | 'getJoinedGroupListPages' | 'getRoleInGroupBatched' | 'forbidSendMsgBatched'
    | 'importGroupMemberBatched' | 'getGroupBanMemberPages' | 'importGroupMsgBatched'
    | 'groupMsgGetSimplePages' | 'getGroupMsgReceiptDetailPages'
  >,
  liveGroup: true as Same<Helpers<'liveGroup'>, 'getMembersPages'>,
  community: true as Same<
    Helpers<'community'>,
    | 'destroyPermissionGroupBatched' | 'getPermissionGroupPages' | 'addTopicPermissionGroupBatched'
    | 'addPermissionGroupMemberBatched' | 'deletePermissionGroupMemberBatched' | 'getPermissionGroupMemberListPages'
  >,
  operation: true as Same<Helpers<'operation'>, never>,
  officialAccount: true as Same<
    Helpers<'officialAccount'>,
    | 'getOfficialAccountInfoBatched' | 'officialAccountMsgRecallBatched' | 'officialAccountMsgGetSimplePages'
    | 'addSubscriberBatched' | 'getSubscriberInfoPages' | 'getSubscribedOfficialAccountListPages'
  >,
  bot: true as Same<Helpers<'bot'>, never>,
  moderation: true as Same<
    Helpers<'moderation'>,
    | 'addLocalAuditKeywordsBatched' | 'deleteLocalAuditKeywordsBatched' | 'getLocalAuditKeywordsPages'
    | 'getCloudAuditKeywordsIdsPages' | 'getCloudAuditKeywordsPages' | 'deleteCloudAuditKeywordsBatched'
  >,
};
// The check can fail: a set missing one helper is not the same set.
// @ts-expect-error
export const incomplete: true = true as Same<Helpers<'message'>, 'getRoamMsgPages'>;

// ---- Pages ----------------------------------------------------------------------------------
export async function pages(signal: AbortSignal): Promise<void> {
  const roam = { Operator_Account: 'user2', Peer_Account: 'user1', MaxCnt: 100, MinTime: 1584669600, MaxTime: 1584673200 };
  for await (const page of client.message.getRoamMsgPages(roam, { signal, maxPages: 50, timeoutMs: 3000, maxRetries: 1 })) {
    const complete: 0 | 1 = page.Complete;
    const key: string = page.MsgList[0].MsgKey;
    void [complete, key];
    // @ts-expect-error each page is the method's answer, not a made-up shape
    void page.Messages;
  }
  const it = client.group.getAppidGroupListPages({ Limit: 1000 });
  const first = await it.next();
  if (!first.done) {
    const id: string = first.value.GroupIdList[0].GroupId;
    void id;
  }
  for await (const members of client.group.getGroupMemberInfoPages({ GroupId: '@TGS#1NVTZEAE4', Limit: 100 })) {
    void members.MemberList.length;
  }

  // @ts-expect-error only paged lists have Pages: create_group is not one
  client.group.createGroupPages({ Type: 'Public', Name: 'x' });
  // @ts-expect-error messageExtension.getKeyValues is deliberately not automated
  client.messageExtension.getKeyValuesPages({ To_Account: 'a', MsgKey: 'k' });
  // @ts-expect-error an async iterator of pages, not a promise of one page
  const onePage: Promise<unknown> = client.group.getAppidGroupListPages({});
  // @ts-expect-error the first body is checked like the method's (Peer_Account is required)
  client.message.getRoamMsgPages({ Operator_Account: 'user2', MaxCnt: 100, MinTime: 0, MaxTime: 1 });
  // @ts-expect-error maxPages is a number
  client.group.getAppidGroupListPages({}, { maxPages: '5' });
  // @ts-expect-error concurrency is a Batched option
  client.group.getAppidGroupListPages({}, { concurrency: 2 });
  void onePage;
}

// ---- Batched --------------------------------------------------------------------------------
export async function batched(ids: string[]): Promise<void> {
  const imp = await client.account.importAccountsBatched({ Accounts: ids }, { concurrency: 4, timeoutMs: 5000 });
  const failedIds: string[] | undefined = imp.FailAccounts;
  for (const chunk of imp.failedChunks) {
    const index: number = chunk.index;
    // Items are the list's items; importAccounts takes either body form.
    const item: string | AccountImportItem = chunk.items[0];
    const error: TimError = chunk.error;
    const retryable: boolean = chunk.error.retryable;
    void [index, item, error, retryable];
  }
  void failedIds;

  const del = await client.group.deleteGroupMemberBatched({ GroupId: 'g', MemberToDel_Account: ids });
  const who: string = del.failedChunks[0].items[0];
  // @ts-expect-error failed items keep the list's item type (strings here)
  const asNumber: number = del.failedChunks[0].items[0];
  void [who, asNumber];

  const chk = await client.account.checkAccountsBatched({ CheckItem: ids.map((UserID) => ({ UserID })) });
  const status: 'Imported' | 'NotImported' = chk.ResultItem[0].AccountStatus;
  const checked: { UserID: string } = chk.failedChunks[0].items[0];
  void [status, checked];

  const sent = await client.message.batchSendMsgBatched({ To_Account: ids, MsgRandom: 7, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi' } }] });
  void sent.failedChunks.length;

  // @ts-expect-error only splittable limited lists have Batched: sendmsg has no list
  client.message.sendMsgBatched({ To_Account: 'u', MsgBody: [] });
  // @ts-expect-error group_set_key_values keeps each call's keys together (one compare-and-set)
  client.messageExtension.groupSetKeyValuesBatched({ GroupId: 'g', MsgSeq: 1, OperateType: 3 });
  // @ts-expect-error concurrency is a number
  client.account.checkAccountsBatched({ CheckItem: [{ UserID: 'a' }] }, { concurrency: 'max' });
  // @ts-expect-error maxPages is a Pages option
  client.account.checkAccountsBatched({ CheckItem: [{ UserID: 'a' }] }, { maxPages: 2 });
  // @ts-expect-error the merged answer is still the method's answer
  void imp.ResultItem;
}

// The helper types are exported by the package.
import type { BatchOptions, BatchedResponse, FailedChunk, PageOptions } from '../../pkg/index';
export const pageOptions: PageOptions = { maxPages: 3, signal: new AbortController().signal };
export const batchOptions: BatchOptions = { concurrency: 2, deadlineMs: 10_000 };
export type ImportResult = BatchedResponse<{ FailAccounts?: string[] }, string>;
export declare const someChunk: FailedChunk<string>;

// ---- <method>Items, metadata, hooks (issue 16) ------------------------------------------------
import type { CallEvent, ItemIterable, ResponseMeta } from '../../pkg/index';
import { responseMeta, wasmMemoryBytes } from '../../pkg/index';

export async function items(): Promise<void> {
  const groups: ItemIterable<{ GroupId: string }> = client.group.getAppidGroupListItems({ Limit: 100 }, { limit: 250 });
  for await (const g of groups) void g.GroupId.toUpperCase();
  const all = await client.group.getAppidGroupListItems({}).toArray({ limit: 10 });
  const first: string = all[0].GroupId;
  // @ts-expect-error items are the list's items, not pages
  void all[0].Next;
  // @ts-expect-error only paged lists have Items
  client.group.createGroupItems({ Type: 'Public', Name: 'x' });
  // @ts-expect-error limit is a number
  client.group.getAppidGroupListItems({}, { limit: 'all' });
  const partial = await client.account.importAccountsBatched({ Accounts: ['a'] });
  const failedItem: string | AccountImportItem = partial.failedItems[0].item;
  const failedCode: number = partial.failedItems[0].error.code;
  const marked: 'OK' | 'FAIL' = partial.ActionStatus;
  void [first, failedItem, failedCode, marked];
}

export async function observed(): Promise<void> {
  const seen: CallEvent[] = [];
  const c = new (null as unknown as typeof TimClient)({ sdkAppId: 1, key: 'k', hooks: { onRetry: (e) => void seen.push(e) }, logLevel: 'warn' });
  const answer = await c.call('openim', 'sendmsg', {}, { hooks: { onError: (e) => void e.decision } });
  const meta: ResponseMeta | undefined = responseMeta(answer);
  const id: number | undefined = meta?.requestId;
  const bytes: number = wasmMemoryBytes();
  // @ts-expect-error logLevel is one of the named levels
  new (null as unknown as typeof TimClient)({ sdkAppId: 1, key: 'k', logLevel: 'verbose' });
  try {
    await c.call('openim', 'sendmsg', {});
  } catch (e) {
    const err = e as TimError;
    const requestId: number | null = err.requestId;
    const host: string = err.host;
    void [requestId, host];
  }
  void [id, bytes];
}
