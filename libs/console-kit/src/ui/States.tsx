import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { useConsole } from '../console-context';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="state state-loading" role="status">
      {t('kit.loading')}
    </p>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state-empty">{children ?? t('kit.empty')}</p>;
}

/**
 * What went wrong, in words a coordinator can act on: the service is down (try again), the role may
 * not do this (403), the thing does not exist (404), or the service's own message.
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { serviceName } = useConsole();
  const api = error instanceof ApiError ? error : undefined;
  const text = api?.unreachable
    ? t('kit.unreachable', { service: serviceName })
    : api?.status === 403
      ? t('kit.forbidden')
      : api?.status === 404
        ? t('kit.notFound')
        : t('kit.failed', { message: error instanceof Error ? error.message : String(error) });
  return (
    <div className="state state-error" role="alert">
      <p>{text}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('kit.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders a query's three states; `children` only once data is there. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { data?: T; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}
