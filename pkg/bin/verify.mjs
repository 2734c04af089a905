// `tim-edge verify`: checks a UserSig against the app's key, as Tencent's backend would.
import { verifyUserSig } from 'tim-edge';
import { parse } from './args.mjs';
import { readKey, readUserSig, userSigFromStdin } from './input.mjs';
import { iso } from './decode.mjs';

export const command = {
  name: 'verify',
  summary: 'Verify a UserSig: prints "valid until ..." (exit 0) or "invalid: <reason>" (exit 1).',
  description: [
    'Reasons: malformed, sdkappid-mismatch, identifier-mismatch, expired, userbuf-mismatch,',
    'bad-signature (checked in that order, as the official verifier does).',
    'Neither secret goes on the command line: the key comes from --key-env VAR or stdin; the',
    'UserSig from the argument, --usersig-env VAR or stdin. At most one of them reads stdin.',
  ].join('\n'),
  options: {
    sdkappid: { value: 'N', required: true, parse: parse.u32, help: 'the SDKAppID the UserSig must be for' },
    user: { value: 'ID', required: true, help: 'the UserID the UserSig must be for' },
    'key-env': { value: 'VAR', parse: parse.envName, help: 'name of the environment variable holding the key (else: stdin)' },
    'usersig-env': { value: 'VAR', parse: parse.envName, help: 'name of an environment variable holding the UserSig' },
    userbuf: { value: 'BASE64', parse: parse.base64, help: 'the exact userbuf expected (PrivateMapKeys)' },
    now: { value: 'UNIX', parse: parse.unixSeconds, help: 'check as of this time, Unix seconds (default: now)' },
  },
  positionals: [{ name: 'USERSIG', help: 'the UserSig to verify ("-" or absent: stdin)' }],
  examples: [
    'tim-edge verify --key-env TIM_KEY --sdkappid 1400000000 --user alice "$USERSIG"',
    'tim-edge verify --key-env TIM_KEY --sdkappid 1400000000 --user alice < usersig.txt',
    'tim-edge verify --usersig-env SIG --sdkappid 1400000000 --user alice < key.txt',
  ],
  async run({ opts, positionals, out, secrets }) {
    const sigOnStdin = userSigFromStdin(positionals[0], opts);
    const key = await readKey(opts, sigOnStdin ? 'the UserSig' : undefined);
    secrets.push(key);
    const userSig = await readUserSig(positionals[0], opts);
    secrets.push(userSig);
    const r = verifyUserSig({ sdkAppId: opts.sdkappid, key, userId: opts.user, userSig, now: opts.now, userBuf: opts.userbuf });
    // The verdict is the command's output, so it goes to stdout either way; the exit code tells.
    if (!r.ok) {
      out(`invalid: ${r.reason}\n`);
      return 1;
    }
    out(`valid until ${iso(r.expiresAt) ?? r.expiresAt} (unix ${r.expiresAt})\n`);
    return 0;
  },
};
