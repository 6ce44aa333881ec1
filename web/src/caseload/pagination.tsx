import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}

/** Previous / Next buttons with "Page X of Y". */
export function Pagination({ page, pages, onPage }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </button>
      <span aria-live="polite" data-testid="page-indicator">
        {t('pagination.pageOf', { page, pages })}
      </span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pagination.next')}
      </button>
    </nav>
  );
}
