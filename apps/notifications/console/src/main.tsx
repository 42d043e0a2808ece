import { startConsole, useAuth } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { DeliveriesPage } from './pages/DeliveriesPage';
import { InboxPage } from './pages/InboxPage';
import { RecipientPage } from './pages/RecipientPage';
import { RecipientsPage } from './pages/RecipientsPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { WebhooksPage } from './pages/WebhooksPage';

const ADMIN = ['notifications:admin'];

/** Admins land on deliveries; everyone else on their inbox. */
function Home() {
  return useAuth().hasRole(...ADMIN) ? <DeliveriesPage /> : <InboxPage />;
}

/**
 * The notifications console: deliveries (retry), webhooks, template previews and recipients with their
 * preferences for admins, and everyone's inbox. Other roles reaching an admin page get the service's 403.
 */
startConsole({
  service: 'notifications',
  messages: MESSAGES,
  roles: ['notifications:admin', 'registry:coordinator', 'matching:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.deliveries'), roles: ADMIN },
    { to: '/webhooks', label: t('nav.webhooks'), roles: ADMIN },
    { to: '/templates', label: t('nav.templates'), roles: ADMIN },
    { to: '/recipients', label: t('nav.recipients'), roles: ADMIN },
    { to: '/inbox', label: t('nav.inbox') },
  ],
  routes: [
    { path: '/', render: () => <Home /> },
    { path: '/deliveries', render: () => <DeliveriesPage /> },
    { path: '/webhooks', render: () => <WebhooksPage /> },
    { path: '/templates', render: () => <TemplatesPage /> },
    { path: '/recipients', render: () => <RecipientsPage /> },
    { path: '/recipients/:id', render: ({ id }) => <RecipientPage id={id} /> },
    { path: '/inbox', render: () => <InboxPage /> },
  ],
});
