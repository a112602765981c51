import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Call `onReach` when the returned element (a sentinel below the list) scrolls into view, while
 * `enabled`. Without IntersectionObserver nothing happens: the "Load more" button still works.
 */
export function useInfiniteScroll<E extends Element>(onReach: () => void, enabled: boolean) {
  const ref = useRef<E>(null);
  const reach = useEffectEvent(onReach);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) reach();
      },
      // Start loading a little before the end is on screen.
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [enabled]);
  return ref;
}
