import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useEffect, useMemo, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { ApiError } from './api/api-error';
import { AuthProvider, useAuth } from './auth/AuthProvider';
import { SignInPage } from './auth/SignInPage';
import { ConsoleContext } from './console-context';
import { createI18n } from './i18n/i18n';
import type { Messages } from './i18n/kit-messages';
import { preferredLanguage, rememberLanguage, type Language } from './i18n/language';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Layout, type NavItem } from './ui/Layout';
import { matchRoute } from './ui/route-match';
import { RouterProvider, useRouter } from './ui/router';
import { ErrorState } from './ui/States';
import { ToastProvider } from './ui/Toasts';
import './styles.css';

export interface ConsoleRoute {
  /** e.g. `/municipalities/:id`. */
  readonly path: string;
  readonly render: (params: Record<string, string>) => ReactNode;
}

/** What a service's console declares; the kit does the rest. */
export interface ConsoleDefinition {
  /** The service, as named in messages ("the registry service cannot be reached"). */
  readonly service: string;
  /** The console's own words; `console.title` names it. */
  readonly messages: Record<Language, Messages>;
  /** Roles that may use this console (offered on the development sign-in page). */
  readonly roles: readonly string[];
  readonly nav: (t: (key: string) => string) => readonly NavItem[];
  readonly routes: readonly ConsoleRoute[];
}

function Pages({
  definition,
  onLanguage,
}: {
  definition: ConsoleDefinition;
  onLanguage: (l: Language) => void;
}) {
  const { t } = useTranslation();
  const { session, hasRole } = useAuth();
  const { path } = useRouter();
  const page = (() => {
    if (!session) return <SignInPage roles={definition.roles} />;
    if (!hasRole(...definition.roles)) {
      return <p role="alert">{t('kit.noAccess', { roles: session.roles.join(', ') })}</p>;
    }
    for (const route of definition.routes) {
      const params = matchRoute(route.path, path);
      if (params) return route.render(params);
    }
    return <ErrorState error={new ApiError(404, 'Not found')} />;
  })();
  return (
    <Layout title={t('console.title')} nav={definition.nav(t)} onLanguage={onLanguage}>
      <ErrorBoundary key={path}>{page}</ErrorBoundary>
    </Layout>
  );
}

/** Language per signed-in user: switches to the user's own choice when they sign in. */
function LanguageScope({ definition }: { definition: ConsoleDefinition }) {
  const { session } = useAuth();
  const i18n = useMemo(
    () => createI18n(definition.messages, preferredLanguage(localStorage, undefined, navigator.languages)),
    [definition.messages],
  );
  const [, rerender] = useState(0);
  useEffect(() => {
    void i18n.changeLanguage(preferredLanguage(localStorage, session?.sub, navigator.languages));
  }, [i18n, session?.sub]);
  useEffect(() => {
    const sync = (language: string) => {
      document.documentElement.lang = language;
      rerender((n) => n + 1);
    };
    sync(i18n.language);
    i18n.on('languageChanged', sync);
    return () => i18n.off('languageChanged', sync);
  }, [i18n]);
  const onLanguage = (language: Language) => {
    rememberLanguage(localStorage, session?.sub, language);
    void i18n.changeLanguage(language);
  };
  return (
    <I18nextProvider i18n={i18n}>
      <ToastProvider>
        <Pages definition={definition} onLanguage={onLanguage} />
      </ToastProvider>
    </I18nextProvider>
  );
}

/** Mounts a console into #root. */
export function startConsole(definition: ConsoleDefinition): void {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal does not change by asking again; an outage may.
        retry: (count, error) => count < 1 && error instanceof ApiError && error.unreachable,
        refetchOnWindowFocus: false,
      },
    },
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConsoleContext.Provider value={{ serviceName: definition.service }}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider>
            <AuthProvider>
              <LanguageScope definition={definition} />
            </AuthProvider>
          </RouterProvider>
        </QueryClientProvider>
      </ConsoleContext.Provider>
    </StrictMode>,
  );
}
