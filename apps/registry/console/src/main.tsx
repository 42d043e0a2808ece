import { startConsole } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { AssociationsPage } from './pages/AssociationsPage';
import { ImportRunsPage } from './pages/ImportRunsPage';
import { IngestedEventsPage } from './pages/IngestedEventsPage';
import { MunicipalitiesPage } from './pages/MunicipalitiesPage';
import { MunicipalityPage } from './pages/MunicipalityPage';
import { RegisterPage } from './pages/RegisterPage';

/** The registry console: municipalities (search, profile, edit), registration, associations, import runs, ingested events. */
startConsole({
  service: 'registry',
  messages: MESSAGES,
  // Every coordinator may search; registry coordinators and officers edit (the API decides each call).
  roles: ['registry:coordinator', 'municipality:officer', 'matching:coordinator', 'notifications:admin'],
  nav: (t) => [
    {
      to: '/',
      label: t('nav.municipalities'),
      roles: ['registry:coordinator', 'matching:coordinator', 'notifications:admin'],
    },
    { to: '/municipalities/new', label: t('nav.register'), roles: ['registry:coordinator'] },
    { to: '/associations', label: t('nav.associations'), roles: ['registry:coordinator'] },
    { to: '/import-runs', label: t('nav.importRuns'), roles: ['registry:coordinator'] },
    { to: '/ingested-events', label: t('nav.ingested'), roles: ['registry:coordinator'] },
  ],
  routes: [
    { path: '/', render: () => <MunicipalitiesPage /> },
    { path: '/municipalities', render: () => <MunicipalitiesPage /> },
    { path: '/municipalities/new', render: () => <RegisterPage /> },
    { path: '/municipalities/:id', render: ({ id }) => <MunicipalityPage id={id} /> },
    { path: '/associations', render: () => <AssociationsPage /> },
    { path: '/import-runs', render: () => <ImportRunsPage /> },
    { path: '/ingested-events', render: () => <IngestedEventsPage /> },
  ],
});
