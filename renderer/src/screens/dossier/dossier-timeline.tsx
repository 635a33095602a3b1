import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/contract/index.js';
import { formatDateTime } from '../../../../shared/format.js';
import { Link } from '../../components/link.js';
import { i18n } from '../../i18n.js';
import { paths } from '../../router/router.js';
import { useLanguage } from '../../stores/language-store.js';

/** Where an event's document lives (the MDO or kindgesprek it is about). */
function docLink(e: TimelineEvent, dossierId: string): string | null {
  const refId = e.refId;
  if (!refId) return null;
  if (e.type === 'kindgesprek_finished') return paths.kindgesprek(dossierId, refId);
  if (e.type.startsWith('mdo_') || e.type === 'consent') return paths.mdo(dossierId, refId);
  return null;
}

export function DossierTimeline({ events, dossierId }: { events: TimelineEvent[]; dossierId: string }) {
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
                <strong>
                  {docLink(e, dossierId) ? (
                    <Link to={docLink(e, dossierId)!}>{t(`enums.timeline.${e.type}`)}</Link>
                  ) : (
                    t(`enums.timeline.${e.type}`)
                  )}
                </strong>{' '}
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
