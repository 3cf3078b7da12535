// Whether a process is still running, to tell what a killed build left behind
// (temporary outputs, a browser profile) from what a running one still uses.
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // It runs, as another user.
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}
