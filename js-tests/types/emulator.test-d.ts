// Type test for tim-edge/emulator (checked by `tsc -p js-tests/types`, never run). Each
// `@ts-expect-error` line is a mistake the types must reject.

import { TimClient } from '../../pkg/index';
import { Emulator } from '../../pkg/emulator';

const emulator = new Emulator({ sdkAppId: 1400000000, key: 'k', adminId: 'administrator' });
new Emulator({ sdkAppId: '1400000000', key: 'k', callback: { url: 'http://127.0.0.1:9/cb', token: 't', timeoutMs: 500 } });
// The bound fetch is a valid TimClient transport.
new TimClient({ sdkAppId: 1400000000, key: 'k', fetch: emulator.fetch });
export const reply: Promise<Response> = emulator.fetch(new Request('http://127.0.0.1/v4/a/b'));
export const snap: string = emulator.snapshot();
emulator.restore(snap);
const seen = emulator.inspect();
export const taskIds: string[] = seen.pushes.map((p) => p.TaskId);
export const reached: number = seen.pushes[0].recipientCount;
export const revokedAt: number | undefined = seen.pushes[0].revoked?.time;

// @ts-expect-error the key is required
new Emulator({ sdkAppId: 1400000000 });
// @ts-expect-error a callback needs a url
new Emulator({ sdkAppId: 1, key: 'k', callback: { token: 't' } });
// @ts-expect-error restore takes the snapshot text, not an object
emulator.restore({ version: 1 });
// @ts-expect-error inspect() answers an object, not JSON text
export const wrong: string = emulator.inspect();
// @ts-expect-error a push's recipients are account IDs
export const wrongRecipients: number[] = seen.pushes[0].recipients;
// @ts-expect-error fetch is read-only
emulator.fetch = fetch;
