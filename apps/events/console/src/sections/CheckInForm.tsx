import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, ErrorState, Field, useFormat } from '@bridges/console-kit';
import { api, type CheckInResult } from '../api';

/** The door: type (or scan into the field) a ticket's code; a second scan says when the first was. */
export function CheckInForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const checkIn = useMutation({
    mutationFn: async () =>
      (await call(api.POST('/events/{eventId}/check-ins', { params: { path: { eventId } }, body: { code } })))
        .data as unknown as CheckInResult,
    onSuccess: () => {
      setCode('');
      void queryClient.invalidateQueries({ queryKey: ['registrations', eventId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    checkIn.mutate();
  };
  const result = checkIn.data;
  const fieldErrors = checkIn.error instanceof ApiError && Object.keys(checkIn.error.fieldErrors).length > 0;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="check-in-title">
      <h2 id="check-in-title">{t('checkIn.title')}</h2>
      {checkIn.error && !fieldErrors ? <ErrorState error={checkIn.error} /> : null}
      <div className="form-grid">
        <Field label={t('checkIn.code')} name="code" error={checkIn.error}>
          {(p) => <input {...p} autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={checkIn.isPending}>
          {t('checkIn.submit')}
        </button>
      </div>
      {result && (
        <p role="status" className="notice">
          {t(result.outcome === 'checked-in' ? 'checkIn.done' : 'checkIn.already', {
            name: result.fullName,
            time: format.date(result.checkedInAt),
          })}
        </p>
      )}
    </form>
  );
}
