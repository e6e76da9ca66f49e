import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../io/schemas/resource';
import { freePlaces } from '../state/filters';
import { formatBeijingTime } from '../state/format-time';

function Field({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}

/** The kind-specific fields of a resource, as text only. */
export function ResourceDetails({ resource: r, townshipName }: { resource: Resource; townshipName: (id: string | undefined) => string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const yesNo = (b: boolean) => (b ? t('detail.yes') : t('detail.no'));
  const n = (v: number) => v.toLocaleString();
  return (
    <>
      <dl className="detail-fields">
        <Field label={t('detail.id')} value={r.id} />
        <Field label={t('detail.status')} value={t(`status.${r.status}`)} />
        <Field label={t('detail.township')} value={townshipName(r.township)} />
        {r.kind === 'shelter' && (
          <>
            <Field label={t('detail.capacity')} value={n(r.capacity)} testId="detail-capacity" />
            <Field label={t('detail.occupancy')} value={n(r.occupancy)} testId="detail-occupancy" />
            <Field label={t('detail.free')} value={n(freePlaces(r))} testId="detail-free" />
            <Field label={t('detail.open')} value={yesNo(r.open)} testId="detail-open" />
            <Field label={t('detail.typhoonSafe')} value={yesNo(r.typhoonSafe)} />
            <Field label={t('detail.level')} value={t(`level.${r.level}`)} />
          </>
        )}
        {r.kind === 'rescue_team' && (
          <>
            <Field label={t('detail.specialty')} value={t(`specialty.${r.specialty}`)} />
            <Field label={t('detail.category')} value={t(`teamCategory.${r.category}`)} />
            <Field label={t('detail.members')} value={n(r.members)} />
            <Field label={t('detail.vehicles')} value={n(r.vehicles)} />
            <Field label={t('detail.phone')} value={r.phone} />
          </>
        )}
        {r.kind === 'fire_station' && (
          <>
            <Field label={t('detail.level')} value={t(`level.${r.level}`)} />
            <Field label={t('detail.fullTime')} value={yesNo(r.fullTime)} />
            <Field label={t('detail.staff')} value={n(r.staff)} />
            <Field label={t('detail.vehicles')} value={n(r.vehicles)} />
            <Field label={t('detail.phone')} value={r.phone} />
          </>
        )}
        {r.kind === 'depot' && <Field label={t('detail.level')} value={t(`level.${r.level}`)} />}
        {r.kind === 'camera' && (
          <>
            <Field label={t('detail.cameraType')} value={t(`cameraType.${r.cameraType}`)} />
            {/* Stream URLs are shown as text: never loaded, never a link. */}
            <Field label={t('detail.stream')} value={<code className="stream-url">{`${r.stream.protocol} ${r.stream.url}`}</code>} />
          </>
        )}
        <Field label={t('detail.updatedAt')} value={formatBeijingTime(r.updatedAt)} />
      </dl>
      {r.kind === 'depot' && (
        <table className="stock-table" data-testid="stock-table">
          <caption>{t('detail.stock')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('detail.item')}</th>
              <th scope="col">{t('detail.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {r.stock.map((s) => (
              <tr key={s.item}>
                <td>{en && s.nameEn ? s.nameEn : s.name}</td>
                <td className="num">
                  {n(s.quantity)} {s.unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
