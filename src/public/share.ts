import type { PublicLang, Translate } from './i18n';
import type { RankedShelter } from './rank';
import { walkingMinutes } from './rank';
import { formatDistance } from './format';

/** A link that opens the finder on this shelter (the fragment never reaches a server). */
export function shelterLink(baseUrl: string, shelterId: string): string {
  const u = new URL(baseUrl);
  u.hash = `shelter=${encodeURIComponent(shelterId)}`;
  u.search = '';
  return u.toString();
}

/** The shelter id in a shared link's fragment, if any. */
export function sharedShelterId(hash: string): string | null {
  const m = /(?:^#|&)shelter=([^&]+)/.exec(hash);
  return m ? decodeURIComponent(m[1]!) : null;
}

/**
 * A phone number kept left to right inside right-to-left text (Unicode isolates LRI…PDI): without
 * them Arabic text shows "0577-00200990" as "00200990-0577".
 */
export const ltrIsolate = (text: string) => `\u2066${text}\u2069`;

/** The shelter's display name in the reader's language (the English name where the data has one). */
export function shelterName(lang: PublicLang, s: { name: string; nameEn?: string }): string {
  return lang !== 'zh-CN' && s.nameEn ? s.nameEn : s.name;
}

/** Short plain text for SMS / WeChat: "最近的开放避灾点：…，步行约 12 分钟，电话 …。链接" */
export function shareText(t: Translate, lang: PublicLang, r: RankedShelter, link: string): string {
  const how = typeof r.walkingSeconds === 'number'
    ? t('share.howWalk', { minutes: walkingMinutes(r.walkingSeconds) })
    : t('share.howStraight', { distance: formatDistance(t, lang, r.straightLineMeters) });
  const name = lang !== 'zh-CN' && r.shelter.nameEn ? `${r.shelter.nameEn} (${r.shelter.name})` : r.shelter.name;
  const phone = r.shelter.phone ? (lang === 'ar' ? ltrIsolate(r.shelter.phone) : r.shelter.phone) : t('share.noPhone');
  return t('share.text', { name, how, phone, url: link });
}
