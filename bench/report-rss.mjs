// Preloaded into benchmarked processes: on exit, writes the process's peak
// resident memory (KiB) and the CPU time of all its threads (ms, user +
// system) to $BENCH_RSS_FILE. Measured by the kernel, so it includes
// everything the process touched, not just the JS heap. CPU time says what a
// run costs when the machine is busy and wall times say little.
import fs from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`);
  });
}
