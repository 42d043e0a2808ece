/**
 * The structure every template produces. Templates never write HTML: they return blocks of plain text,
 * and one renderer turns the blocks into both the text part and the HTML part, escaping every value.
 * So no template can forget to escape a municipality name, and text and HTML always say the same thing.
 */
export type EmailBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Label–value rows; rows whose value is empty are left out. */
  | { kind: 'facts'; rows: ReadonlyArray<readonly [label: string, value: string | null | undefined]> }
  | { kind: 'list'; items: readonly string[] }
  /** A link shown as a button; left out when the URL is missing or not http(s)/mailto. */
  | { kind: 'action'; label: string; url: string | null | undefined };

/** One email before rendering. */
export interface EmailDocument {
  /** BCP 47 language of the content; becomes `<html lang>`. */
  locale: string;
  subject: string;
  /** Short summary some mail clients show after the subject. */
  preheader?: string;
  blocks: EmailBlock[];
  /** Localised footer line explaining why the recipient gets this email. */
  footerReason: string;
  /** Localised label of the unsubscribe link. */
  unsubscribeLabel: string;
  unsubscribeUrl: string;
}
