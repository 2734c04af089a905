// Every suite, in run order. Each default export is `register(test, tim, env)`; test names are
// prefixed with the key below. Add a suite with a one-line insertion in both places.
import usersig from './usersig.mjs';
import client from './client.mjs';
import endpoints from './endpoints.mjs';
import docExamples from './doc-examples.mjs';
import webhook from './webhook.mjs';
import limits from './limits.mjs';
import hostile from './hostile.mjs';
import secrets from './secrets.mjs';
import observe from './observe.mjs';
import perfApi from './perf-api.mjs';
import emulator from './emulator.mjs';
import emulatorGroups from './emulator-groups.mjs';
import emulatorPush from './emulator-push.mjs';
import emulatorSocial from './emulator-social.mjs';
import faults from '../faults/suite.mjs';

export default {
  usersig,
  client,
  endpoints,
  'doc-examples': docExamples,
  webhook,
  limits,
  hostile,
  secrets,
  observe,
  'perf-api': perfApi,
  emulator,
  'emulator-groups': emulatorGroups,
  'emulator-push': emulatorPush,
  'emulator-social': emulatorSocial,
  faults,
};
