/**
 * Runs `task` every `intervalMs`, never two at once; `stop()` waits for a run in
 * progress and then runs the task one last time (so nothing waits for the next start).
 */
export function every(intervalMs: number, task: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(task).catch(onError);
  };
  const timer = setInterval(() => { if (!stopped) tick(); }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await task().catch(onError);
    },
  };
}
