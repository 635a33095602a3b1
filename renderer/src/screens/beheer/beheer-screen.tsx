// `#/beheer`: werkgebieden, schools and the CSV import of schools.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { School, Werkgebied } from '../../../../shared/contract/index.js';
import { Busy, ErrorMessage } from '../../components/status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { errorText } from '../../i18n.js';
import { useTransport } from '../../transport/transport.js';
import { BudgetSettingsSection } from '../budgets/budget-settings.js';
import { CsvImport } from './csv-import.js';
import { SchoolsSection } from './schools-section.js';
import { WerkgebiedenSection } from './werkgebieden-section.js';

export function BeheerScreen() {
  const { t } = useTranslation();
  const transport = useTransport();
  const [data, setData] = useState<{ werkgebieden: Werkgebied[]; schools: School[] } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useDocumentTitle(t('beheer.title'));

  useEffect(() => {
    let live = true;
    Promise.all([transport.call('werkgebieden:list', {}), transport.call('schools:list', {})]).then(
      ([werkgebieden, schools]) => {
        if (!live) return;
        setFailure(null);
        setData({ werkgebieden, schools });
      },
      (err: unknown) => live && setFailure(err),
    );
    return () => {
      live = false;
    };
  }, [transport, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return (
    <div className="beheer">
      <h1>{t('beheer.title')}</h1>
      {failure !== null && (
        <ErrorMessage
          action={
            <button type="button" onClick={reload}>
              {t('common.retry')}
            </button>
          }
        >
          {errorText(t, failure)}
        </ErrorMessage>
      )}
      {!data && failure === null && <Busy>{t('common.loading')}</Busy>}
      {data && (
        <>
          <WerkgebiedenSection werkgebieden={data.werkgebieden} onSaved={reload} />
          <SchoolsSection schools={data.schools} werkgebieden={data.werkgebieden} onSaved={reload} />
        </>
      )}
      <CsvImport onImported={reload} />
      <BudgetSettingsSection />
    </div>
  );
}
