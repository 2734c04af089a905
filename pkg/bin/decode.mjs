// `tim-edge decode`: shows what a UserSig says, without checking its signature.
import { decodeUserSig } from 'tim-edge';
import { Failure, parse } from './args.mjs';
import { readUserSig } from './input.mjs';

export const command = {
  name: 'decode',
  summary: 'Decode a UserSig and print its fields as JSON (the signature is NOT checked; see verify).',
  description: [
    'The UserSig comes from the argument, from --usersig-env VAR, or from stdin (also with "-").',
    'Prints version, identifier, sdkAppId, time, signedAt, expire, expiresAt and, for',
    'PrivateMapKeys, userbuf (base64). TLS.sig is left out: with it the output would be the',
    'credential itself. Errors name the broken layer (base64, zlib, JSON, a field), never the input.',
  ].join('\n'),
  options: {
    'usersig-env': { value: 'VAR', parse: parse.envName, help: 'name of an environment variable holding the UserSig' },
  },
  positionals: [{ name: 'USERSIG', help: 'the UserSig to decode ("-" or absent: stdin)' }],
  examples: ['tim-edge decode "$USERSIG"', 'pbpaste | tim-edge decode'],
  async run({ opts, positionals, out, secrets }) {
    const userSig = await readUserSig(positionals[0], opts);
    secrets.push(userSig);
    let d;
    try {
      d = decodeUserSig(userSig);
    } catch (e) {
      if (e && e.kind === 'bad-input') throw new Failure(`cannot decode: ${e.info || e.message}`);
      throw e;
    }
    const doc = {
      version: d.version,
      identifier: d.identifier,
      sdkAppId: d.sdkAppId,
      time: d.time,
      signedAt: iso(d.time),
      expire: d.expire,
      expiresAt: iso(d.time + d.expire),
    };
    if (d.userBuf) doc.userbuf = Buffer.from(d.userBuf).toString('base64');
    out(`${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  },
};

// ISO 8601 for Unix seconds, or null past what Date can show (a hostile UserSig may say anything).
export function iso(seconds) {
  const d = new Date(seconds * 1000);
  return Number.isFinite(d.getTime()) ? d.toISOString() : null;
}
