// The ESM entry of `spectral-webhooks/standard-webhooks`, the opt-in Standard Webhooks profile: like esm/index.mjs,
// it hands the CommonJS build's `module.exports` to ESM as the default export.
import profile from '../dist/rules/profiles/standard-webhooks.js';

export default profile;
