import { startConsole } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { AidRequestPage } from './pages/AidRequestPage';
import { AidRequestsPage } from './pages/AidRequestsPage';
import { PostRequestPage } from './pages/PostRequestPage';
import { ShipmentPage } from './pages/ShipmentPage';
import { ShipmentsPage } from './pages/ShipmentsPage';
import { TotalsPage } from './pages/TotalsPage';

/** The aid logistics console: requests, pledges, shipments with their timeline, receipts and totals. */
startConsole({
  service: 'logistics',
  messages: MESSAGES,
  roles: ['logistics:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.requests') },
    {
      to: '/requests/new',
      label: t('nav.postRequest'),
      roles: ['municipality:officer', 'logistics:coordinator'],
    },
    { to: '/shipments', label: t('nav.shipments') },
    { to: '/totals', label: t('nav.totals'), roles: ['logistics:coordinator'] },
  ],
  routes: [
    { path: '/', render: () => <AidRequestsPage /> },
    { path: '/requests/new', render: () => <PostRequestPage /> },
    { path: '/requests/:id', render: ({ id }) => <AidRequestPage id={id} /> },
    { path: '/shipments', render: () => <ShipmentsPage /> },
    { path: '/shipments/:id', render: ({ id }) => <ShipmentPage id={id} /> },
    { path: '/totals', render: () => <TotalsPage /> },
  ],
});
