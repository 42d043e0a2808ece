import { startConsole } from '@bridges/console-kit';
import { MESSAGES } from './messages';
import { EventFormPage } from './pages/EventFormPage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';

/** The events console: events and their quotas, registrations with the waiting list, check-in at the door. */
startConsole({
  service: 'events',
  messages: MESSAGES,
  roles: ['events:coordinator', 'municipality:officer'],
  nav: (t) => [
    { to: '/', label: t('nav.events') },
    { to: '/events/new', label: t('nav.newEvent'), roles: ['events:coordinator'] },
  ],
  routes: [
    { path: '/', render: () => <EventsPage /> },
    { path: '/events/new', render: () => <EventFormPage /> },
    { path: '/events/:id/edit', render: ({ id }) => <EventFormPage id={id} /> },
    { path: '/events/:id', render: ({ id }) => <EventPage id={id} /> },
  ],
});
