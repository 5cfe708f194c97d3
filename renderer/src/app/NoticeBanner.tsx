import type { Notice } from '../../../shared/domain/notices';
import { describeNotice } from '../../../shared/i18n/notice-messages';
import { useLocale } from '../i18n/use-strings';

/** What the owner must know from start-up (a saved key that could not be read …), in words. */
export function NoticeBanner({ notices }: { notices: readonly Notice[] }) {
  const locale = useLocale();
  if (notices.length === 0) return null;
  return (
    <div className="notice-banner" role="alert" data-testid="notice-banner">
      {notices.map((notice) => (
        <p key={notice.code} data-testid={`notice-${notice.code}`}>
          {describeNotice(notice, locale)}
          {notice.detail !== undefined && <span className="notice-detail">{notice.detail}</span>}
        </p>
      ))}
    </div>
  );
}
