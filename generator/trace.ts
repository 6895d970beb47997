// Phase timings for `PROVIDER_DOCS_TRACE=1`: where a run's time goes, printed
// to stderr at exit. Off by default, and then a timed call is a plain call.

const enabled = Boolean(process.env['PROVIDER_DOCS_TRACE']);
const totals = new Map<string, { ms: number; calls: number }>();
const started = performance.now();

/** Runs `fn`, adding its wall time to `phase` when tracing. */
export function timed<T>(phase: string, fn: () => T): T {
  if (!enabled) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    const entry = totals.get(phase) ?? { ms: 0, calls: 0 };
    entry.ms += performance.now() - t0;
    entry.calls++;
    totals.set(phase, entry);
  }
}

/** Counts an event under `name` when tracing. */
export function count(name: string): void {
  if (!enabled) return;
  const entry = totals.get(name) ?? { ms: 0, calls: 0 };
  entry.calls++;
  totals.set(name, entry);
}

export function trace(line: string): void {
  if (enabled) process.stderr.write(`[trace] ${line}\n`);
}

if (enabled) {
  process.once('exit', () => {
    const rows = [...totals].map(([phase, t]) => `${phase.padEnd(22)}${t.ms.toFixed(0).padStart(6)} ms  (${t.calls} calls)`);
    trace(`${(performance.now() - started).toFixed(0)} ms since the generator's modules loaded, ${process.uptime().toFixed(3)} s process uptime`);
    for (const row of rows) trace(row);
  });
}
