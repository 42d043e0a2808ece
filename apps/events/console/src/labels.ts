import { useTranslation } from 'react-i18next';
import { useFormat } from '@bridges/console-kit';
import { EVENT_KIND_LABELS, type EventKind } from '@bridges/contracts/events/events/event-vocabulary.v1';
import type { EventView } from './api';

/** An event's kind and title in the reader's language (the contracts name the kinds in uk and en). */
export function useEventLabels() {
  const { t } = useTranslation();
  const { language } = useFormat();
  return {
    kind: (kind: EventKind) => EVENT_KIND_LABELS[kind]?.[language] ?? kind,
    title: (event: Pick<EventView, 'titleUk' | 'titleEn'>) =>
      language === 'uk' ? event.titleUk : event.titleEn,
    status: (status: string) => t(`status.${status}`),
    seat: (status: string) => t(`participant.${status}`),
  };
}
