import { useEffect, useState } from 'react';

const query = '(prefers-color-scheme: dark)';

/** Whether the OS asks for a dark theme; follows changes while the app runs. */
export function useSystemDarkMode(): boolean {
  const [dark, setDark] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const media = window.matchMedia(query);
    const listener = (event: MediaQueryListEvent) => setDark(event.matches);
    media.addEventListener('change', listener);
    return () => media.removeEventListener('change', listener);
  }, []);
  return dark;
}
