import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call, DataTable, ErrorState, useToast, type Column } from '@bridges/console-kit';
import { api, type WebhookSubscription } from '../api';

/** Associations' webhook subscriptions, their health, and re-enabling one the dispatcher switched off. */
export function WebhooksPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['webhooks'],
    queryFn: async () => {
      const items = (await call(api.GET('/webhook-subscriptions', {})))
        .data as unknown as WebhookSubscription[];
      return { items, total: items.length };
    },
  });
  const toggle = useMutation({
    mutationFn: async ({ id, enable }: { id: string; enable: boolean }) => {
      const params = { params: { path: { id } } };
      await call(
        enable
          ? api.POST('/webhook-subscriptions/{id}/enable', params)
          : api.POST('/webhook-subscriptions/{id}/disable', params),
      );
    },
    onSuccess: () => {
      toast('success', t('webhooks.changed'));
      void queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    },
  });
  const columns: Column<WebhookSubscription>[] = [
    { key: 'url', header: t('col.url'), cell: (s) => <code>{s.url}</code> },
    { key: 'events', header: t('col.events'), cell: (s) => s.eventTypes.join(', ') },
    {
      key: 'health',
      header: t('col.health'),
      cell: (s) => (
        <span className={`badge ${s.enabled ? 'badge-ok' : 'badge-bad'}`}>
          {s.enabled
            ? t('webhooks.failures', { count: s.consecutiveFailures })
            : (s.disabledReason ?? t('webhooks.disable'))}
        </span>
      ),
    },
    {
      key: 'actions',
      header: t('col.actions'),
      cell: (s) => (
        <button
          type="button"
          disabled={toggle.isPending}
          onClick={() => toggle.mutate({ id: s.id, enable: !s.enabled })}
        >
          {s.enabled ? t('webhooks.disable') : t('webhooks.enable')}
        </button>
      ),
    },
  ];
  return (
    <>
      <h1>{t('webhooks.title')}</h1>
      {toggle.error ? <ErrorState error={toggle.error} /> : null}
      <DataTable
        caption={t('webhooks.caption')}
        columns={columns}
        rowKey={(s) => s.id}
        list={list}
        query={{ limit: Math.max(list.data?.total ?? 0, 1), offset: 0 }}
        onQueryChange={() => undefined}
      />
    </>
  );
}
