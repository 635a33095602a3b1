import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/contract/index.js';
import { formatDateTime } from '../../../../shared/format.js';
import { i18n } from '../../i18n.js';
import { useLanguage } from '../../stores/language-store.js';

export function DossierTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  const lang = useLanguage((s) => s.lang);
  const sorted = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const fieldName = (f: string) => (i18n.exists(`dossier.field.${f}`) ? t(`dossier.field.${f}`) : f);
  return (
    <section className="form-section timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('dossier.section_timeline')}</h2>
      {sorted.length === 0 ? (
        <p className="empty">{t('dossier.timeline_empty')}</p>
      ) : (
        <ol className="timeline-list">
          {sorted.map((e) => (
            <li key={e.id}>
              <p className="timeline-head">
                <strong>{t(`enums.timeline.${e.type}`)}</strong>{' '}
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>{' '}
                <span>{t('dossier.timeline_by', { name: e.actorName })}</span>
              </p>
              {e.fields.length > 0 && (
                <p className="timeline-fields">
                  {t('dossier.timeline_fields', { fields: [...new Set(e.fields.map(fieldName))].join(', ') })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
