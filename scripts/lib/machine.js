// The one line a benchmark prints about the machine it ran on, so figures from different runs can be told apart.
const os = require('os');

/** E.g. "2 × AMD EPYC 7B13, 8 GiB, Node v20.18.0, linux 6.1.0": CPUs, memory (GiB, rounded), Node and the OS. */
function machine() {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

module.exports = { machine };
