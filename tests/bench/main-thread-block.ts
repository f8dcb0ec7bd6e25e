import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Runs `work` and measures the longest the event loop was held while it ran
 * (perf_hooks.monitorEventLoopDelay, resolution 10 ms): what the window waits for at worst. Not the
 * call's duration, which for work done on a worker thread is far longer and costs the window nothing.
 */
export async function mainThreadBlockDuring<T>(work: () => Promise<T>): Promise<{ value: T; blockMs: number; ms: number }> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // A delay is the time between two of the monitor's ticks: the first tick has to come before the
  // work, or a block at its start is not counted (it read 0 ms for a synchronous call).
  await new Promise((resolve) => setTimeout(resolve, 20));
  const t = performance.now();
  const value = await work();
  const ms = performance.now() - t;
  // And one tick after the work, for a block that lasts to its end.
  await new Promise((resolve) => setTimeout(resolve, 20));
  h.disable();
  // The histogram holds the gaps between ticks, in nanoseconds: the longest block, plus up to one
  // resolution (a 100 ms busy loop reads 100 to 110 ms; an idle loop reads about 10 ms).
  return { value, blockMs: h.max / 1e6, ms };
}
