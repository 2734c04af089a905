// Shapes shared by many Tencent Chat REST endpoints (field names verbatim from Tencent's docs).
// Both endpoint type files (endpoints-a.d.ts, endpoints-b.d.ts) import from here; extend it with
// small insertions only.

import type { TimError } from '../index.js';

/** Observer hooks (client option `hooks`, and per call): each gets one event; errors they throw are ignored. */
export interface CallHooks {
  onRequest?(event: CallEvent): unknown;
  onResponse?(event: CallEvent): unknown;
  onRetry?(event: CallEvent): unknown;
  onError?(event: CallEvent): unknown;
}

/**
 * What a call reports (no key or UserSig: `url` has `usersig=<redacted>`).
 * request: before each attempt. response: after it (`outcome`, `status`, `errorCode`,
 * `durationMs`). retry: before the next attempt (`decision`: retry | failover | refresh-usersig,
 * `delayMs`, `nextHost`, `message`). error: the call failed (`decision`: permanent |
 * retries-exhausted | deadline | not-resent | aborted, `kind`, `message`, `durationMs` of the call).
 */
export interface CallEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  service: string;
  command: string;
  /** 1 for the first attempt (for retry: the attempt about to be made; for error: attempts made). */
  attempt: number;
  /** The origin the attempt went to. */
  host: string;
  /** The attempt's `random` query value: what Tencent support asks for. */
  requestId: number;
  url?: string;
  status?: number;
  errorCode?: number;
  durationMs?: number;
  outcome?: 'ok' | 'api-error' | 'http-error' | 'bad-body' | 'network' | 'timeout' | 'aborted';
  decision?: string;
  delayMs?: number;
  nextHost?: string;
  kind?: string;
  message?: string;
}

/** Per-call options accepted by every endpoint method. */
export interface CallOptions {
  /** Abort the call (and any retries) when this signal fires. An AbortSignal, or an object with its interface (a boolean `aborted` and `addEventListener`). */
  signal?: AbortSignal | { readonly aborted: boolean; addEventListener(type: 'abort', listener: (...args: any[]) => unknown): unknown };
  /** Hooks for this call only (after the client's). */
  hooks?: CallHooks;
  /** Per-attempt timeout in milliseconds (default 10 000). */
  timeoutMs?: number;
  /** Upper bound on retries for this call (only calls that are safe to retry are retried). */
  maxRetries?: number;
  /** Overall time budget in milliseconds, across all attempts. */
  deadlineMs?: number;
}

/**
 * Options of `<method>Pages`: the CallOptions apply to every page's call (and `signal` is also
 * checked between pages: an aborted signal ends the loop with a TimError of kind 'aborted').
 */
export interface PageOptions extends CallOptions {
  /** Most pages to read before giving up with a 'bad-input' TimError (default 10000). */
  maxPages?: number;
}

/** Options of `<method>Items`: those of `<method>Pages`, and `limit`, the most items to yield. */
export interface ItemOptions extends PageOptions {
  /** At most this many items (1 or more); all by default. */
  limit?: number;
}

/**
 * What `<method>Items` returns: `for await (const item of ...)` over every item of every page, in
 * order (pages are fetched as the loop needs them; `signal` also ends it between items).
 */
export interface ItemIterable<Item> extends AsyncIterable<Item> {
  /** Every item (at most `limit`, the smaller of this and the method's option) as an array. */
  toArray(options?: { limit?: number }): Promise<Item[]>;
}

/** The item type of a page's list field(s) `K`. */
export type PageItem<Res, K extends string> = { [P in K & keyof Res]-?: ItemOf<NonNullable<Res[P]>> }[K & keyof Res];

/** Options of `<method>Batched`: the CallOptions apply to each chunk's call. */
export interface BatchOptions extends CallOptions {
  /** Chunk calls in flight at once, 1 to 32 (default 4). */
  concurrency?: number;
}

/** A chunk of a batched call that failed as a whole; its items are not in the merged answer. */
export interface FailedChunk<Item = unknown> {
  /** Position of the chunk, counting from 0 in list order. */
  index: number;
  /** The chunk's items, as sent. */
  items: Item[];
  error: TimError;
}

/**
 * What `<method>Batched` resolves to: the chunks' answers merged (per-item arrays concatenated
 * in list order, every other field from the first successful chunk) plus the chunks that failed.
 * When every chunk fails, the promise rejects with the first chunk's error instead.
 */
export type BatchedResponse<Res, Item = unknown> = Omit<Res, 'ActionStatus'> & {
  /** 'FAIL' with ErrorCode 0 when some chunks failed (a partial success, as Tencent marks one). */
  ActionStatus: 'OK' | 'FAIL';
  failedChunks: FailedChunk<Item>[];
  /** Every item of the failed chunks, with its chunk's error. */
  failedItems: { item: Item; error: TimError }[];
};

/** The item type of the list field(s) `K` of a request (each body form, when there are several). */
export type ListItem<Req, K extends string> = Req extends unknown
  ? { [P in K & keyof Req]-?: ItemOf<NonNullable<Req[P]>> }[K & keyof Req]
  : never;
/** Element type of an array type; never for anything else (including never). */
type ItemOf<T> = T extends readonly (infer I)[] ? I : never;

/**
 * The envelope of every answer a call resolves with. ErrorCode decides: a non-zero ErrorCode
 * throws a TimError instead, and ErrorCode 0 resolves even when ActionStatus is not "OK".
 */
export interface TimResponse {
  /**
   * "OK" on full success. Absent on the openconfigsvr answers (getnospeaking, setnospeaking,
   * getappinfo). Another value with ErrorCode 0 (Tencent's batchsendmsg example shows
   * "SomeError") is a partial success: the per-item failures are in the answer's own list
   * fields (ErrorList, ResultItem[].ResultCode, ExtensionList[].ErrorCode, ...).
   */
  ActionStatus?: 'OK' | 'FAIL' | (string & {});
  /** 0 on success and on partial success. */
  ErrorCode: number;
  ErrorInfo?: string;
  ErrorDisplay?: string;
}

/** A Key/Value pair with a string value (AppDefinedData, AppMemberDefinedData, ...). */
export interface KeyValue {
  Key: string;
  Value: string;
}

// ---- Message elements (MsgBody) ----

/** Text element. */
export interface TIMTextElem {
  MsgType: 'TIMTextElem';
  MsgContent: { Text: string };
}

/** Location element. */
export interface TIMLocationElem {
  MsgType: 'TIMLocationElem';
  MsgContent: { Desc: string; Latitude: number; Longitude: number };
}

/** Emoji element. */
export interface TIMFaceElem {
  MsgType: 'TIMFaceElem';
  MsgContent: { Index: number; Data: string };
}

/** Custom element: Data is the payload, Desc the push text, Ext the APNs passthrough. */
export interface TIMCustomElem {
  MsgType: 'TIMCustomElem';
  MsgContent: { Data: string; Desc?: string; Ext?: string; Sound?: string };
}

/**
 * Voice element. Sending through REST needs Url (downloadable), UUID (globally unique, e.g. the
 * file's MD5) and Download_Flag 2 (Message formats page, cloud.tencent.com/document/product/269/2720).
 */
export interface TIMSoundElem {
  MsgType: 'TIMSoundElem';
  MsgContent: { Url: string; UUID: string; Size: number; Second: number; Download_Flag: 2 };
}

/** One size of an image: Type 1 original, 2 large, 3 thumbnail. */
export interface TIMImageInfo {
  Type: 1 | 2 | 3;
  Size: number;
  Width: number;
  Height: number;
  URL: string;
}

/** Image element. ImageFormat: 1 JPG, 2 GIF, 3 PNG, 4 BMP, 255 other. */
export interface TIMImageElem {
  MsgType: 'TIMImageElem';
  MsgContent: { UUID: string; ImageFormat: number; ImageInfoArray: TIMImageInfo[] };
}

/** File element: like voice, REST sends need Url, UUID and Download_Flag 2. */
export interface TIMFileElem {
  MsgType: 'TIMFileElem';
  MsgContent: { Url: string; UUID: string; FileSize: number; FileName: string; Download_Flag: 2 };
}

/** Video element: REST sends need both URLs and UUIDs, the thumbnail size, and both flags 2. */
export interface TIMVideoFileElem {
  MsgType: 'TIMVideoFileElem';
  MsgContent: {
    VideoUrl: string;
    VideoUUID: string;
    VideoSize: number;
    VideoSecond: number;
    VideoFormat: string;
    VideoDownloadFlag: 2;
    ThumbUrl: string;
    ThumbUUID: string;
    ThumbSize: number;
    ThumbWidth: number;
    ThumbHeight: number;
    ThumbFormat: string;
    ThumbDownloadFlag: 2;
  };
}

/** One message inside a combined (relay) message. */
export interface TIMRelayMsg {
  From_Account?: string;
  To_Account?: string;
  GroupId?: string;
  MsgSeq: number;
  MsgRandom: number;
  MsgTimeStamp: number;
  MsgBody: TIMMsgElement[];
  CloudCustomData?: string;
}

/** Combined (forwarded) message: MsgList when <= 12 KB, otherwise JsonMsgKey. */
export interface TIMRelayElem {
  MsgType: 'TIMRelayElem';
  MsgContent: {
    Title: string;
    MsgNum: number;
    CompatibleText: string;
    AbstractList: string[];
    MsgList?: TIMRelayMsg[];
    JsonMsgKey?: string;
  };
}

/** Any message element; a MsgBody is an array of these. */
export type TIMMsgElement =
  | TIMTextElem
  | TIMLocationElem
  | TIMFaceElem
  | TIMCustomElem
  | TIMSoundElem
  | TIMImageElem
  | TIMFileElem
  | TIMVideoFileElem
  | TIMRelayElem;

/** A message body: one or more elements, sent in order. */
export type MsgBody = TIMMsgElement[];

// ---- Offline push ----

/** Android vendor options of OfflinePushInfo. */
export interface OfflinePushAndroidInfo {
  /** Sound file name, without extension. */
  Sound?: string;
  HuaWeiChannelID?: string;
  XiaoMiChannelID?: string;
  OPPOChannelID?: string;
  GoogleChannelID?: string;
  /** vivo classification: 0 operation message, 1 system message (default). */
  VIVOClassification?: 0 | 1;
  /** Huawei notification importance: LOW or NORMAL (default). */
  HuaWeiImportance?: 'LOW' | 'NORMAL';
  /** 1: pass Ext as the Huawei Intent parameter; 0 (default): as the Action parameter. */
  ExtAsHuaweiIntentParam?: 0 | 1;
  HuaWeiCategory?: string;
  VIVOCategory?: string;
  OPPOCategory?: string;
  HonorImportance?: string;
  MeiZuNoticeMsgType?: number;
  /** OPPO private-message template ID (OfflinePushInfo page, 269/128209). */
  OPPOPrivateMsgTemplateId?: string;
  /** Huawei notification icon: an https URL, under 512 KB. */
  HuaWeiImage?: string;
  /** Honor notification icon: an https URL, under 512 KB. */
  HonorImage?: string;
  /** Google (FCM) notification icon: a URL, at most 1 MB, JPG/JPEG/PNG. */
  GoogleImage?: string;
}

/** APNs options of OfflinePushInfo. */
export interface OfflinePushApnsInfo {
  /** Sound file name, with extension. */
  Sound?: string;
  /** 0 (default): count in the badge; 1: do not. */
  BadgeMode?: 0 | 1;
  Title?: string;
  SubTitle?: string;
  Image?: string;
  /** 1: enable the iOS 10+ push extension; 0 (default). */
  MutableContent?: 0 | 1;
}

/** Offline push settings of a message. */
export interface OfflinePushInfo {
  /** 0: push (default); 1: no offline push. */
  PushFlag?: 0 | 1;
  Title?: string;
  /** Push text; overrides the text derived from MsgBody. */
  Desc?: string;
  /** Passthrough content (JSON text recommended). */
  Ext?: string;
  AndroidInfo?: OfflinePushAndroidInfo;
  ApnsInfo?: OfflinePushApnsInfo;
}

// ---- Profile and relationship-chain items ----

/** A profile or relationship field value (Tag_SNS_IM_Group takes a string list). */
export type TagValue = string | number | string[];

/** One `{ Tag, Value }` item, e.g. `{ Tag: 'Tag_Profile_IM_Nick', Value: 'Bob' }`. */
export interface TagItem {
  /** Standard tag ('Tag_Profile_IM_*', 'Tag_SNS_IM_*') or custom 'Tag_Profile_Custom_*' / 'Tag_SNS_Custom_*'. */
  Tag: string;
  Value: TagValue;
}

/** Per-account result of batch relationship-chain and follow calls. */
export interface AccountResultItem {
  To_Account: string;
  /** 0 success, otherwise an error code. */
  ResultCode: number;
  ResultInfo: string;
}
