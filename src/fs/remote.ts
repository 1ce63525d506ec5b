/**
 * Bounds for what `--allow-remote-refs` fetches (remote `$ref`s and config `extends` URLs): a server that accepts the
 * connection and never answers, or answers forever, fails that one fetch instead of hanging the run. node-fetch's
 * `timeout` covers the whole request, headers and body; `size` the body.
 */
export const REMOTE_TIMEOUT_MS = 20_000;
