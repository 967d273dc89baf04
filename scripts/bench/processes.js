// The child processes of a benchmark: Node commands run to their end with their output in a log file, app servers in
// process groups of their own (a Ctrl+C of the benchmark does not reach them), and the clean-up when it is interrupted:
// every child still running is killed and every registered folder removed.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { setTimeout: sleep } = require('timers/promises');
const { root } = require('../lib/workspace');

const running = new Set();
const foldersToRemove = new Set();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) killGroup(child);
    for (const dir of foldersToRemove) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** The last `chars` characters of a log file, or "(no output)" when it does not exist. */
function tail(file, chars = 3000) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').slice(-chars) : '(no output)';
}

/** Removes `dir` (recursively) if the benchmark is interrupted before it does so itself. */
function removeOnInterrupt(dir) {
  foldersToRemove.add(dir);
}

/**
 * Runs `node <args…>` in the repository root with environment `env` (an object of strings), stdout and stderr appended
 * to `logFile`. Resolves when it exits with 0; rejects with an Error naming the command and carrying the log's tail.
 */
function runToEnd(args, env, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', out, out] });
    running.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      fs.closeSync(out);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `"${args.map((arg) => path.basename(arg)).join(' ')}" exited with ${code ?? signal}; last output:\n${tail(logFile)}`,
          ),
        );
    });
  });
}

/** Starts `node <args…>` as the leader of a new process group, output appended to `logFile`; returns the ChildProcess. */
function startInOwnGroup(args, env, logFile) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', out, out], detached: true });
  fs.closeSync(out);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Stops a process started by `startInOwnGroup`: SIGTERM, then SIGKILL of its whole group if it still runs after 15 s. */
async function stopGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15000)]);
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child);
    await Promise.race([exited, sleep(5000)]);
  }
}

module.exports = { tail, removeOnInterrupt, runToEnd, startInOwnGroup, stopGroup };
