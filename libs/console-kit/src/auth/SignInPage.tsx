import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api-client';
import { Field } from '../ui/Field';
import { ErrorState, Loading } from '../ui/States';
import { useAuth } from './AuthProvider';

interface DevTokenResponse {
  accessToken: string;
  expiresIn: number;
}

/**
 * Development: pick a role (and, for an officer, the municipality) and get a token from the service's
 * POST /auth/dev-token, which production does not have. Production: one button to the organisation's
 * identity provider.
 */
export function SignInPage({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const { signInConfig, signInConfigError, signInWithToken, signInWithProvider } = useAuth();
  const [role, setRole] = useState(roles[0]);
  const [municipalityId, setMunicipalityId] = useState('');
  const [name, setName] = useState('');
  const devToken = useMutation({
    mutationFn: async () => {
      const body = { role, ...(municipalityId ? { municipalityId } : {}), ...(name ? { name } : {}) };
      const pending = fetch('/auth/dev-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => {
        const json = (await response.json().catch(() => undefined)) as unknown;
        return { response, data: response.ok ? (json as DevTokenResponse) : undefined, error: json };
      });
      return (await call(pending)).data;
    },
    onSuccess: (data) => signInWithToken(data.accessToken),
  });

  if (signInConfigError) return <ErrorState error={signInConfigError} />;
  if (!signInConfig) return <Loading />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    devToken.mutate();
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('kit.signIn.title')}</h1>
      {signInConfig.mode === 'development' && (
        <form onSubmit={submit} noValidate>
          <p className="notice">{t('kit.signIn.devNotice')}</p>
          <Field label={t('kit.signIn.role')} name="role" error={devToken.error}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value)}>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('kit.signIn.municipality')} name="municipalityId" error={devToken.error}>
            {(p) => (
              <input
                {...p}
                value={municipalityId}
                onChange={(e) => setMunicipalityId(e.target.value.trim())}
              />
            )}
          </Field>
          <Field label={t('kit.signIn.name')} name="name" error={devToken.error}>
            {(p) => (
              <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            )}
          </Field>
          <button type="submit" className="primary" disabled={devToken.isPending}>
            {t('kit.signIn.submit')}
          </button>
        </form>
      )}
      {signInConfig.mode === 'oidc' && (
        <button type="button" className="primary" onClick={() => void signInWithProvider()}>
          {t('kit.signIn.oidc')}
        </button>
      )}
      {signInConfig.mode === 'unavailable' && <p role="alert">{t('kit.signIn.unavailable')}</p>}
    </section>
  );
}
