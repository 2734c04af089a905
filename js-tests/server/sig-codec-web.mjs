// An independent UserSig codec for the suites, built on web standards every runtime has
// (atob/btoa, CompressionStream/DecompressionStream 'deflate' = zlib format). Lets a suite read
// the JSON inside a UserSig our package produced, or craft arbitrary documents, without trusting
// the package's own decoder. Exposed to suites as env.sigCodec.

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

export function bytesToB64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return btoa(s);
}

export function b64ToBytes(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function hexToBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export const sigCodec = {
  // UserSig -> the JSON text inside it.
  async inflateText(userSig) {
    const b64 = userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
    return dec.decode(await pipe(b64ToBytes(b64), new DecompressionStream('deflate')));
  },
  // UserSig -> the parsed document.
  async decode(userSig) {
    return JSON.parse(await sigCodec.inflateText(userSig));
  },
  // Any text -> a UserSig-shaped string (zlib, base64, * - _ substitution).
  async encodeText(text) {
    const z = await pipe(enc.encode(text), new CompressionStream('deflate'));
    return bytesToB64(z).replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
  },
  async encode(doc) {
    return sigCodec.encodeText(JSON.stringify(doc));
  },
};
