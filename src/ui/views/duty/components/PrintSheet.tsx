import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { imageFraction, type MapImage } from '../../../../map/MapCanvas';
import { SHEET_COLUMNS } from '../state/dispatch-sheet';

export interface PrintSheetProps {
  image: MapImage | null;
  /** drawn on the image (the map's incident marker is a DOM element, not in the canvas) */
  incident: readonly [number, number];
  /** the map capture failed or is not possible (no WebGL) */
  imageFailed: boolean;
  /** the name of the resource whose route the map shows (the row picked in the lists), null when none is */
  routeOf: string | null;
  header: ReadonlyArray<readonly [string, string]>;
  rows: readonly string[][];
  onClose: () => void;
}

const NICE_METERS = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

/** A scale bar for the image: the longest nice length under a quarter of its width. */
function scaleBar(image: MapImage): { meters: number; fraction: number } {
  const widthMeters = image.widthCssPixels * image.metersPerPixel;
  const meters = [...NICE_METERS].reverse().find((m) => m <= widthMeters / 4) ?? NICE_METERS[0]!;
  return { meters, fraction: meters / widthMeters };
}

/** The A4 print view of the dispatch sheet (the browser prints it to PDF); only this shows when printing. */
export function PrintSheet({ image, incident, imageFailed, routeOf, header, rows, onClose }: PrintSheetProps) {
  const { t } = useTranslation();
  const bar = image ? scaleBar(image) : null;
  const at = image ? imageFraction(image, incident) : null;
  const onImage = at && at[0] >= 0 && at[0] <= 1 && at[1] >= 0 && at[1] <= 1;
  return createPortal(
    <div className="print-sheet" data-testid="print-sheet" role="dialog" aria-label={t('duty.sheet.title')}>
      <div className="print-actions">
        <button type="button" onClick={() => window.print()} data-testid="print-now">{t('duty.sheet.print')}</button>
        <button type="button" onClick={onClose} data-testid="print-close">{t('duty.sheet.close')}</button>
      </div>
      <article className="print-page">
        <header>
          <h1>{t('duty.sheet.title')}</h1>
          <span className="synthetic-badge">{t('duty.sheet.synthetic')}</span>
        </header>
        <dl className="print-header">
          {header.map(([k, v], i) => (
            <div key={i}><dt>{k}</dt><dd>{v}</dd></div>
          ))}
        </dl>
        <figure className="print-map">
          {image ? (
            <div className="print-map-frame">
              <img src={image.url} alt={t('duty.sheet.mapAlt')} data-testid="print-map-image" />
              {onImage && <span className="print-incident" style={{ left: `${(at![0] * 100).toFixed(2)}%`, top: `${(at![1] * 100).toFixed(2)}%` }} title={t('duty.legend.incident')} data-testid="print-incident" />}
            </div>
          ) : (
            <p className="hint">{imageFailed ? t('duty.sheet.noImage') : t('duty.sheet.capturing')}</p>
          )}
          {bar && (
            <div className="print-scale" data-testid="print-scale">
              <span style={{ width: `${(bar.fraction * 100).toFixed(2)}%` }} />
              {bar.meters >= 1000 ? `${bar.meters / 1000} km` : `${bar.meters} m`}
            </div>
          )}
          <figcaption className="print-legend" data-testid="print-legend">
            <span><i className="lg-incident" /> {t('duty.legend.incident')}</span>
            {routeOf !== null ? (
              <>
                <span data-testid="print-route-of"><i className="lg-route" /> {t('duty.legend.routeOf', { name: routeOf })}</span>
                <span><i className="lg-walk" /> {t('duty.legend.walk')}</span>
              </>
            ) : (
              <span className="hint" data-testid="print-no-route">{t('duty.legend.noRoute')}</span>
            )}
            <span><i className="lg-closed" /> {t('duty.legend.closed')}</span>
            <span><i className="lg-area" /> {t('duty.legend.area')}</span>
            <span>{t('duty.legend.synthetic')}</span>
          </figcaption>
        </figure>
        <table className="print-table" data-testid="print-table">
          <thead>
            <tr>{SHEET_COLUMNS.map((c) => <th key={c}>{t(`duty.sheet.col.${c}`)}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((r, i) => <tr key={i}>{r.map((cell, j) => <td key={j}>{cell}</td>)}</tr>)}
          </tbody>
        </table>
      </article>
    </div>,
    document.body,
  );
}
