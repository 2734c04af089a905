// The package's public surface, shared by every runtime's entry file.
export { TimError } from './error.js';
export { TimClient, responseMeta } from './client.js';
export { endpoints } from './endpoints.js';
export { generateUserSig, generateUserSigs, generatePrivateMapKey, decodeUserSig, verifyUserSig } from './usersig.js';
export * from './webhook.js';
