import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapCanvasApi, MapImage } from '../../../map/MapCanvas';
import { csvText, type CsvCell } from './state/csv';
import { TIME_CLASSES, UNREACHABLE_COLOR } from './state/map-layers';
import type { PlannerState } from './state/planner-params';

interface Props {
  state: PlannerState;
  rows: CsvCell[][] | null;
  mapApi: MapCanvasApi | null;
  whatIfCounts: { stations: number; shelters: number };
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

export function ReportTab({ state, rows, mapApi, whatIfCounts }: Props) {
  const { t } = useTranslation();
  const [printImage, setPrintImage] = useState<string | null | undefined>(undefined);
  const date = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

  const onCsv = () => rows && download(`onemap-planner-${stamp()}.csv`, new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' }));
  const onXlsx = async () => {
    if (!rows) return;
    const { writeXlsxTable } = await import('../../../io/formats/xlsx'); // SheetJS only when asked for
    const bytes = writeXlsxTable(rows, 'planner');
    download(`onemap-planner-${stamp()}.xlsx`, new Blob([bytes.slice().buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  };
  const composeMap = async (): Promise<Blob | null> => {
    const shot = await mapApi?.captureImage();
    if (!shot) return null;
    return composeMapImage(shot, {
      title: t('planner.report.mapTitle', { minutes: state.budgetMinutes }),
      date: t('planner.report.generated', { date }),
      synthetic: t('planner.synthetic'),
      scale: t('planner.report.scale'),
      legend: [
        ...TIME_CLASSES.map((c, i) => ({ color: c.color, text: Number.isFinite(c.maxMinutes) ? t('planner.legend.within', { minutes: c.maxMinutes }) : t('planner.legend.beyond', { minutes: TIME_CLASSES[i - 1]!.maxMinutes }) })),
        { color: UNREACHABLE_COLOR, text: t('planner.legend.unreachable') },
        { color: [49, 130, 189, 120] as const, text: t('planner.legend.covered', { minutes: state.budgetMinutes }) },
      ],
    });
  };
  const onPng = async () => {
    const blob = await composeMap();
    if (blob) download(`onemap-planner-map-${stamp()}.png`, blob);
  };
  const onPrint = async () => {
    const blob = await composeMap();
    setPrintImage(blob ? URL.createObjectURL(blob) : null);
  };

  return (
    <div className="planner-tab">
      <h3>{t('planner.report.title')}</h3>
      <p className="hint">{t('planner.report.whatIfs', whatIfCounts)}</p>
      <p className="planner-controls">
        <button type="button" data-testid="planner-csv" disabled={!rows} onClick={onCsv}>{t('planner.report.csv')}</button>{' '}
        <button type="button" data-testid="planner-xlsx" disabled={!rows} onClick={() => void onXlsx()}>{t('planner.report.xlsx')}</button>{' '}
        <button type="button" data-testid="planner-png" disabled={!mapApi} onClick={() => void onPng()}>{t('planner.report.png')}</button>{' '}
        <button type="button" data-testid="planner-print" disabled={!rows} onClick={() => void onPrint()}>{t('planner.report.print')}</button>
      </p>
      {printImage !== undefined && rows && (
        <div className="planner-print" data-testid="planner-print-view">
          <div className="planner-print-bar">
            <button type="button" onClick={() => window.print()}>{t('planner.report.printNow')}</button>{' '}
            <button type="button" onClick={() => { if (printImage) URL.revokeObjectURL(printImage); setPrintImage(undefined); }}>{t('planner.report.close')}</button>
          </div>
          <h1>{t('planner.report.mapTitle', { minutes: state.budgetMinutes })}</h1>
          <p>{t('planner.report.generated', { date })} · {t('planner.synthetic')} · {t('planner.report.whatIfs', whatIfCounts)}</p>
          {printImage && <img src={printImage} alt={t('planner.report.mapTitle', { minutes: state.budgetMinutes })} />}
          <table className="planner-table">
            <thead><tr>{rows[0]!.map((c, i) => <th key={i}>{c}</th>)}</tr></thead>
            <tbody>{rows.slice(1).map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} className={typeof c === 'number' ? 'num' : undefined}>{c ?? ''}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface MapDecor {
  title: string;
  date: string;
  synthetic: string;
  scale: string;
  legend: Array<{ color: readonly number[]; text: string }>;
}

/** The map as drawn, with a band below for the title, legend, scale bar, date and 示意 (PNG, encoded off the main thread by toBlob). */
async function composeMapImage(shot: MapImage, d: MapDecor): Promise<Blob | null> {
  const img = new Image();
  img.src = shot.url;
  await img.decode();
  URL.revokeObjectURL(shot.url);
  const band = 96;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + band;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#fff';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0);
  g.fillStyle = '#1c2a45';
  g.font = 'bold 16px "Noto Sans CJK SC", sans-serif';
  g.fillText(d.title, 12, img.height + 22);
  g.font = '12px "Noto Sans CJK SC", sans-serif';
  let x = 12;
  for (const item of d.legend) {
    g.fillStyle = `rgba(${item.color[0]},${item.color[1]},${item.color[2]},${(item.color[3] ?? 255) / 255})`;
    g.fillRect(x, img.height + 34, 12, 12);
    g.fillStyle = '#333';
    g.fillText(item.text, x + 16, img.height + 45);
    x += 22 + g.measureText(item.text).width;
    if (x > canvas.width - 120) break;
  }
  // Scale bar: the largest round length that fits in 150 px.
  // metersPerPixel is per CSS pixel; the capture may have more image pixels per CSS pixel.
  const mpp = shot.metersPerPixel / (img.width / Math.max(1, shot.widthCssPixels));
  const candidates = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
  const meters = [...candidates].reverse().find((m) => m / mpp <= 150) ?? 100;
  const px = meters / mpp, y = img.height + 70;
  g.strokeStyle = '#333';
  g.lineWidth = 2;
  g.beginPath(); g.moveTo(12, y); g.lineTo(12 + px, y); g.moveTo(12, y - 5); g.lineTo(12, y + 3); g.moveTo(12 + px, y - 5); g.lineTo(12 + px, y + 3); g.stroke();
  g.fillStyle = '#333';
  g.fillText(`${d.scale} ${meters >= 1000 ? `${meters / 1000} km` : `${meters} m`}`, 20 + px, y + 4);
  g.fillText(`${d.date} · ${d.synthetic}`, 12, img.height + 90);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
