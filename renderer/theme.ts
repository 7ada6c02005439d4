import { useEffect, useState } from 'react';

/** Whether a CSS media query matches; follows changes while the app runs. */
function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const listener = (event: MediaQueryListEvent) => setMatches(event.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, [query]);
  return matches;
}

/** Whether the OS asks for a dark theme; follows changes while the app runs. */
export function useSystemDarkMode(): boolean {
  return useMediaQuery('(prefers-color-scheme: dark)');
}

/**
 * Whether the OS asks for less motion (Windows' "Animation effects" off, macOS's "Reduce motion", GNOME's animations
 * off); then dialogs, menus and drawers appear and go without antd's zoom and slide. Follows changes while the app runs.
 */
export function useSystemReducedMotion(): boolean {
  return useMediaQuery('(prefers-reduced-motion: reduce)');
}
