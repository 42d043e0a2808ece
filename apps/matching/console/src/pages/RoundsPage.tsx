import { useTranslation } from 'react-i18next';
import { RoundsTable } from './CampaignPage';

/** Every global round, newest first, refreshed while one runs. */
export function RoundsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('rounds.title')}</h1>
      <RoundsTable />
    </>
  );
}
