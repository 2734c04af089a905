// The batched push-result callbacks: Tencent's documented bodies (1047/67551 Push.AllMemberPush,
// 1047/67552 Push.OfflinePush: `{ Events: [...] }`, the command in the URL and in each event,
// none at the top) type as CallbackBody and as each command's handler body.
import type { CallbackBody, CallbackBodyOf, WebhookHandlers } from '../../pkg/index';

// 1047/67551's example (two events; its comments dropped).
export const allMember: CallbackBody = {
  Events: [
    { CallbackCommand: 'Push.AllMemberPush', EventType: 1, TaskId: '657bf434_537529d8_2000005e80aa873_2780d131_bc614e', TaskTime: 1557481127, EventTime: 1557481128, To_Account: 'user2', PushPlatform: 1, PushStage: 1, ErrCode: 0, ErrInfo: 'OK' },
    { CallbackCommand: 'Push.AllMemberPush', EventType: 2, TaskId: '657bf434_537529d8_2000005e80aa873_2780d131_9', TaskTime: 1557481127, EventTime: 1557481129, To_Account: 'user3', PushPlatform: 0, PushStage: 1, ErrCode: 0, ErrInfo: 'OK' },
  ],
};
// 1047/67552's example (a one-to-one and a group event).
export const offline: CallbackBodyOf<'Push.OfflinePush'> = {
  Events: [
    { CallbackCommand: 'Push.OfflinePush', EventType: 1, EventTime: 1557481127, From_Account: 'user1', To_Account: 'user2', PushPlatform: 1, PushStage: 1, MsgKey: '48374_2837546_1557481126', MsgSeq: 48374, MsgRandom: 2837546, MsgTime: 1557481126, PushID: '67120c46_6a4086c0_9bf5fb50_200002d1089b322_2000005d8d46421', ErrCode: 0, ErrInfo: 'OK' },
    { CallbackCommand: 'Push.OfflinePush', EventType: 2, EventTime: 1557481127, From_Account: 'user2', To_Account: 'user3', PushPlatform: 1, PushStage: 1, GroupID: '@TGS#12DEVUDHQ', MsgSeq: 48375, MsgRandom: 2837546, MsgTime: 1557481126, PushID: '6710c631_85_392fcbcff_200000b2f2c6820_200002c869bfb81', ErrCode: 0, ErrInfo: 'OK' },
  ],
};

export const handlers: WebhookHandlers = {
  'Push.AllMemberPush': ({ body }) => {
    const taskIds: string[] = body.Events.map((e) => e.TaskId);
    const started: number = body.Events[0].TaskTime;
    // @ts-expect-error an all-member push event has no sender
    void body.Events[0].From_Account;
    void [taskIds, started];
  },
  'Push.OfflinePush': ({ body }) => {
    const keys: (string | undefined)[] = body.Events.map((e) => e.MsgKey ?? e.GroupID);
    // @ts-expect-error an offline push event is not a task's
    void body.Events[0].TaskId;
    void keys;
  },
};

// @ts-expect-error the events are the batch: a single event at the top is not a push body
export const flat: CallbackBodyOf<'Push.AllMemberPush'> = { CallbackCommand: 'Push.AllMemberPush', EventType: 1, TaskId: 't', TaskTime: 1, EventTime: 1, To_Account: 'u', PushPlatform: 0, PushStage: 1, ErrCode: 0 };
// @ts-expect-error each event names its command
export const unnamed: CallbackBodyOf<'Push.AllMemberPush'> = { Events: [{ EventType: 1, TaskId: 't', TaskTime: 1, EventTime: 1, To_Account: 'u', PushPlatform: 0, PushStage: 1, ErrCode: 0 }] };
