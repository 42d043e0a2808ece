import { startConsole, useAuth } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { DeliveriesPage } from './pages/DeliveriesPage';
import { InboxPage } from './pages/InboxPage';
import { WebhooksPage } from './pages/WebhooksPage';

const ADMIN = ['notifications:admin'];

/** Admins land on deliveries; everyone else on their inbox. */
function Home() {
  return useAuth().hasRole(...ADMIN) ? <DeliveriesPage /> : <InboxPage />;
}

/** The notifications console: deliveries and webhooks for admins, and everyone's inbox. */
startConsole({
  service: 'notifications',
  messages: MESSAGES,
  roles: ['notifications:admin', 'registry:coordinator', 'matching:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.deliveries'), roles: ADMIN },
    { to: '/webhooks', label: t('nav.webhooks'), roles: ADMIN },
    { to: '/inbox', label: t('nav.inbox') },
  ],
  routes: [
    { path: '/', render: () => <Home /> },
    { path: '/webhooks', render: () => <WebhooksPage /> },
    { path: '/inbox', render: () => <InboxPage /> },
  ],
});
