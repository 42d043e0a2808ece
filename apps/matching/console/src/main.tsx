import { startConsole } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { PartnershipsPage } from './pages/PartnershipsPage';
import { ProposalPage } from './pages/ProposalPage';
import { ProposalsPage } from './pages/ProposalsPage';

/** The matching console: explained proposals with each side's decision, and partnerships. */
startConsole({
  service: 'matching',
  messages: MESSAGES,
  roles: ['matching:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.proposals') },
    { to: '/partnerships', label: t('nav.partnerships') },
  ],
  routes: [
    { path: '/', render: () => <ProposalsPage /> },
    { path: '/proposals/:id', render: ({ id }) => <ProposalPage id={id} /> },
    { path: '/partnerships', render: () => <PartnershipsPage /> },
  ],
});
