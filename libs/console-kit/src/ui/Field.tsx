import { useId, type ReactNode } from 'react';
import { messagesFor } from '../api/api-error';

interface FieldProps {
  readonly label: string;
  /** The API's field path (`population`, `location.lat`): the 400's messages for it appear here. */
  readonly name: string;
  /** The last error of the form's mutation; only its messages for `name` are shown. */
  readonly error?: unknown;
  readonly hint?: string;
  readonly children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby'?: string;
  }) => ReactNode;
}

/**
 * A labelled form control with the API's validation messages for it underneath, linked with
 * aria-describedby and aria-invalid so screen readers announce them with the field.
 */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const id = useId();
  const messages = messagesFor(error, name);
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${messages.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        'aria-invalid': messages.length > 0,
        'aria-describedby': describedBy || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {messages.length > 0 && (
        <p id={`${id}-error`} className="field-error" data-field-error={name}>
          {messages.join('; ')}
        </p>
      )}
    </div>
  );
}
