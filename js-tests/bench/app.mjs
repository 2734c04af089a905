// The application every case signs for (a made-up SDKAppID and a 64-character key).
export const APP = { sdkAppId: 1400000000, key: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e', expire: 86400 };
