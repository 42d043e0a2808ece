/**
 * Calls `onGone` once when the process that started this one is gone: it was killed outright
 * (SIGKILL, a closed terminal) and could not stop its children, so the kernel handed this process
 * to another parent. Checked every second; the timer does not keep the process alive.
 */
export function whenParentDies(onGone: (parentPid: number) => void, intervalMs = 1000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone(parent);
  }, intervalMs);
  timer.unref();
}
