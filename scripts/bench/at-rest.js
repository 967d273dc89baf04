// Waiting until a served app has finished its start-up work (on a seeded copy: the month records' catch-up and last
// month's service summaries for every member, plugin-reports' MonthKeeper) before anything is measured on it.
const fs = require('fs');
const { setTimeout: sleep } = require('timers/promises');

/** CPU seconds used so far by every process of the process group `groupId` (Linux's /proc; null where there is none). */
function groupCpuSeconds(groupId) {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const ticksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // The command (field 2) may hold spaces and parentheses: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): the group is field 5, utime and stime fields 14 and 15.
    if (Number(fields[2]) === groupId) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / ticksPerSecond;
}

/**
 * Resolves once the app's process group (the server started by throwaway-apps' serve, its group leader's pid) has used
 * less than `quietShare` of one core in each of `quietWindows` windows of `windowMs` in a row, or after `timeoutMs`.
 * Resolves to { seconds, atRest } (seconds waited; atRest false after a timeout, or where /proc cannot be read).
 */
async function untilAtRest(
  server,
  { windowMs = 2000, quietShare = 0.05, quietWindows = 3, timeoutMs = 15 * 60 * 1000 } = {},
) {
  const began = Date.now();
  let last = groupCpuSeconds(server.pid);
  if (last === null) return { seconds: 0, atRest: false };
  let quiet = 0;
  while (quiet < quietWindows) {
    if (Date.now() - began > timeoutMs) return { seconds: (Date.now() - began) / 1000, atRest: false };
    await sleep(windowMs);
    const now = groupCpuSeconds(server.pid);
    quiet = now - last < (quietShare * windowMs) / 1000 ? quiet + 1 : 0;
    last = now;
  }
  return { seconds: (Date.now() - began) / 1000, atRest: true };
}

module.exports = { untilAtRest, groupCpuSeconds };
