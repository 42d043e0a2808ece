import { lazy, Suspense } from 'react';
import { Loading, startConsole } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { PartnershipsPage } from './pages/PartnershipsPage';
import { ProposalPage } from './pages/ProposalPage';
import { ProposalsPage } from './pages/ProposalsPage';

// Leaflet and the country outlines load only when the map is opened (outside the initial JS budget).
const MapPage = lazy(() => import('./pages/MapPage'));

/** The matching console: explained proposals with each side's decision, and partnerships. */
startConsole({
  service: 'matching',
  messages: MESSAGES,
  roles: ['matching:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.proposals') },
    { to: '/partnerships', label: t('nav.partnerships') },
    { to: '/map', label: t('nav.map'), roles: ['matching:coordinator'] },
  ],
  routes: [
    { path: '/', render: () => <ProposalsPage /> },
    { path: '/proposals/:id', render: ({ id }) => <ProposalPage id={id} /> },
    { path: '/partnerships', render: () => <PartnershipsPage /> },
    {
      path: '/map',
      render: () => (
        <Suspense fallback={<Loading />}>
          <MapPage />
        </Suspense>
      ),
    },
  ],
});
