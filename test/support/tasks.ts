// NocoBase async tasks (the batch match run): waiting for one to end before a test goes on.
import { MockServer } from '@nocobase/test';

/** Task statuses as NocoBase stores them: null pending, 0 running, 1 succeeded, -1 failed. */
const ENDED = [1, -1];

/** The task record once it has ended (succeeded or failed), polling every 200 ms for up to `timeoutMs`. */
export async function endedTask(app: MockServer, taskId: number | string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let task: any;
  do {
    task = await app.db.getRepository('asyncTasks').findOne({ filterByTk: taskId });
    if (ENDED.includes(task?.get('status'))) return task;
    await new Promise((resolve) => setTimeout(resolve, 200));
  } while (Date.now() < deadline);
  return task;
}
