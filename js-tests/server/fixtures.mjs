// Data the suites need but cannot make without node:* (workerd has no fs and no zlib compressor):
// the shared vectors, UserSigs signed in each official generator's JSON style, and malformed
// UserSigs. All built here with node:crypto/node:zlib, independently of the package under test.
import { readFileSync } from 'node:fs';
import { deflateSync, deflateRawSync } from 'node:zlib';
import { signUserSig, compressToUserSig, escapeB64, STYLE_NAMES, hmacContent, sigB64 } from './usersig-oracle.mjs';

export function buildFixtures(vectorsPath) {
  const vectors = JSON.parse(readFileSync(vectorsPath, 'utf8'));

  const base = { sdkAppId: 1400000000, key: 'fixture-key-5bd2850fff3ecb11d7c8', time: 1700000000, expire: 86400 };
  const styled = [];
  for (const style of STYLE_NAMES) {
    for (const identifier of ['plain_user-1', 'a/b<c>&"\\张']) {
      styled.push({ style, ...base, identifier, usersig: signUserSig({ ...base, identifier, style }) });
    }
  }
  // A userbuf sig in the Go style (stored zlib blocks), userbuf with '/' and '+' in its base64.
  const userbufB64 = Buffer.from([0xfb, 0xff, 0xfe, 0x00, 0x01, 0x3f, 0xbf]).toString('base64');
  styled.push({ style: 'go', ...base, identifier: 'buf_user', userbufB64, usersig: signUserSig({ ...base, identifier: 'buf_user', userbufB64, style: 'go' }) });
  styled.push({ style: 'php', ...base, identifier: 'buf_user', userbufB64, usersig: signUserSig({ ...base, identifier: 'buf_user', userbufB64, style: 'php' }) });

  const validJson = JSON.stringify({
    'TLS.ver': '2.0', 'TLS.identifier': 'u1', 'TLS.sdkappid': base.sdkAppId, 'TLS.time': base.time, 'TLS.expire': base.expire,
    'TLS.sig': sigB64(base.key, hmacContent({ identifier: 'u1', sdkAppId: base.sdkAppId, time: base.time, expire: base.expire })),
  });
  const doc = (over) => JSON.stringify({ ...JSON.parse(validJson), ...over });
  const dropField = (f) => { const d = JSON.parse(validJson); delete d[f]; return JSON.stringify(d); };

  // Each malformed UserSig must make decodeUserSig throw 'bad-input' and verifyUserSig answer
  // 'malformed' (for app base / identifier 'u1').
  const malformed = {
    'empty string': '',
    'not base64 (bad characters)': 'eJy!!!not-base64$$$',
    'not zlib (raw bytes)': escapeB64(Buffer.from('just some plain bytes, no zlib header').toString('base64')),
    'not zlib (raw deflate, no header)': escapeB64(deflateRawSync(Buffer.from(validJson)).toString('base64')),
    'truncated zlib stream': escapeB64(deflateSync(Buffer.from(validJson)).subarray(0, 20).toString('base64')),
    'zlib of non-JSON text': compressToUserSig('this is not json'),
    'zlib of a JSON array': compressToUserSig('[1,2,3]'),
    'zlib of JSON null': compressToUserSig('null'),
    'TLS.sig missing': compressToUserSig(dropField('TLS.sig')),
    'TLS.identifier missing': compressToUserSig(dropField('TLS.identifier')),
    'TLS.time missing': compressToUserSig(dropField('TLS.time')),
    'TLS.sdkappid is a string': compressToUserSig(doc({ 'TLS.sdkappid': String(base.sdkAppId) })),
    'TLS.expire is a string': compressToUserSig(doc({ 'TLS.expire': '86400' })),
    // 1 MiB of JSON whitespace around an otherwise valid document: 1 KiB compressed.
    'decompression bomb (1 MiB of whitespace, valid JSON)': compressToUserSig(validJson.replace('{', '{' + ' '.repeat(1 << 20)), 9),
    'decompression bomb (16 MiB of zeros)': escapeB64(deflateSync(Buffer.alloc(16 << 20), { level: 9 }).toString('base64')),
  };
  const valid = { ...base, identifier: 'u1', usersig: compressToUserSig(validJson) };

  return { vectors, styled, malformed, valid };
}
