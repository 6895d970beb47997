// The queue the threads of a run share: jobs are numbered in the order they
// should run, and a thread claims the next one by writing its own id into that
// job's slot of shared memory (compare-and-swap), so no job is taken twice and
// no thread waits for another to hand it work. The main thread releases jobs
// provider by provider (a run holds at most the provider being written and the
// one being computed); a thread that finds nothing released sleeps until more is.
//
// A claim is recorded in the same atomic step that takes the job, so when a
// worker dies, the jobs it took and never reported are known and can be run again.

const NEXT = 0;
const RELEASED = 1;
const STOP = 2;

/** What `claim` answers when nothing is left to take, now or later. */
export const NO_MORE_JOBS = -1;

/** Plain data, so it can be handed to a worker as is. */
export interface ClaimsMemory {
  /** [next job to look at, jobs released so far, stopped (0 or 1)] */
  readonly control: SharedArrayBuffer;
  /** Per job: the id of the thread that claimed it, 0 while unclaimed. */
  readonly owners: SharedArrayBuffer;
}

export function claimsMemory(jobs: number): ClaimsMemory {
  return { control: new SharedArrayBuffer(3 * 4), owners: new SharedArrayBuffer(Math.max(1, jobs) * 4) };
}

export class JobClaims {
  private readonly control: Int32Array;
  private readonly owners: Int32Array;

  constructor(
    memory: ClaimsMemory,
    private readonly total: number,
  ) {
    this.control = new Int32Array(memory.control);
    this.owners = new Int32Array(memory.owners);
  }

  /**
   * Takes the next released job for thread `id` (> 0). When none is released:
   * `wait` sleeps until one is (workers), otherwise undefined is returned (the
   * main thread, which has results to collect meanwhile). NO_MORE_JOBS when
   * every job is claimed or the run stopped.
   */
  claim(id: number, wait: boolean): number | undefined {
    for (;;) {
      if (Atomics.load(this.control, STOP) !== 0) return NO_MORE_JOBS;
      const k = Atomics.load(this.control, NEXT);
      if (k >= this.total) return NO_MORE_JOBS;
      const released = Atomics.load(this.control, RELEASED);
      if (k >= released) {
        if (!wait) return undefined;
        Atomics.wait(this.control, RELEASED, released);
        continue;
      }
      const won = Atomics.compareExchange(this.owners, k, 0, id) === 0;
      // Winner or not, move the cursor past a claimed job (the winner may not get to it).
      Atomics.compareExchange(this.control, NEXT, k, k + 1);
      if (won) return k;
    }
  }

  /** Lets jobs below `upTo` be claimed. */
  release(upTo: number): void {
    const to = Math.min(upTo, this.total);
    if (to <= Atomics.load(this.control, RELEASED)) return;
    Atomics.store(this.control, RELEASED, to);
    Atomics.notify(this.control, RELEASED);
  }

  /** No job is claimed after this; sleeping threads wake up to find out. */
  stop(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, RELEASED);
  }

  ownerOf(k: number): number {
    return Atomics.load(this.owners, k);
  }
}
