// The ESM entry of `spectral-webhooks`: the ruleset is compiled to CommonJS in dist/, and Node hands a CommonJS
// module's `module.exports` to ESM as its default export, so both entries share one ruleset object.
import ruleset from '../dist/rules/index.js';

export default ruleset;
