// `#/commissie`: the secretary's work place — Inbox, Vergaderingen and the commission's settings as
// tabs (ARIA tabs: arrow keys, Home/End move between them; the panel follows).
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { InboxSection } from './inbox-section.js';
import { MeetingsSection } from './meetings-section.js';
import { SettingsSection } from './settings-section.js';

const TABS = ['inbox', 'meetings', 'settings'] as const;
type Tab = (typeof TABS)[number];

export function CommissieScreen({ initialTab = 'inbox' }: { initialTab?: Tab }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(initialTab);
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  useDocumentTitle(t('commission.title'));

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    const next =
      e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length]
        : e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    refs.current[next]?.focus();
  };

  return (
    <div className="commissie">
      <h1>{t('commission.title')}</h1>
      <div role="tablist" aria-label={t('commission.tabs')} className="button-row">
        {TABS.map((x) => (
          <button key={x} type="button" role="tab" id={`commissie-tab-${x}`} aria-controls={`commissie-panel-${x}`}
            aria-selected={tab === x} tabIndex={tab === x ? 0 : -1} className={tab === x ? '' : 'button-secondary'}
            ref={(el) => {
              refs.current[x] = el;
            }}
            onClick={() => setTab(x)} onKeyDown={onKeyDown}>
            {t(`commission.tab_${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`commissie-panel-${tab}`} aria-labelledby={`commissie-tab-${tab}`} tabIndex={0}>
        {tab === 'inbox' && <InboxSection />}
        {tab === 'meetings' && <MeetingsSection />}
        {tab === 'settings' && <SettingsSection />}
      </div>
    </div>
  );
}
