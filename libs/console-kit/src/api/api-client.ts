import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { ApiError, toApiError } from './api-error';

/** What the client needs from the signed-in session. */
export interface ApiClientAuth {
  token(): string | undefined;
  /** Called on 401: the token expired or was revoked, so the user signs in again. */
  onUnauthorized(): void;
}

/**
 * A typed client of one service's API (`paths` generated from its OpenAPI document), on the origin
 * that served the console. Sends the bearer token and turns a network failure into an
 * {@link ApiError} with status 0, so every screen can tell "service down" from a refusal.
 */
export function createApiClient<Paths extends object>(auth: ApiClientAuth): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: window.location.origin });
  const middleware: Middleware = {
    onRequest({ request }) {
      const token = auth.token();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) auth.onUnauthorized();
      return response;
    },
    onError() {
      return new ApiError(0, 'The service cannot be reached');
    },
  };
  client.use(middleware);
  return client;
}

/** openapi-fetch's result: data on success, error otherwise. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps a call: the data when the response is 2xx, otherwise throws the {@link ApiError}
 * (TanStack Query shows it in the page's error state, forms at their fields).
 */
export async function call<T>(pending: Promise<FetchResult<T>>): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await pending;
  } catch (error) {
    throw error instanceof ApiError ? error : new ApiError(0, 'The service cannot be reached');
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return { data: result.data as T, response: result.response };
}
