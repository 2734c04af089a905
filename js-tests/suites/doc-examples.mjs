// Tencent's own examples (data/doc-examples.json, served by the stand-in) against the package:
//
//  - every documented request passes its method's pre-send check and is sent with every
//    documented field unchanged (requests of superseded forms: see doc-superseded.mjs);
//  - every documented answer, served by a stand-in fetch, resolves to the same body, and every
//    documented failure (non-zero ErrorCode) rejects with that ErrorCode;
//  - every paged method stops on each documented last page and asks for the next page after a
//    documented page that is not the last. "Last" is decided by LAST_PAGE below, written from
//    each page's paging text, not from the package's paging table.
//
// No test talks to the network: the client's `fetch` is a function in this file.
import { SUPERSEDED } from './doc-superseded.mjs';

// The end of a paged list as each Tencent page describes it: (request, answer) -> last page?
const count = (a, field) => (Array.isArray(a[field]) ? a[field].length : 0);
const LAST_PAGE = {
  // "Complete: 1 means all messages were pulled."
  'openim/admin_getroammsg': (q, a) => a.Complete === 1,
  // "CompleteFlag 1: all friends pulled; NextStartIndex for the next request otherwise."
  'sns/friend_get': (q, a) => a.CompleteFlag === 1,
  // "StartIndex 0 in the answer: the blocklist is complete."
  'sns/black_list_get': (q, a) => a.StartIndex === 0,
  // "NextCursor empty: no more pages."
  'follow/follow_get': (q, a) => !a.NextCursor,
  // "CompleteFlag 1: the list is complete."
  'recentcontact/get_list': (q, a) => a.CompleteFlag === 1,
  'recentcontact/get_contact_group': (q, a) => a.CompleteFlag === 1,
  // "Next 0: all groups returned."
  'group_open_http_svc/get_appid_group_list': (q, a) => !a.Next,
  // Community groups page with Next ("" at the end); the others with Offset/Limit, where a page
  // shorter than Limit, the end of MemberNum, or no Limit at all (everything at once) ends it.
  'group_open_http_svc/get_group_member_info': (q, a) =>
    'Next' in a
      ? a.Next === ''
      : q.Limit === undefined || count(a, 'MemberList') < q.Limit || (q.Offset ?? 0) + count(a, 'MemberList') >= a.MemberNum,
  'group_open_http_svc/get_joined_group_list': (q, a) =>
    q.Limit === undefined || count(a, 'GroupIdList') < q.Limit || (q.Offset ?? 0) + count(a, 'GroupIdList') >= a.TotalCount,
  // History is read downwards from ReqMsgSeq; IsFinished only says the requested range came back
  // whole, so the history ends with an empty page or at sequence 1.
  'group_open_http_svc/group_msg_get_simple': (q, a) =>
    count(a, 'RspMsgList') === 0 || Math.min(...a.RspMsgList.map((m) => m.MsgSeq)) <= 1,
  // The examples end with IsFinish 1 (Cursor "0"); the field table calls it IsFinished.
  'group_open_http_svc/get_group_msg_receipt_detail': (q, a) => a.IsFinish === 1 || a.IsFinished === 1 || a.Cursor === '',
  // "NextOffset 0: no more members."
  'group_open_http_svc/get_group_ban_member': (q, a) => !a.NextOffset,
  // "NextTimestamp 0: all members returned."
  'group_open_avchatroom_http_svc/get_members': (q, a) => !a.NextTimestamp,
  'group_open_http_svc/get_permission_group': (q, a) => !a.Next,
  'group_open_http_svc/get_permission_group_member_list': (q, a) => !a.Next,
  'official_account_open_http_svc/get_subscriber_info': (q, a) => !a.Next,
  'official_account_open_http_svc/get_subscribed_official_account_list': (q, a) => a.CompleteFlag === 1,
  'official_account_open_http_svc/official_account_msg_get_simple': (q, a) => count(a, 'RspMsgList') < (q.ReqMsgNumber ?? Infinity),
  'im_msg_audit_mgr/get_local_audit_keywords': (q, a) => count(a, 'LocalAuditWords') < q.Limit,
  'im_msg_audit_mgr/get_cloud_audit_keywords_ids': (q, a) => count(a, 'Infos') < q.Limit,
  'im_msg_audit_mgr/get_cloud_audit_keywords': (q, a) => count(a, 'Infos') < q.Limit,
};

// The only fields the SDK may add to a documented request: the deduplication keys it fills once
// per call when the caller left them out (shared/spec/rest-reliability-facts.md, B2).
const FILLED = {
  'openim/sendmsg': ['MsgRandom', 'MsgSeq'],
  'openim/importmsg': ['MsgRandom', 'MsgSeq'],
  'group_open_http_svc/send_group_msg': ['Random'],
};

// A documented request that continues from a documented answer (it already carries that
// answer's cursor, e.g. getRoamMsg's second request with the first answer's LastMsgKey) does not
// pair with that answer as "first page": the next request would be itself.
const CURSORS = ['LastMsgKey', 'Next', 'Cursor', 'NextCursor', 'StartCursor', 'NextStartIndex', 'NextOffset', 'NextTimestamp'];
const continues = (q, a) => CURSORS.some((k) => k in q && k in a && q[k] === a[k] && q[k] !== '' && q[k] !== 0);

const subject = (e) => `${e.servicename}/${e.command}`;
const sameDeep = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export default async function register(test, tim, env) {
  const { assert } = env;
  const data = await env.docExamples();
  const rows = new Map(tim.endpoints.map((r) => [`${r.servicename}/${r.command}`, r]));
  const pagesOf = (e) => new Set([e.source, ...(e.sameIn ?? [])]);

  // A client whose fetch records each request body and answers with `answer(n)` (n from 0).
  const client = (answer) => {
    const sent = [];
    const c = new tim.TimClient({
      sdkAppId: env.app.sdkAppId,
      key: env.app.key,
      baseUrl: 'http://127.0.0.1:9',
      fetch: async (url, init) => {
        sent.push(JSON.parse(init.body));
        return new Response(JSON.stringify(answer(sent.length - 1)), { headers: { 'content-type': 'application/json' } });
      },
    });
    return { c, sent };
  };
  const once = { maxRetries: 0 };

  const bySubject = new Map();
  for (const e of data.examples) {
    if (!e.servicename) continue;
    const list = bySubject.get(subject(e)) ?? [];
    list.push(e);
    bySubject.set(subject(e), list);
  }

  test(`the harvest: ${data.examples.length} examples, every endpoint example names a catalog row or a legacy path`, () => {
    assert.ok(data.examples.length >= 600, `${data.examples.length} examples`);
    const legacy = new Set(['openim/querystate', 'group_open_http_svc/get_group_shutted_uin']);
    const strays = [...bySubject.keys()].filter((s) => !rows.has(s) && !legacy.has(s));
    assert.deepEqual(strays, []);
  });

  for (const [path, examples] of bySubject) {
    const row = rows.get(path);
    const requests = examples.filter((e) => e.kind === 'request');
    const answers = examples.filter((e) => e.kind === 'answer');
    const current = requests.filter((e) => !SUPERSEDED[e.id]);

    if (row && requests.length) {
      test(`requests: ${row.namespace}.${row.method} takes its ${requests.length} documented bodies`, async () => {
        const problems = [];
        for (const e of requests) {
          const { c, sent } = client(() => ({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }));
          const superseded = SUPERSEDED[e.id];
          try {
            await c[row.namespace][row.method](e.body, once);
            if (superseded?.runtime === 'bad-input') problems.push(`${e.id}: sent, but ${superseded.now}`);
            else if (sent.length !== 1) problems.push(`${e.id}: ${sent.length} requests sent`);
            else {
              // Sent as documented: every documented field unchanged, nothing added but FILLED keys.
              for (const [k, v] of Object.entries(e.body)) if (!sameDeep(sent[0][k], v)) problems.push(`${e.id}: ${k} sent as ${JSON.stringify(sent[0][k])}`);
              for (const k of Object.keys(sent[0])) if (!(k in e.body) && !(FILLED[path] ?? []).includes(k)) problems.push(`${e.id}: ${k} added`);
            }
          } catch (err) {
            if (superseded?.runtime === 'bad-input' && err instanceof tim.TimError && err.kind === 'bad-input' && sent.length === 0) continue;
            problems.push(`${e.id}: ${err?.kind ?? ''} ${err?.message ?? err}`);
          }
        }
        assert.deepEqual(problems, []);
      });
    }

    if (answers.length) {
      const label = row ? `${row.namespace}.${row.method}` : `call('${examples[0].servicename}', '${examples[0].command}') (legacy path)`;
      test(`answers: ${label} resolves or rejects as its ${answers.length} documented answers say`, async () => {
        const problems = [];
        const request = (current[0] ?? requests[0])?.body ?? {};
        for (const e of answers) {
          const { c, sent } = client(() => e.body);
          try {
            // The method where there is one (its check runs on the documented request), else call().
            const got = row
              ? await c[row.namespace][row.method](request, once)
              : await c.call(e.servicename, e.command, request, once);
            if (e.failure) problems.push(`${e.id}: resolved, but ErrorCode ${e.body.ErrorCode} / ActionStatus ${e.body.ActionStatus}`);
            else if (!sameDeep(got, e.body)) problems.push(`${e.id}: resolved to a different body`);
          } catch (err) {
            if (!(err instanceof tim.TimError)) problems.push(`${e.id}: threw ${err}`);
            else if (!e.failure) problems.push(`${e.id}: rejected (${err.kind} ${err.code}: ${err.info})`);
            else if (sent.length !== 1) problems.push(`${e.id}: rejected before sending (${err.kind})`);
            else if (typeof e.body.ErrorCode === 'number' && err.code !== e.body.ErrorCode) problems.push(`${e.id}: rejected with ${err.code}, not ${e.body.ErrorCode}`);
            else if (typeof e.body.ErrorCode !== 'number' && err.kind === 'bad-input') problems.push(`${e.id}: rejected as bad-input`);
          }
        }
        assert.deepEqual(problems, []);
      });
    }

    if (row?.paged) {
      const pageAnswers = answers.filter((e) => !e.failure);
      // Every documented (request, answer) pair shown on one page.
      const pairs = [];
      for (const a of pageAnswers) {
        for (const q of current) {
          if ([...pagesOf(q)].some((p) => pagesOf(a).has(p)) && !continues(q.body, a.body)) pairs.push([q, a]);
        }
      }
      if (pairs.length) {
        test(`paging: ${row.namespace}.${row.method}Pages stops on the documented last pages and goes on after the others (${pairs.length} pairs)`, async () => {
          const last = LAST_PAGE[path];
          assert.ok(last, `no documented end rule written for ${path}`);
          const problems = [];
          for (const [q, a] of pairs) {
            const isLast = last(q.body, a.body);
            const { c, sent } = client(() => a.body);
            let pages = 0;
            try {
              for await (const page of c[row.namespace][`${row.method}Pages`](q.body, { ...once, maxPages: 5 })) {
                pages++;
                if (!sameDeep(page, a.body)) problems.push(`${q.id} + ${a.id}: page ${pages} differs from the answer`);
                if (pages === 2) break;
              }
            } catch (err) {
              problems.push(`${q.id} + ${a.id}: ${err?.kind ?? ''} ${err?.message ?? err}`);
              continue;
            }
            if (isLast && sent.length !== 1) problems.push(`${q.id} + ${a.id}: a last page, but ${sent.length} requests were sent`);
            if (!isLast && sent.length !== 2) problems.push(`${q.id} + ${a.id}: not the last page, but ${sent.length} request(s) sent`);
            if (!isLast && sent.length === 2 && sameDeep(sent[0], sent[1])) problems.push(`${q.id} + ${a.id}: the next request did not move`);
          }
          assert.deepEqual(problems, []);
        });
      }
    }
  }
}
