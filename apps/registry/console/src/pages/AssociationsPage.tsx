import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ApiError,
  call,
  DataTable,
  ErrorState,
  Field,
  useFormat,
  useToast,
  type Column,
} from '@bridges/console-kit';
import { api, type ApiKey, type Association, type IssuedApiKey } from '../api';

/** Associations that publish events, and their API keys: a key's secret is shown once, when issued. */
export function AssociationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<Association | undefined>();
  const list = useQuery({
    queryKey: ['associations'],
    queryFn: async () => {
      const items = (await call(api.GET('/associations', {}))).data;
      return { items, total: items.length };
    },
  });
  const create = useMutation({
    mutationFn: async () => (await call(api.POST('/associations', { body: { name } }))).data,
    onSuccess: (created) => {
      toast('success', t('associations.created', { name: created.name }));
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['associations'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const columns: Column<Association>[] = [
    { key: 'name', header: t('col.name'), cell: (a) => a.name },
    { key: 'created', header: t('associations.createdAt'), cell: (a) => format.date(a.createdAt) },
    {
      key: 'keys',
      header: t('associations.keys'),
      cell: (a) => (
        <button type="button" onClick={() => setSelected(a)}>
          {t('associations.manageKeys', { name: a.name })}
        </button>
      ),
    },
  ];
  return (
    <>
      <h1>{t('nav.associations')}</h1>
      <form className="panel filters" onSubmit={submit} noValidate aria-label={t('associations.add')}>
        <Field label={t('associations.name')} name="name" error={create.error}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t('associations.add')}
        </button>
      </form>
      {create.error instanceof ApiError && Object.keys(create.error.fieldErrors).length === 0 ? (
        <ErrorState error={create.error} />
      ) : null}
      <DataTable
        caption={t('nav.associations')}
        columns={columns}
        rowKey={(a) => a.id}
        list={list}
        query={{ limit: Math.max(list.data?.total ?? 0, 1), offset: 0 }}
        onQueryChange={() => undefined}
      />
      {selected && <ApiKeys key={selected.id} association={selected} />}
    </>
  );
}

function ApiKeys({ association }: { association: Association }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedApiKey | undefined>();
  const [label, setLabel] = useState('');
  const path = { id: association.id };
  const keys = useQuery({
    queryKey: ['api-keys', association.id],
    queryFn: async () => {
      const items = (await call(api.GET('/associations/{id}/keys', { params: { path } }))).data;
      return { items, total: items.length };
    },
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['api-keys', association.id] });
  const issue = useMutation({
    mutationFn: async () =>
      (await call(api.POST('/associations/{id}/keys', { params: { path }, body: label ? { label } : {} })))
        .data,
    onSuccess: (key) => {
      setIssued(key);
      setLabel('');
      refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) =>
      call(
        api.DELETE('/associations/{id}/keys/{keyId}', { params: { path: { id: association.id, keyId } } }),
      ),
    onSuccess: refresh,
  });
  const columns: Column<ApiKey>[] = [
    { key: 'id', header: t('associations.keyId'), cell: (k) => <code>{k.keyId}</code> },
    { key: 'label', header: t('associations.label'), cell: (k) => k.label ?? '—' },
    { key: 'created', header: t('associations.createdAt'), cell: (k) => format.date(k.createdAt) },
    {
      key: 'state',
      header: t('associations.state'),
      cell: (k) =>
        k.revokedAt ? (
          t('associations.revokedAt', { when: format.date(k.revokedAt) })
        ) : (
          <button type="button" className="danger" onClick={() => revoke.mutate(k.keyId)}>
            {t('associations.revoke')}
          </button>
        ),
    },
  ];
  return (
    <section className="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('associations.keysOf', { name: association.name })}</h2>
      {issued && (
        <div className="conflict" role="alert">
          <p>{t('associations.secretOnce')}</p>
          <p>
            <code data-testid="issued-secret">{issued.secret}</code>
          </p>
          <p className="field-hint">{issued.signing}</p>
          <button type="button" onClick={() => setIssued(undefined)}>
            {t('associations.secretStored')}
          </button>
        </div>
      )}
      {issue.error || revoke.error ? <ErrorState error={issue.error ?? revoke.error} /> : null}
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          issue.mutate();
        }}
        noValidate
      >
        <Field label={t('associations.label')} name="label" error={issue.error}>
          {(p) => <input {...p} value={label} onChange={(e) => setLabel(e.target.value)} />}
        </Field>
        <button type="submit" className="primary" disabled={issue.isPending}>
          {t('associations.issue')}
        </button>
      </form>
      <DataTable
        caption={t('associations.keysOf', { name: association.name })}
        columns={columns}
        rowKey={(k) => k.keyId}
        page={keys.data}
        error={keys.error}
        loading={keys.isFetching}
        query={{ limit: Math.max(keys.data?.total ?? 0, 1), offset: 0 }}
        onQueryChange={() => undefined}
      />
    </section>
  );
}
