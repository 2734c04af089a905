// The endpoint table and its methods: every row's method reaches /v4/<servicename>/<command>
// with the body given (the stand-in server parses the path and query on its own), bad input
// sends nothing, paged lists follow Tencent's cursors, batches split and merge.

// Paths written from Tencent's pages and the issue text, not from our table.
const DOCUMENTED = [
  ['group', 'createGroup', 'group_open_http_svc', 'create_group'],
  ['account', 'importAccount', 'im_open_login_svc', 'account_import'],
  ['account', 'importAccounts', 'im_open_login_svc', 'multiaccount_import'],
  ['account', 'queryOnlineStatus', 'openim', 'query_online_status'],
  ['message', 'sendMsg', 'openim', 'sendmsg'],
  ['message', 'batchSendMsg', 'openim', 'batchsendmsg'],
  ['group', 'modifyGroupMsg', 'openim', 'modify_group_msg'],
  ['group', 'getGroupAttr', 'group_open_attr_http_svc', 'get_group_attr'],
  ['operation', 'getIpList', 'ConfigSvc', 'GetIPList'],
  ['push', 'clearAllTags', 'timpush', 'clear_all_tags'],
];

const ids = (from, to) => Array.from({ length: to - from }, (_, i) => `u${from + i}`);

// The helpers each namespace must have, copied from docs/ENDPOINTS.md (Helpers column), not from
// the table: Pages for paged lists, Batched for limited lists that may be split.
const HELPERS = {
  account: 'importAccountsBatched deleteAccountsBatched checkAccountsBatched queryOnlineStatusBatched',
  message: 'batchSendMsgBatched getRoamMsgPages',
  messageExtension: '',
  push: 'imGetAttrBatched imGetTagBatched imRemoveTagBatched batchBatched setAttrBatched getAttrBatched addTagBatched clearAllTagsBatched',
  profile: 'getPortraitBatched',
  friend: 'friendDeleteBatched friendCheckBatched friendGetPages blackListAddBatched blackListGetPages',
  follow: 'followAddBatched followDeleteBatched followCheckBatched followGetPages followGetInfoBatched',
  conversation: 'getListPages searchContactGroupBatched markContactBatched getContactGroupPages',
  group: 'getAppidGroupListPages getGroupInfoBatched getGroupMemberInfoPages getSpecifiedGroupMemberInfoBatched '
    + 'addGroupMemberBatched deleteGroupMemberBatched getJoinedGroupListPages getRoleInGroupBatched forbidSendMsgBatched '
    + 'importGroupMemberBatched getGroupBanMemberPages importGroupMsgBatched groupMsgGetSimplePages getGroupMsgReceiptDetailPages',
  liveGroup: 'getMembersPages',
  community: 'destroyPermissionGroupBatched getPermissionGroupPages addTopicPermissionGroupBatched '
    + 'addPermissionGroupMemberBatched deletePermissionGroupMemberBatched getPermissionGroupMemberListPages',
  operation: '',
  officialAccount: 'getOfficialAccountInfoBatched officialAccountMsgRecallBatched officialAccountMsgGetSimplePages '
    + 'addSubscriberBatched getSubscriberInfoPages getSubscribedOfficialAccountListPages',
  bot: '',
  moderation: 'addLocalAuditKeywordsBatched deleteLocalAuditKeywordsBatched getLocalAuditKeywordsPages '
    + 'getCloudAuditKeywordsIdsPages getCloudAuditKeywordsPages deleteCloudAuditKeywordsBatched',
};

export default function register(test, tim, env) {
  const { assert } = env;
  const client = (sc) => new tim.TimClient({ sdkAppId: env.app.sdkAppId, key: env.app.key, baseUrl: sc.baseUrl });
  const isBadInput = (e) => e instanceof tim.TimError && e.kind === 'bad-input';
  const bodies = async (sc) => (await sc.requests()).map((r) => JSON.parse(r.body));

  // A body with every documented required field (list fields get one item, page sizes a number).
  const PAGE_SIZES = new Set(['WantNum', 'MaxLimited', 'ReqMsgNumber']);
  const minimalBody = (row) => {
    const body = {};
    for (const f of row.required) {
      const name = f.split('|')[0];
      body[name] = row.batchFields.includes(name) ? ['item'] : PAGE_SIZES.has(name) ? 1 : `v-${name}`;
    }
    return body;
  };

  test('the table: 165 rows, unique names, the documented fields', () => {
    const rows = tim.endpoints;
    assert.ok(Array.isArray(rows), 'endpoints is an array');
    assert.equal(rows.length, 165);
    const names = new Set(rows.map((r) => `${r.namespace}.${r.method}`));
    assert.equal(names.size, rows.length, 'namespace.method is unique');
    const paths = new Set(rows.map((r) => `${r.servicename}/${r.command}`));
    assert.equal(paths.size, rows.length, 'servicename/command is unique');
    for (const r of rows) {
      assert.match(r.retry, /^(read|idempotent|dedup-key|unsafe)$/, r.command);
      assert.ok(Number.isInteger(r.batchLimit) && r.batchLimit >= 0, r.command);
      assert.equal(typeof r.paged, 'boolean');
      assert.ok(Array.isArray(r.required));
    }
    for (const [ns, method, service, command] of DOCUMENTED) {
      const r = rows.find((x) => x.namespace === ns && x.method === method);
      assert.ok(r, `${ns}.${method} exists`);
      assert.deepEqual([r.servicename, r.command], [service, command], `${ns}.${method}`);
    }
    const limit = (c) => rows.find((r) => r.command === c).batchLimit;
    assert.deepEqual([limit('multiaccount_import'), limit('account_delete'), limit('account_check'), limit('batchsendmsg')], [100, 100, 100, 500]);
    assert.throws(() => { rows.push({}); }, undefined, 'the table is read-only');
  });

  test('every method reaches /v4/<servicename>/<command> with its body', async () => {
    const sc = await env.scenario([], { fallback: { ok: { Echo: 1 } } });
    const c = client(sc);
    const rows = tim.endpoints;
    for (const row of rows) {
      const fn = c[row.namespace]?.[row.method];
      assert.equal(typeof fn, 'function', `client.${row.namespace}.${row.method}`);
      const answer = await c[row.namespace][row.method](minimalBody(row));
      assert.equal(answer.ActionStatus, 'OK', row.command);
      assert.equal(answer.Echo, 1, row.command);
    }
    const seen = await sc.requests();
    assert.equal(seen.length, rows.length);
    rows.forEach((row, i) => {
      const r = seen[i];
      assert.equal(r.path, `/v4/${row.servicename}/${row.command}`, `${row.namespace}.${row.method}`);
      assert.ok(r.verdict.ok, `${row.command}: ${r.verdict.problems.join('; ')}`);
      const sent = JSON.parse(r.body);
      if (row.retry === 'dedup-key') {
        // The client fills the deduplication keys (MsgRandom, Random, ...) once per call.
        for (const [k, v] of Object.entries(minimalBody(row))) assert.deepEqual(sent[k], v, `${row.command}.${k}`);
      } else {
        assert.deepEqual(sent, minimalBody(row), row.command);
      }
    });
  }, { timeoutMs: 60000 });

  test('each namespace has exactly the table methods and the documented Pages / Items / Batched helpers', () => {
    const c = new tim.TimClient({ sdkAppId: env.app.sdkAppId, key: env.app.key, baseUrl: 'http://127.0.0.1:9' });
    const sorted = (xs) => [...xs].sort();
    const namespaces = new Set(tim.endpoints.map((r) => r.namespace));
    assert.deepEqual(sorted(namespaces), sorted(Object.keys(HELPERS)), 'namespaces');
    let helpers = 0;
    for (const ns of namespaces) {
      const present = [];
      for (const k in c[ns]) if (typeof c[ns][k] === 'function') present.push(k);
      const rows = tim.endpoints.filter((r) => r.namespace === ns);
      const fromTable = rows.flatMap((r) => [r.method, ...(r.paged ? [`${r.method}Pages`, `${r.method}Items`] : []), ...(r.splittable ? [`${r.method}Batched`] : [])]);
      assert.deepEqual(sorted(present), sorted(fromTable), `client.${ns} against the table`);
      const documented = HELPERS[ns].split(' ').filter(Boolean);
      assert.deepEqual(sorted(present.filter((k) => /(Pages|Batched)$/.test(k))), sorted(documented), `client.${ns} helpers against the docs`);
      // Every paged list also iterates its items.
      assert.deepEqual(sorted(present.filter((k) => /Items$/.test(k))), sorted(documented.filter((k) => k.endsWith('Pages')).map((k) => k.replace(/Pages$/, 'Items'))), `client.${ns} Items`);
      helpers += documented.length;
    }
    assert.equal(helpers, 62, '21 Pages + 41 Batched');
    assert.equal(c.group.createGroupPages, undefined);
    assert.equal(c.message.sendMsgBatched, undefined);
  });

  test('createGroup sends exactly the body given (the issue example)', async () => {
    const sc = await env.scenario([{ ok: { GroupId: '@TGS#2C5SZEAEF' } }]);
    const answer = await client(sc).group.createGroup({ Type: 'Public', Name: 'x' });
    assert.equal(answer.GroupId, '@TGS#2C5SZEAEF');
    const [r] = await sc.requests();
    assert.equal(r.path, '/v4/group_open_http_svc/create_group');
    assert.equal(r.body, '{"Type":"Public","Name":"x"}');
  });

  test('bad input is refused before anything is sent', async () => {
    const sc = await env.scenario();
    const c = client(sc);
    const cases = [
      [() => c.account.importAccounts({ Accounts: ids(0, 101) }), /Accounts has 101 items.*at most 100/],
      [() => c.message.batchSendMsg({ To_Account: ids(0, 501), MsgBody: [] }), /at most 500/],
      [() => c.group.deleteGroupMember({ GroupId: 'g', MemberToDel_Account: ids(0, 101) }), /at most 100/],
      [() => c.account.importAccount({ Nick: 'n' }), /UserID is required/],
      [() => c.account.importAccount(), /UserID is required/],
      [() => c.account.importAccounts({}), /AccountList or Accounts is required/],
      [() => c.account.checkAccounts({ CheckItem: 'u1' }), /must be an array/],
      [() => c.group.getAppidGroupList({ Limit: 10001 }), /Limit must be an integer from 1 to 10000/],
      [() => c.group.groupMsgGetSimple({ GroupId: 'g', ReqMsgNumber: 21 }), /ReqMsgNumber/],
      [() => c.group.createGroup([]), /JSON object/],
      [() => c.group.createGroup({ Type: 'Public', Name: 'x', n: 10n }), /JSON/],
      [() => c.account.importAccountsBatched({ Accounts: ['a', null, 'b'], Extra: 1n }), /JSON/],
      [() => c.group.getAppidGroupListPages({ Limit: 0 }).next(), /Limit must be/],
      [() => c.group.getAppidGroupListPages({}, { maxPages: 0 }).next(), /maxPages/],
      [() => c.account.importAccountsBatched({ Accounts: ids(0, 5) }, { concurrency: 0 }), /concurrency/],
    ];
    for (const [fn, info] of cases) {
      const e = await assert.rejects(fn, isBadInput);
      assert.match(e.message, info);
    }
    assert.equal((await sc.requests()).length, 0, 'nothing reached the server');
  });

  test('paged list: get_appid_group_list follows Next until 0', async () => {
    const sc = await env.scenario([
      { ok: { TotalCount: 5, GroupIdList: [{ GroupId: 'a' }, { GroupId: 'b' }], Next: 11 } },
      { ok: { TotalCount: 5, GroupIdList: [{ GroupId: 'c' }, { GroupId: 'd' }], Next: 22 } },
      { ok: { TotalCount: 5, GroupIdList: [{ GroupId: 'e' }], Next: 0 } },
    ]);
    const got = [];
    for await (const page of client(sc).group.getAppidGroupListPages({ Limit: 2 })) got.push(...page.GroupIdList.map((g) => g.GroupId));
    assert.deepEqual(got, ['a', 'b', 'c', 'd', 'e']);
    assert.deepEqual(await bodies(sc), [{ Limit: 2 }, { Limit: 2, Next: 11 }, { Limit: 2, Next: 22 }]);
  });

  test('paged list: admin_getroammsg continues with LastMsgTime / LastMsgKey until Complete', async () => {
    const sc = await env.scenario([
      { ok: { Complete: 0, MsgCnt: 1, LastMsgTime: 1584669680, LastMsgKey: 'k1', MsgList: [{ MsgKey: 'k1' }] } },
      { ok: { Complete: 1, MsgCnt: 1, LastMsgTime: 1584669600, LastMsgKey: 'k2', MsgList: [{ MsgKey: 'k2' }] } },
    ]);
    const req = { Operator_Account: 'user2', Peer_Account: 'user1', MaxCnt: 100, MinTime: 1584669600, MaxTime: 1584673200 };
    let n = 0;
    for await (const page of client(sc).message.getRoamMsgPages(req)) n += page.MsgList.length;
    assert.equal(n, 2);
    const sent = await bodies(sc);
    assert.deepEqual(sent[1], { ...req, MaxTime: 1584669680, LastMsgKey: 'k1' });
  });

  test('paged list: group history asks below the smallest MsgSeq', async () => {
    const sc = await env.scenario([
      { ok: { GroupId: 'g', IsFinished: 1, RspMsgList: [{ MsgSeq: 40 }, { MsgSeq: 39 }] } },
      { ok: { GroupId: 'g', IsFinished: 1, RspMsgList: [] } },
    ]);
    const pages = [];
    for await (const p of client(sc).group.groupMsgGetSimplePages({ GroupId: 'g', ReqMsgNumber: 2 })) pages.push(p);
    assert.equal(pages.length, 2);
    assert.deepEqual((await bodies(sc))[1], { GroupId: 'g', ReqMsgNumber: 2, ReqMsgSeq: 38 });
  });

  test('paging honours signal between pages and stops at maxPages', async () => {
    const sc = await env.scenario([], { fallback: { ok: { FollowItem: [{}], NextCursor: 'more' } } });
    const c = client(sc);
    const body = { From_Account: 'u', FollowType: 1, StartCursor: '', WantNum: 100 };
    const ac = new AbortController();
    let pages = 0;
    const e = await assert.rejects(async () => {
      for await (const _ of c.follow.followGetPages(body, { signal: ac.signal })) {
        pages++;
        ac.abort();
      }
    }, (err) => err instanceof tim.TimError && err.kind === 'aborted');
    assert.equal(pages, 1);
    assert.match(e.message, /aborted/);
    assert.equal((await sc.requests()).length, 1, 'no request after the abort');
    // The cursor never ends here ("more" repeats, so the next request repeats too): an error,
    // not a loop.
    const again = await assert.rejects(async () => {
      for await (const _ of c.follow.followGetPages({ ...body, StartCursor: 'more' })) { /* drain */ }
    }, (err) => err instanceof tim.TimError && err.kind === 'bad-response');
    assert.match(again.message, /did not move/);
    const sc2 = await env.scenario([
      { ok: { GroupIdList: [{}], Next: 1 } }, { ok: { GroupIdList: [{}], Next: 2 } }, { ok: { GroupIdList: [{}], Next: 3 } },
    ]);
    let n = 0;
    await assert.rejects(async () => {
      for await (const _ of client(sc2).group.getAppidGroupListPages({}, { maxPages: 2 })) n++;
    }, (err) => isBadInput(err) && /maxPages/.test(err.message));
    assert.equal(n, 2);
    assert.equal((await sc2.requests()).length, 2, 'stopped at maxPages');
  });

  test('batching: 250 accounts in 3 calls, per-item failures merged, a failed call reported', async () => {
    const sc = await env.scenario([
      { ok: { FailAccounts: ['u5'] } },
      { apiError: { ErrorCode: 70402, ErrorInfo: 'param invalid' } },
      { ok: { FailAccounts: ['u210'] } },
    ]);
    const all = ids(0, 250);
    const out = await client(sc).account.importAccountsBatched({ Accounts: all }, { concurrency: 1 });
    assert.deepEqual(out.FailAccounts, ['u5', 'u210']);
    // A failed call makes the merged answer a partial success, said at the top (issue 16).
    assert.deepEqual([out.ActionStatus, out.ErrorCode], ['FAIL', 0]);
    assert.match(out.ErrorInfo, /^1 of 3 calls failed \(100 items\)/);
    assert.equal(out.failedChunks.length, 1);
    const [f] = out.failedChunks;
    assert.equal(f.index, 1);
    assert.deepEqual(f.items, ids(100, 200));
    assert.ok(f.error instanceof tim.TimError && f.error.kind === 'api' && f.error.code === 70402);
    assert.deepEqual(out.failedItems.map((x) => x.item), ids(100, 200));
    assert.ok(out.failedItems.every((x) => x.error === f.error));
    const sent = await bodies(sc);
    assert.deepEqual(sent.map((b) => b.Accounts.length), [100, 100, 50]);
    assert.deepEqual(sent.flatMap((b) => b.Accounts), all);
  });

  test('batching: bounded concurrency sends every recipient exactly once', async () => {
    const sc = await env.scenario([], { fallback: { ok: { MsgKey: 'k', ErrorList: [{ To_Account: 'x', ErrorCode: 1 }] }, delayMs: 20 } });
    const all = ids(0, 1200);
    const out = await client(sc).message.batchSendMsgBatched({ To_Account: all, MsgRandom: 7, MsgBody: [] }, { concurrency: 3 });
    assert.equal(out.ErrorList.length, 3, 'one per call, concatenated');
    assert.deepEqual(out.failedChunks, []);
    assert.deepEqual(out.failedItems, []);
    assert.equal(out.ActionStatus, 'OK', 'every call got through: the first answer\'s envelope');
    const sent = await bodies(sc);
    assert.equal(sent.length, 3);
    assert.deepEqual(sent.flatMap((b) => b.To_Account).sort(), all.slice().sort());
    assert.ok(sent.every((b) => b.MsgRandom === 7 && b.To_Account.length <= 500));
  });

  test('batching: when every call fails the first error is thrown; small lists are one call', async () => {
    const sc = await env.scenario([], { fallback: { apiError: { ErrorCode: 70402, ErrorInfo: 'param invalid' } } });
    const c = client(sc);
    await assert.rejects(c.group.deleteGroupMemberBatched({ GroupId: 'g', MemberToDel_Account: ids(0, 150) }), (e) => e instanceof tim.TimError && e.code === 70402);
    assert.equal((await sc.requests()).length, 2);
    const sc2 = await env.scenario([{ ok: { MemberList: [{ Member_Account: 'u0', Result: 1 }] } }]);
    const out = await client(sc2).group.addGroupMemberBatched({ GroupId: 'g', MemberList: [{ Member_Account: 'u0' }] });
    assert.deepEqual(out.MemberList, [{ Member_Account: 'u0', Result: 1 }]);
    assert.equal((await sc2.requests()).length, 1);
  });
}
