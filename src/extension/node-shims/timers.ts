// `timers` for the feed parser inside the extension's worker (its XML parser requires it): setImmediate runs the
// callback on the next task through setTimeout, which a service worker has.
export function setImmediate<A extends unknown[]>(callback: (...args: A) => void, ...args: A): ReturnType<typeof setTimeout> {
  return setTimeout(callback, 0, ...args);
}

export function clearImmediate(handle: ReturnType<typeof setTimeout>): void {
  clearTimeout(handle);
}

export default { setImmediate, clearImmediate };
