// Follows a single-page portal's in-page navigation and the tab's visibility, for the annotator: the Navigation
// API's `navigatesuccess` where the browser has it, else `popstate`, `hashchange` and a look at the address whenever
// the page's content changes (a content script cannot see the page's own `history.pushState` calls). Work waits
// while the tab is hidden.

export interface NavigationWatch {
  /** Tells the watch the page changed; reports a navigation when the address is not the one last seen. */
  checkAddress(): void;
}

interface NavigationLike {
  addEventListener(type: 'navigatesuccess', listener: () => void, options?: AddEventListenerOptions): void;
}

export function watchNavigation(onNavigate: (url: string) => void, signal: AbortSignal): NavigationWatch {
  let lastUrl = location.href;
  const checkAddress = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    onNavigate(lastUrl);
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('navigatesuccess', checkAddress, { signal });
  }
  addEventListener('popstate', checkAddress, { signal });
  addEventListener('hashchange', checkAddress, { signal });
  return { checkAddress };
}

/** Resolves at once in a visible tab, else when the tab is next shown (or never, once the signal aborts). */
export function whenVisible(signal: AbortSignal): Promise<void> {
  if (document.visibilityState !== 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const onChange = () => {
      if (document.visibilityState === 'hidden') return;
      document.removeEventListener('visibilitychange', onChange);
      resolve();
    };
    document.addEventListener('visibilitychange', onChange, { signal });
  });
}
