import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, Field, QueryView } from '@bridges/console-kit';
import { api, type TemplateSummary } from '../api';

/** Every email the service sends, previewed in any of its languages with the template's sample data. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useQuery({
    queryKey: ['templates'],
    queryFn: async () => (await call(api.GET('/templates', {}))).data,
  });
  return (
    <>
      <h1>{t('templates.title')}</h1>
      <QueryView query={templates}>{(list) => <Previewer templates={list} />}</QueryView>
    </>
  );
}

function Previewer({ templates }: { templates: TemplateSummary[] }) {
  const { t, i18n } = useTranslation();
  const [id, setId] = useState(templates[0]?.id ?? '');
  const template = templates.find((x) => x.id === id);
  // The reader's language when the template has it, else the first it is written in.
  const [locale, setLocale] = useState(i18n.language);
  const shown = template?.locales.includes(locale) ? locale : (template?.locales[0] ?? '');
  const preview = useQuery({
    queryKey: ['template-preview', id, shown],
    enabled: Boolean(template),
    queryFn: async () =>
      (await call(api.GET('/templates/{id}/preview', { params: { path: { id }, query: { locale: shown } } })))
        .data,
  });
  return (
    <>
      <div className="panel filters">
        <Field label={t('templates.template')} name="template">
          {(p) => (
            <select {...p} value={id} onChange={(e) => setId(e.target.value)}>
              {templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.id} (v{x.version})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('templates.language')} name="locale">
          {(p) => (
            <select {...p} value={shown} onChange={(e) => setLocale(e.target.value)}>
              {template?.locales.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <QueryView query={preview}>
        {(p) => (
          <section className="panel" aria-label={t('templates.preview')}>
            <p className="notice">{t('templates.sample')}</p>
            <h2 lang={p.locale} data-preview-subject>
              {p.subject}
            </h2>
            {/* The email's own HTML, sandboxed: no scripts, no access to the console. */}
            <iframe
              title={t('templates.html', { subject: p.subject })}
              sandbox=""
              srcDoc={p.html}
              className="email-preview"
              style={{ width: '100%', height: '32rem', border: '1px solid #ccc', background: '#fff' }}
            />
            <details>
              <summary>{t('templates.text')}</summary>
              <pre lang={p.locale} style={{ whiteSpace: 'pre-wrap' }}>
                {p.text}
              </pre>
            </details>
          </section>
        )}
      </QueryView>
    </>
  );
}
