// `#/conflicten`: the open sync conflicts (choose a version or merge them) and the changes the
// store did not accept (why, and the values so nothing typed is lost).
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { ConflictsSection } from './conflicts-section.js';
import { RejectionsSection } from './rejections-section.js';

export function ConflictenScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('sync.conflicts.title'));
  return (
    <div className="conflicten">
      <h1>{t('sync.conflicts.title')}</h1>
      <p>{t('sync.conflicts.intro')}</p>
      <ConflictsSection />
      <RejectionsSection />
    </div>
  );
}
