import { memo, useEffect } from 'react';
import { useDesignStore } from '../../app/storeContext';
import type { Notice } from '../../app/store';

const TOAST_MS = { error: 10_000, warning: 10_000, info: 5_000 } as const;

function NoticeBody({ notice }: { notice: Notice }) {
  return (
    <div className="pc-notice__body">
      {notice.title ? <strong className="pc-notice__title">{notice.title}</strong> : null}
      <span className="pc-notice__text">{notice.text}</span>
      {notice.action ? (
        <button type="button" className="pc-notice__action" onClick={notice.action.run}>
          {notice.action.label}
        </button>
      ) : null}
      {notice.details && notice.details.length > 0 ? (
        <ul className="pc-notice__details">
          {notice.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function DismissButton({ id }: { id: string }) {
  const dismiss = useDesignStore((s) => s.dismiss);
  return (
    <button type="button" className="pc-notice__close" aria-label="Dismiss" onClick={() => dismiss(id)}>
      ×
    </button>
  );
}

function Toast({ notice }: { notice: Notice }) {
  const dismiss = useDesignStore((s) => s.dismiss);
  // a toast with a button (Cancel of a running import) stays until its owner dismisses it
  const lasting = notice.action !== undefined;
  useEffect(() => {
    if (lasting) return;
    const t = setTimeout(() => dismiss(notice.id), TOAST_MS[notice.tone]);
    return () => clearTimeout(t);
  }, [notice.id, notice.tone, dismiss, lasting]);
  return (
    <div className={`pc-toast pc-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <NoticeBody notice={notice} />
      <DismissButton id={notice.id} />
    </div>
  );
}

/** Banners that stay until dismissed (a saved design that could not be read, repairs made). */
export const Banners = memo(function Banners() {
  const notices = useDesignStore((s) => s.notices);
  const banners = notices.filter((n) => n.placement === 'banner');
  if (banners.length === 0) return null;
  return (
    <div className="pc-banners">
      {banners.map((n) => (
        <div key={n.id} className={`pc-banner pc-notice--${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'}>
          <NoticeBody notice={n} />
          <DismissButton id={n.id} />
        </div>
      ))}
    </div>
  );
});

/** Short messages over the canvas that go away by themselves (a refused link, a file that would not open). */
export const Toasts = memo(function Toasts() {
  const notices = useDesignStore((s) => s.notices);
  const toasts = notices.filter((n) => n.placement === 'toast').slice(-4);
  return (
    <div className="pc-toasts">
      {toasts.map((n) => (
        <Toast key={n.id} notice={n} />
      ))}
    </div>
  );
});
