import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from './States';

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** Set when the API can sort by this column; the header becomes a button. */
  readonly sortable?: boolean;
  readonly numeric?: boolean;
}

/** Paging and sorting the server applies (limit/offset as every Bridges list takes them). */
export interface TableQuery {
  readonly limit: number;
  readonly offset: number;
  readonly sort?: { readonly key: string; readonly direction: 'asc' | 'desc' };
}

/** One page of a server-side list, as every Bridges list answers it. */
export interface ListPage<Row> {
  readonly items: readonly Row[];
  readonly total: number;
}

/** The part of a TanStack Query result a table needs: the page, its error, whether it loads, and a retry. */
export interface ListResult<Row> {
  readonly data?: ListPage<Row>;
  readonly error: unknown;
  readonly isFetching: boolean;
  readonly refetch: () => unknown;
}

type DataTableProps<Row> = {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rowKey: (row: Row) => string;
  readonly query: TableQuery;
  readonly onQueryChange: (next: TableQuery) => void;
  readonly empty?: ReactNode;
} & (
  | {
      /** The list's query result: page, error, loading and retry all come from it. */
      readonly list: ListResult<Row>;
    }
  | {
      /** Or each part given on its own, for a page the caller derives itself. */
      readonly page?: ListPage<Row>;
      readonly error?: unknown;
      readonly loading: boolean;
      readonly onRetry?: () => void;
    }
);

/**
 * A table over one page of a server-side list: the server filters, sorts and pages (60,000 rows
 * never reach the browser); the table shows loading, empty and error states in place.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t, i18n } = useTranslation();
  const { query, columns } = props;
  const { page, error, loading, onRetry } =
    'list' in props
      ? {
          page: props.list.data,
          error: props.list.error,
          loading: props.list.isFetching,
          onRetry: () => void props.list.refetch(),
        }
      : props;
  const number = new Intl.NumberFormat(i18n.language);
  const from = page && page.total > 0 ? query.offset + 1 : 0;
  const to = page ? query.offset + page.items.length : 0;
  const sortBy = (key: string) => {
    const direction = query.sort?.key === key && query.sort.direction === 'asc' ? 'desc' : 'asc';
    props.onQueryChange({ ...query, offset: 0, sort: { key, direction } });
  };
  return (
    // A wide table scrolls sideways inside this region: keyboard users must be able to focus it to scroll
    // (axe: scrollable-region-focusable).
    <div className="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table aria-busy={loading}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = query.sort?.key === column.key ? query.sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={
                    sorted === 'asc'
                      ? 'ascending'
                      : sorted === 'desc'
                        ? 'descending'
                        : column.sortable
                          ? 'none'
                          : undefined
                  }
                >
                  {column.sortable ? (
                    // A button, so sorting is reached with Tab and done with Enter or Space; the
                    // header's aria-sort says the order, the arrow (styles.css, data-sort) only shows it.
                    <button
                      type="button"
                      data-sort={sorted ?? 'none'}
                      onClick={() => sortBy(column.key)}
                      title={t('kit.sortBy', { column: column.header })}
                    >
                      {column.header}
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {page?.items.map((row) => (
            <tr key={props.rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <ErrorState error={error} onRetry={onRetry} /> : null}
      {!error && !page && loading ? <Loading /> : null}
      {!error && page?.items.length === 0 ? <Empty>{props.empty}</Empty> : null}
      {page && page.total > 0 && (
        <nav className="pager" aria-label={props.caption}>
          <span>
            {t('kit.page', {
              from: number.format(from),
              to: number.format(to),
              total: number.format(page.total),
            })}
          </span>
          <button
            type="button"
            disabled={query.offset === 0}
            onClick={() => props.onQueryChange({ ...query, offset: Math.max(0, query.offset - query.limit) })}
          >
            {t('kit.previous')}
          </button>
          <button
            type="button"
            disabled={to >= page.total}
            onClick={() => props.onQueryChange({ ...query, offset: query.offset + query.limit })}
          >
            {t('kit.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
