/** The three parts of a rendered email. */
export interface RenderedContent {
  subject: string;
  text: string;
  html: string;
}

/** A rendered email and what produced it; the delivery record stores template id, version and locale. */
export interface RenderedNotification extends RenderedContent {
  templateId: string;
  templateVersion: number;
  /** The locale actually used, after falling back (e.g. `en` when `lt` was asked for but not translated). */
  locale: string;
}

/** Data every template needs. */
export interface BaseTemplateData {
  /** Signed one-click unsubscribe link of this recipient (see preferences/unsubscribe-token.util.ts). */
  unsubscribeUrl: string;
  /** Name for the greeting; a neutral greeting is used without it. */
  recipientName?: string;
}

/**
 * One kind of notification, in every language it is translated to. Adding a notification (e.g. an
 * aid-logistics shipment update) means adding one file that implements this and registering it; the
 * delivery code only ever sees `TemplateRegistry.render(id, data, locale)`.
 */
export interface NotificationTemplate<TData extends BaseTemplateData = BaseTemplateData> {
  /** Stable id, `<area>.<what-happened>`, e.g. `partnership.established`. */
  readonly id: string;
  /** Bump when wording or data change meaningfully; stored with every delivery. */
  readonly version: number;
  /** Languages it is translated into (ISO 639-1); always includes `en`. */
  readonly locales: readonly string[];
  /** Renders in `locale`, which must be one of `locales` (the registry resolves fallbacks first). */
  render(data: TData, locale: string): RenderedContent;
}
