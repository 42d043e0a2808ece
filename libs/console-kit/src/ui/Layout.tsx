import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider';
import { LANGUAGES, type Language } from '../i18n/language';
import { Link } from './router';

export interface NavItem {
  readonly to: string;
  readonly label: string;
  /** Shown only to these roles; everyone signed in when absent. */
  readonly roles?: readonly string[];
}

interface LayoutProps {
  readonly title: string;
  readonly nav: readonly NavItem[];
  readonly onLanguage: (language: Language) => void;
  readonly children: ReactNode;
}

/** Header (console name, navigation the role may use, language, user), then the page in <main>. */
export function Layout({ title, nav, onLanguage, children }: LayoutProps) {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useAuth();
  const visible = nav.filter((item) => !item.roles || item.roles.some((r) => session?.roles.includes(r)));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('kit.skipToContent')}
      </a>
      <header className="top">
        <p className="brand">
          <span aria-hidden="true">◆</span> Bridges · {title}
        </p>
        {session && (
          <nav aria-label={title}>
            <ul>
              {visible.map((item) => (
                <li key={item.to}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="top-tools">
          <label>
            <span className="visually-hidden">{t('kit.language')}</span>
            <select
              value={i18n.language}
              onChange={(event) => onLanguage(event.target.value as Language)}
              aria-label={t('kit.language')}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {language === 'uk' ? 'Українська' : 'English'}
                </option>
              ))}
            </select>
          </label>
          {session && (
            <>
              <span className="who">
                {t('kit.signedInAs', { who: session.name ?? session.roles.join(', ') })}
              </span>
              <button type="button" onClick={signOut}>
                {t('kit.signOut')}
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
