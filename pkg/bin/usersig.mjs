// `tim-edge usersig`: generates a UserSig (TLSSigAPIv2) and prints it.
import { generateUserSig } from 'tim-edge';
import { parse } from './args.mjs';
import { readKey } from './input.mjs';

export const command = {
  name: 'usersig',
  summary: 'Generate a UserSig for a user and print it (one line).',
  description: [
    'The key comes from the environment variable named by --key-env, or from stdin when',
    '--key-env is absent (one trailing newline is removed). It is never accepted as an',
    'argument: arguments end up in shell history and in `ps`.',
  ].join('\n'),
  options: {
    sdkappid: { value: 'N', required: true, parse: parse.u32, help: 'the app\'s SDKAppID' },
    user: { value: 'ID', required: true, help: 'the UserID to sign for (1-32 bytes)' },
    expire: { value: 'SECONDS', parse: parse.u32, help: 'lifetime in seconds (default 15552000, 180 days)' },
    'key-env': { value: 'VAR', parse: parse.envName, help: 'name of the environment variable holding the key (else: stdin)' },
  },
  examples: [
    'TIM_KEY=... tim-edge usersig --key-env TIM_KEY --sdkappid 1400000000 --user alice',
    'tim-edge usersig --sdkappid 1400000000 --user alice --expire 86400 < key.txt',
  ],
  async run({ opts, out, secrets }) {
    const key = await readKey(opts);
    secrets.push(key);
    // Bad input (an over-long UserID, ...) throws a TimError of kind bad-input: a usage error.
    const sig = generateUserSig({ sdkAppId: opts.sdkappid, key, userId: opts.user, expire: opts.expire });
    out(`${sig}\n`);
    return 0;
  },
};
