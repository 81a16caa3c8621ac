/** Toasts for refused connections, bad files and restored-autosave problems. They fade after a while, unless sticky. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { editorStore, useEditor } from '../store/useEditor.ts';
import type { Notice } from '../store/editorStore.ts';
import { announce } from '../a11y/announce.ts';

const INFO_MS = 4000;
const ERROR_MS = 12000;
const MAX_DETAILS = 8;

function NoticeCard({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (notice.sticky) return;
    const t = setTimeout(() => editorStore.getState().dismiss(notice.id), notice.kind === 'info' ? INFO_MS : ERROR_MS);
    return () => clearTimeout(t);
  }, [notice]);
  // Read out once, through the page's standing live region (a region inserted with its text is
  // often not read). Errors are cards with role="alert", which screen readers read as they appear.
  useEffect(() => {
    if (notice.kind !== 'error') announce([notice.title, ...notice.details.slice(0, MAX_DETAILS)].join('. '));
  }, [notice]);
  const shown = notice.details.slice(0, MAX_DETAILS);
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div className="notice__text">
        <strong>{notice.title}</strong>
        {shown.length > 0 && (
          <ul>
            {shown.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
            {notice.details.length > MAX_DETAILS && <li>{t('ui.notices.more', { count: notice.details.length - MAX_DETAILS })}</li>}
          </ul>
        )}
        {notice.action && (
          <button type="button" className="notice__action" onClick={notice.action.run}>
            {notice.action.label}
          </button>
        )}
      </div>
      <button type="button" className="notice__close" aria-label={t('ui.notices.dismiss')} onClick={() => editorStore.getState().dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useEditor((s) => s.notices);
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
    </div>
  );
}
