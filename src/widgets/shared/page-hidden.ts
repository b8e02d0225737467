/**
 * Pausing when the tab is hidden: browsers starve hidden tabs (timers slow to a crawl, the
 * GPU may be taken away) and the reader is not watching, so training widgets stop stepping.
 */

/** Calls `onHidden` each time the page becomes hidden, until `signal` aborts. */
export function onPageHidden(onHidden: () => void, signal: AbortSignal): void {
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.hidden) onHidden();
    },
    { signal },
  );
}
