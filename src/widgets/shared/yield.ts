/**
 * Gives the page a turn between training steps, so clicks, scrolling and drawing are never
 * held up for longer than one step. A MessageChannel task runs sooner than setTimeout(0),
 * which browsers clamp to 4 ms after a few nested calls (and to 1 s in hidden tabs).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
