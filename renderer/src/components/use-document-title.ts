import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** `<screen> – Veldwerk` in the tab/window title (WCAG 2.4.2). `null`: a child screen sets it. */
export function useDocumentTitle(title: string | null): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    if (title === null) return;
    document.title = title ? `${title} – ${app}` : app;
  }, [title, app]);
}
