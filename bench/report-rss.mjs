// Preloaded into benchmarked processes: on exit, writes the process's peak
// resident memory (KiB) to $BENCH_RSS_FILE. Measured by the kernel, so it
// includes everything the process touched, not just the JS heap.
import fs from 'node:fs';

const out = process.env.BENCH_RSS_FILE;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
