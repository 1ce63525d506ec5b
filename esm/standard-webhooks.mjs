// The ESM entry of `spectral-webhooks/standard-webhooks`: Node hands the CommonJS module's `module.exports` to ESM as
// its default export, so both entries share one ruleset object (and one base ruleset inside it).
import standardWebhooks from '../dist/rules/profiles/standard-webhooks.js';

export default standardWebhooks;
