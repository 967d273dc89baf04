// The batch half of the HTTP benchmark: matchSuggestions:refreshAll run to its end as NocoBase's async task.
const { setTimeout: sleep } = require('timers/promises');

/** How long a batch run may take before it is stopped and reported as timed out. */
const BATCH_TIMEOUT_MS = 180_000;
/** Async task statuses that end a run: 1 succeeded, -1 failed, -2 cancelled (null is pending, 0 running). */
const FINISHED = [1, -1, -2];

/**
 * matchSuggestions:refreshAll to its end, through `http` (a signed-in client of http-client.js): the task's own
 * doneAt − startedAt, its result, the wall time seen by the caller, and the longest a status poll (a cheap GET, every
 * 100 ms) waited for its answer: how long the run keeps the app from answering anyone else. A poll whose kept-alive
 * connection the server dropped meanwhile (ECONNRESET) is retried and counted; more than 20 such drops reject.
 *
 * Resolves to { ok, status, taskS, wallS, result, longestPollMs, droppedPolls } (seconds and ms as named; `result` the
 * task's own), or, after BATCH_TIMEOUT_MS, to { ok: false, timedOut: true, wallS, result: { progress } | null, … } with
 * the task asked to stop. Rejects if the action answers without a task id or a poll gets an HTTP error.
 */
async function benchBatch(http) {
  const started = performance.now();
  const { json } = await http.call('POST', 'matchSuggestions:refreshAll', {});
  const taskId = json.data?.id;
  if (!taskId)
    throw new Error(`matchSuggestions:refreshAll answered without a task id: ${JSON.stringify(json).slice(0, 500)}`);
  let longestPollMs = 0;
  let droppedPolls = 0;
  for (;;) {
    const asked = performance.now();
    let task;
    try {
      task = (await http.call('GET', `asyncTasks:get?filterByTk=${encodeURIComponent(taskId)}`)).json.data;
    } catch (error) {
      if (error.status || ++droppedPolls > 20) throw error;
      continue;
    } finally {
      longestPollMs = Math.max(longestPollMs, performance.now() - asked);
    }
    if (FINISHED.includes(task?.status)) {
      return {
        ok: task.status === 1,
        status: task.status,
        taskS: (new Date(task.doneAt) - new Date(task.startedAt)) / 1000,
        wallS: (performance.now() - started) / 1000,
        result: task.result,
        longestPollMs,
        droppedPolls,
      };
    }
    if (performance.now() - started > BATCH_TIMEOUT_MS) {
      await http.call('POST', `asyncTasks:stop?filterByTk=${encodeURIComponent(taskId)}`).catch(() => undefined);
      return {
        ok: false,
        timedOut: true,
        wallS: (performance.now() - started) / 1000,
        result: task?.progressCurrent != null ? { progress: `${task.progressCurrent}/${task.progressTotal}` } : null,
        longestPollMs,
        droppedPolls,
      };
    }
    await sleep(100);
  }
}

module.exports = { benchBatch, BATCH_TIMEOUT_MS };
