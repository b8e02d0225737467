/**
 * Heavy things load late: a widget starts its work when it comes near the viewport.
 */

/** Runs `start` once, when `element` comes within `margin` of the viewport. Returns a cancel function. */
export function whenNearViewport(element: Element, start: () => void, margin = '300px'): () => void {
  if (!('IntersectionObserver' in window)) {
    start();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        start();
      }
    },
    { rootMargin: margin },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
