/**
 * Typhoon demo files, seeded and deterministic (no clock):
 *  - a synthetic (示意) copy of typhoon Gaemi 2024 in the Zhejiang typhoon site's JSON layout, made
 *    from the real IBTrACS rows: real CMA positions, winds and pressures at the 3-hourly times,
 *    force-7/10/12 radii derived from JTWC's 34/50/64-kt radii with seeded jitter, forecasts of two
 *    agencies every 12 h drawn from the later real track with seeded, growing errors, two landfalls;
 *    every value a string, Beijing time without offset, radii "NE|SE|NW|SW" in km — the site's traps.
 *  - synthetic village responsible persons (村级防汛防台责任人), name and phone, keyed by village id.
 */
import { deriveRng, type Rng } from './prng';

const KT_MS = 1852 / 3600;
const NM_KM = 1.852;

export interface IbtracsRow { [column: string]: string }

/** Parses the IBTrACS excerpt (header, units row, rows): columns by name, values trimmed. */
export function parseIbtracsRows(text: string): IbtracsRow[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0]!.split(',').map((s) => s.trim());
  return lines.slice(2).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i]!, v.trim()])));
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** UTC ms → "YYYY-MM-DD HH:MM:SS" in Beijing time (the site's style, no offset). */
export function beijingText(utcMs: number): string {
  const d = new Date(utcMs + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:00`;
}

function strongOf(windMs: number): { strong: string; power: number } {
  const beaufort = [0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7, 37.0, 41.5, 46.2, 51.0, 56.1, 61.3];
  const power = beaufort.filter((b) => windMs >= b).length;
  const strong = windMs >= 51 ? '超强台风' : windMs >= 41.5 ? '强台风' : windMs >= 32.7 ? '台风' : windMs >= 24.5 ? '强热带风暴' : windMs >= 17.2 ? '热带风暴' : '热带低压';
  return { strong, power };
}

const f1 = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** "NE|SE|NW|SW" in km from JTWC quadrants in nm, scaled; "" when JTWC gave none. */
function radiusString(row: IbtracsRow, kt: string, scale: number): string {
  const q = ['NE', 'SE', 'SW', 'NW'].map((k) => row[`USA_R${kt}_${k}`] ?? '');
  if (q.some((v) => v === '')) return '';
  const [ne, se, sw, nw] = q.map((v) => Math.round(Number(v) * NM_KM * scale));
  return `${ne}|${se}|${nw}|${sw}`;
}

interface TrackPoint { timeMs: number; lng: number; lat: number; windMs: number; pressure: number }

export function buildZhejiangGaemi(ibtracsText: string, seed: number): unknown {
  const rng = deriveRng(seed, 'typhoon-zhejiang-layout');
  const rows = parseIbtracsRows(ibtracsText).filter((r) => r.CMA_WIND !== '' && r.CMA_LAT !== '');
  const track: TrackPoint[] = rows.map((r) => ({
    timeMs: Date.parse(`${r.ISO_TIME!.replace(' ', 'T')}Z`),
    lng: Number(r.CMA_LON), lat: Number(r.CMA_LAT), windMs: Number(r.CMA_WIND) * KT_MS, pressure: Number(r.CMA_PRES),
  }));
  const at = (t: number): TrackPoint | undefined => track.find((p) => p.timeMs === t);
  const scales = { 30: 1 + rng.range(0.05, 0.15), 50: 1 + rng.range(0, 0.1), 64: 1 + rng.range(0, 0.1) };
  const points = rows.map((r, i) => {
    const p = track[i]!;
    const { strong, power } = strongOf(p.windMs);
    const forecast: unknown[] = [];
    const hourUtc = new Date(p.timeMs).getUTCHours();
    if (hourUtc % 12 === 0 && p.timeMs >= Date.parse('2024-07-22T00:00:00Z') && p.timeMs <= Date.parse('2024-07-26T12:00:00Z')) {
      for (const [agency, errKm] of [['中国', 40], ['日本', 55]] as const) {
        const fpts: unknown[] = [];
        for (const lead of [0, 12, 24, 36, 48, 72]) {
          const truth = at(p.timeMs + lead * 3_600_000);
          if (!truth) continue;
          const e = (errKm * lead) / 24 / 111;
          const w = Math.max(10, truth.windMs + rng.range(-3, 3) * (lead / 24));
          const s = strongOf(w);
          fpts.push({
            time: beijingText(truth.timeMs), lat: f1(truth.lat + (lead ? rng.normal() * e : 0)), lng: f1(truth.lng + (lead ? rng.normal() * e : 0)),
            power: String(s.power), pressure: String(Math.round(truth.pressure + (lead ? rng.range(-5, 5) : 0))), speed: String(Math.round(w)), strong: s.strong,
            ybsj: new Date(p.timeMs).toISOString().replace('.000Z', 'Z'),
          });
        }
        if (fpts.length > 1) forecast.push({ tm: agency, forecastpoints: fpts });
      }
    }
    return {
      time: beijingText(p.timeMs), lng: f1(p.lng), lat: f1(p.lat), strong, power: String(power), speed: String(Math.round(p.windMs)),
      pressure: String(Math.round(p.pressure)), movespeed: r.STORM_SPEED ? String(Math.round(Number(r.STORM_SPEED) * 1.852)) : '', movedirection: '',
      radius7: radiusString(r, '34', scales[30]), radius10: radiusString(r, '50', scales[50]), radius12: radiusString(r, '64', scales[64]),
      ckposition: '', jl: '', forecast,
    };
  });
  const landAt = (utc: string, address: string) => {
    const t = Date.parse(utc);
    const a = [...track].reverse().find((p) => p.timeMs <= t)!, b = track.find((p) => p.timeMs >= t)!;
    const w = b.timeMs === a.timeMs ? 0 : (t - a.timeMs) / (b.timeMs - a.timeMs);
    return { landaddress: address, landtime: beijingText(t), lng: f1(a.lng + w * (b.lng - a.lng)), lat: f1(a.lat + w * (b.lat - a.lat)), info: '示意', strong: strongOf(a.windMs).strong };
  };
  return {
    synthetic: '示意数据（合成）/ Synthetic: Zhejiang typhoon site layout made from IBTrACS rows by scripts/demo/typhoon.ts; radii and forecasts are not real',
    tfid: '202403', name: '格美', enname: 'GAEMI', isactive: '0',
    starttime: beijingText(track[0]!.timeMs), endtime: beijingText(track[track.length - 1]!.timeMs), warnlevel: '', centerlat: f1(track[0]!.lat), centerlng: f1(track[0]!.lng),
    land: [landAt('2024-07-24T15:45:00Z', '台湾省宜兰县南澳乡沿海（示意）'), landAt('2024-07-25T11:50:00Z', '福建省莆田市秀屿区沿海（示意）')],
    points,
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰志红建国海燕林峰辉鹏春梅晓东云飞建平小龙永福德兴宏亮松涛成瑞'.split('');

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Synthetic phone in the demo's convention: a local number starting with 00 cannot be dialled. */
function fakePhone(rng: Rng): string {
  return `0577-00${pad(rng.int(0, 999_999), 6)}`;
}

export function buildVillageContacts(villageIds: readonly string[], seed: number): unknown {
  const rng = deriveRng(seed, 'village-contacts');
  const contacts: Record<string, { name: string; role: string; phone: string }> = {};
  for (const id of villageIds) {
    const given = rng.chance(0.5) ? rng.pick(GIVEN) : rng.pick(GIVEN) + rng.pick(GIVEN);
    contacts[id] = { name: rng.pick(SURNAMES) + given, role: '村级防汛防台责任人', phone: fakePhone(rng) };
  }
  return { synthetic: true, label: '示意数据（合成）/ Synthetic demo data: names and phone numbers are invented; 0577-00… numbers cannot be dialled', seed, contacts };
}
