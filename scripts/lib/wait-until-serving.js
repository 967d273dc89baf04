// Waits for a NocoBase app to answer its health check: what `npm start` and the benchmarks wait for before they go on.

/**
 * Polls GET `${url}/api/__health_check` until it answers 2xx.
 *
 * - `url`: the app's base address without a trailing slash, e.g. "http://127.0.0.1:13000".
 * - `child` (optional): the process serving the app (a ChildProcess); if it exits first, the wait ends with an error.
 * - `timeoutMs` (default 10 minutes) and `intervalMs` (default 1 s): how long to wait in all, and between two polls.
 *
 * - `failedAfterMs` (default 15 s): how long the app may keep answering that its start failed before the wait gives up.
 *   NocoBase keeps serving after a failed installation or upgrade, answering every request 503 with `APP_ERROR` and
 *   the error's message; it never retries. Without this, `npm start` said "still starting" for 45 minutes (CI, stop 28).
 *
 * Resolves to the seconds waited. Rejects with an Error saying "the app stopped during start-up (exit <code or signal>)",
 * "the app failed to start: <NocoBase's message>" or "the app did not answer at <url> within <n> s"; the app's own
 * output (with the error's stack) is the caller's to show.
 */
async function waitUntilServing({ url, child, timeoutMs = 10 * 60 * 1000, intervalMs = 1000, failedAfterMs = 15000 }) {
  const started = Date.now();
  let failingSince = null;
  while (Date.now() - started < timeoutMs) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the app stopped during start-up (exit ${child.exitCode ?? child.signalCode})`);
    }
    let failure = null;
    try {
      const answer = await fetch(`${url}/api/__health_check`);
      if (answer.ok) return (Date.now() - started) / 1000;
      failure = await startFailure(answer);
    } catch {
      // not listening yet
    }
    failingSince = failure === null ? null : (failingSince ?? Date.now());
    if (failure !== null && Date.now() - failingSince >= failedAfterMs) {
      throw new Error(`the app failed to start: ${failure || 'no message (see its output above)'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`the app did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s`);
}

/** NocoBase's message when a 503 answer says the app's start (install, upgrade) failed, else null. */
async function startFailure(answer) {
  if (answer.status !== 503) return null;
  try {
    const { error } = await answer.json();
    return error?.code === 'APP_ERROR' || error?.code === 'COMMAND_ERROR' ? String(error.message ?? '') : null;
  } catch {
    return null;
  }
}

module.exports = { waitUntilServing };
