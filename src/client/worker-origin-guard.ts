// The DuckDB worker may talk to this site only. The console's guard refuses ATTACH and
// friends, and DuckDB's external access is switched off, but DuckDB-WASM 0.9.1 sends an
// HTTP request for `ATTACH 'https://…'` before it refuses it; and a meta-tag CSP does not
// reach a worker started from its own URL. So the worker is started from a small wrapper
// that refuses, inside the worker, every request to another origin, then loads DuckDB's
// worker script. Pure text here so a test can run it in a sandbox.

/** The wrapper's source: guards XMLHttpRequest and fetch, then imports `workerUrl`. */
export function originGuardedWorkerSource(origin: string, workerUrl: string): string {
  return `"use strict";
(() => {
  const ORIGIN = ${JSON.stringify(origin)};
  const same = (u) => new URL(String(u), ORIGIN).origin === ORIGIN;
  const refuse = (u) => new Error("refused: " + String(u) + " is not on this site");
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (!same(url)) throw refuse(url);
    return open.call(this, method, url, ...rest);
  };
  if (typeof fetch === "function") {
    const f = fetch;
    self.fetch = (input, init) => {
      const url = typeof input === "string" || input instanceof URL ? input : input.url;
      return same(url) ? f(input, init) : Promise.reject(refuse(url));
    };
  }
})();
importScripts(${JSON.stringify(workerUrl)});
`;
}
