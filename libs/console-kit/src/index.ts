// The console kit: what every service's console (apps/<service>/console) is built from.
export { startConsole, type ConsoleDefinition, type ConsoleRoute } from './ConsoleApp';
export { createApiClient, call } from './api/api-client';
export { ApiError, toApiError, messagesFor } from './api/api-error';
export { useAuth, authToken, signalUnauthorized } from './auth/AuthProvider';
export { useFormat } from './i18n/format';
export { nameInScript, type Language } from './i18n/language';
export type { Messages } from './i18n/kit-messages';
export { DataTable, type Column, type ListPage, type ListResult, type TableQuery } from './ui/DataTable';
export { Field } from './ui/Field';
export { ProgressBar } from './ui/ProgressBar';
export { RangeField, type RangeDraft } from './ui/RangeField';
export { Link, useRouter } from './ui/router';
export { Empty, ErrorState, Loading, QueryView } from './ui/States';
export { useToast } from './ui/Toasts';
export type { NavItem } from './ui/Layout';
