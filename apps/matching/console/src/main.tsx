import { lazy, Suspense } from 'react';
import { Loading, startConsole } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { CampaignFormPage } from './pages/CampaignFormPage';
import { CampaignPage } from './pages/CampaignPage';
import { CampaignsPage } from './pages/CampaignsPage';
import { PartnershipPage } from './pages/PartnershipPage';
import { PartnershipsPage } from './pages/PartnershipsPage';
import { ProposalPage } from './pages/ProposalPage';
import { ProposalsPage } from './pages/ProposalsPage';
import { RoundPage } from './pages/RoundPage';
import { RoundsPage } from './pages/RoundsPage';

// Leaflet and the country outlines load only when the map is opened (outside the initial JS budget).
const MapPage = lazy(() => import('./pages/MapPage'));

/** The matching console: explained proposals with each side's decision, partnerships, campaigns and rounds. */
startConsole({
  service: 'matching',
  messages: MESSAGES,
  roles: ['matching:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.proposals') },
    { to: '/partnerships', label: t('nav.partnerships') },
    { to: '/map', label: t('nav.map'), roles: ['matching:coordinator'] },
    { to: '/campaigns', label: t('nav.campaigns'), roles: ['matching:coordinator'] },
    { to: '/rounds', label: t('nav.rounds'), roles: ['matching:coordinator'] },
  ],
  routes: [
    { path: '/', render: () => <ProposalsPage /> },
    { path: '/proposals/:id', render: ({ id }) => <ProposalPage id={id} /> },
    { path: '/partnerships', render: () => <PartnershipsPage /> },
    { path: '/partnerships/:id', render: ({ id }) => <PartnershipPage id={id} /> },
    { path: '/campaigns', render: () => <CampaignsPage /> },
    // Before /campaigns/:id, which would otherwise take "new" for an id.
    { path: '/campaigns/new', render: () => <CampaignFormPage /> },
    { path: '/campaigns/:id', render: ({ id }) => <CampaignPage id={id} /> },
    { path: '/rounds', render: () => <RoundsPage /> },
    { path: '/rounds/:id', render: ({ id }) => <RoundPage id={id} /> },
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
