// Waits for a NocoBase app to answer its health check: what `npm start` and the benchmarks wait for before they go on.

/**
 * Polls GET `${url}/api/__health_check` until it answers 2xx.
 *
 * - `url`: the app's base address without a trailing slash, e.g. "http://127.0.0.1:13000".
 * - `child` (optional): the process serving the app (a ChildProcess); if it exits first, the wait ends with an error.
 * - `timeoutMs` (default 10 minutes) and `intervalMs` (default 1 s): how long to wait in all, and between two polls.
 *
 * Resolves to the seconds waited. Rejects with an Error saying "the app stopped during start-up (exit <code or signal>)"
 * or "the app did not answer at <url> within <n> s"; the app's own output is the caller's to show.
 */
async function waitUntilServing({ url, child, timeoutMs = 10 * 60 * 1000, intervalMs = 1000 }) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the app stopped during start-up (exit ${child.exitCode ?? child.signalCode})`);
    }
    try {
      if ((await fetch(`${url}/api/__health_check`)).ok) return (Date.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`the app did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

module.exports = { waitUntilServing };
