import { createContext, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { CONSOLE_BASE, consolePath } from './route-match';

interface Location {
  readonly path: string;
  readonly search: URLSearchParams;
}

interface RouterValue extends Location {
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterValue | undefined>(undefined);

function currentLocation(): Location {
  return { path: consolePath(window.location.pathname), search: new URLSearchParams(window.location.search) };
}

/**
 * History-API routing inside /console/ (the service answers index.html for every path under it, so
 * deep links and reloads work). Small on purpose: a console has a handful of pages.
 */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const onPop = () => setLocation(currentLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string, options: { replace?: boolean } = {}) => {
    const url = `${CONSOLE_BASE}${to.startsWith('/') ? to : `/${to}`}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setLocation(currentLocation());
    window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** A link inside the console: a real anchor (open in new tab works), navigated without a reload. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { navigate, path } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  const current = path === to.split('?')[0] ? 'page' : undefined;
  return (
    <a href={`${CONSOLE_BASE}${to}`} onClick={onClick} className={className} aria-current={current}>
      {children}
    </a>
  );
}
