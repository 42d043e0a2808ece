import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { messagesFor } from '../api/api-error';

/** The two ends of a range filter as typed; either may be empty (open end). */
export interface RangeDraft {
  readonly min?: number;
  readonly max?: number;
}

interface RangeFieldProps {
  readonly label: string;
  /** The API's query parameters for the ends (`populationMin`, `populationMax`): their 400 messages appear here. */
  readonly minName: string;
  readonly maxName: string;
  readonly value: RangeDraft;
  readonly onChange: (next: RangeDraft) => void;
  /** The last error of the list query; only its messages for the two ends are shown. */
  readonly error?: unknown;
}

const toNumber = (text: string): number | undefined => (text === '' ? undefined : Number(text));

/**
 * A numeric range filter (from / to) for a server-side list: one group with a legend, each end a
 * labelled number input; the server validates (an upside-down range is its 400, shown at the end it names).
 */
export function RangeField({ label, minName, maxName, value, onChange, error }: RangeFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const ends = [
    { name: minName, key: 'min' as const, text: t('kit.range.from') },
    { name: maxName, key: 'max' as const, text: t('kit.range.to') },
  ];
  return (
    <fieldset className="range-field">
      <legend>{label}</legend>
      {ends.map((end) => {
        const messages = messagesFor(error, end.name);
        return (
          <div key={end.key} className={`field${messages.length ? ' field-invalid' : ''}`}>
            <label htmlFor={`${id}-${end.key}`}>{end.text}</label>
            <input
              id={`${id}-${end.key}`}
              name={end.name}
              type="number"
              inputMode="numeric"
              min={0}
              value={value[end.key] ?? ''}
              aria-invalid={messages.length > 0}
              aria-describedby={messages.length ? `${id}-${end.key}-error` : undefined}
              onChange={(e) => onChange({ ...value, [end.key]: toNumber(e.target.value) })}
            />
            {messages.length > 0 && (
              <p id={`${id}-${end.key}-error`} className="field-error" data-field-error={end.name}>
                {messages.join('; ')}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
