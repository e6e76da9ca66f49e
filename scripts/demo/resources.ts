/**
 * Synthetic emergency resources for the Taishun demo, at the counts and totals of the county's
 * 2024 report. Positions are near villages/seats/roads (all synthetic); every total that the
 * report gives exactly is met exactly.
 */
import { demoCameraStream } from './camera-clips';
import { apportion, deriveRng, type Rng } from './prng';
import { offsetMeters, pointInPolygonRings, roundLngLat, type LngLat, type PolygonRings } from './geo';
import type { Township, Village } from './places';

export const REPORT = {
  shelters: 201,
  shelterCapacity: 11_200,
  rescueTeams: 111,
  teamMembers: 2_814,
  socialTeams: 6,
  socialTeamMembers: 190,
  fireStations: 20,
  townshipFireStations: 19,
  machines: 965,
  smallItems: 14_000,
  countyItems: 33_000,
  cameras: 2_071,
  gaugeCameras: 1_845,
  shelterCameras: 164,
  mineCameras: 62,
  mines: 7,
} as const;

type Status = 'active' | 'inactive' | 'maintenance';

interface Base {
  id: string;
  name: string;
  nameEn?: string;
  lngLat: LngLat;
  township: string;
  status: Status;
  updatedAt: string;
  synthetic: true;
}

export interface Shelter extends Base {
  kind: 'shelter';
  capacity: number;
  occupancy: number;
  open: boolean;
  typhoonSafe: boolean;
  level: 'county' | 'township' | 'village';
  address?: string;
}
export interface RescueTeam extends Base {
  kind: 'rescue_team';
  category: 'professional' | 'township' | 'village' | 'enterprise' | 'social';
  specialty: 'comprehensive' | 'fire' | 'flood' | 'mountain' | 'medical' | 'power' | 'communication' | 'hazmat';
  members: number;
  vehicles: number;
  phone: string;
}
export interface FireStation extends Base {
  kind: 'fire_station';
  level: 'county' | 'township';
  fullTime: boolean;
  staff: number;
  vehicles: number;
  phone: string;
}
export interface StockItem {
  item: string;
  name: string;
  nameEn: string;
  category: 'machine' | 'small' | 'county';
  quantity: number;
  unit: string;
}
export interface Depot extends Base {
  kind: 'depot';
  level: 'county' | 'township';
  stock: StockItem[];
}
export interface Camera extends Base {
  kind: 'camera';
  cameraType: 'rain_gauge' | 'water_gauge' | 'shelter' | 'mine';
  stream: { protocol: 'rtsp' | 'hls' | 'snapshot'; url: string };
  siteId?: string;
}
export interface Mine {
  id: string;
  name: string;
  nameEn: string;
  township: string;
  lngLat: LngLat;
  synthetic: true;
}

export interface DemoResources {
  shelters: Shelter[];
  rescueTeams: RescueTeam[];
  fireStations: FireStation[];
  depots: Depot[];
  cameras: Camera[];
  mines: Mine[];
}

export interface ResourceContext {
  townships: Township[];
  villages: Village[];
  roadVertices: readonly LngLat[];
  outlineRings: PolygonRings[];
  seed: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Open village shelters that are full tonight in the demo. */
export const FULL_SHELTERS = 4;

/** Synthetic phone: a local number starting with 00 cannot be dialled, so it reaches nobody. */
export function fakePhone(rng: Rng): string {
  return `0577-00${pad(rng.int(0, 999_999), 6)}`;
}

export function buildResources(ctx: ResourceContext, rng: Rng): DemoResources {
  const { townships, villages } = ctx;
  const tById = new Map(townships.map((t) => [t.id, t]));
  const seatOf = (id: string) => tById.get(id)!.seat;
  // updatedAt: a fixed window derived from the seed (no clock involved).
  const baseMs = Date.UTC(2024, 9, 1) + (ctx.seed % 97) * 3_600_000;
  const updatedAt = () => new Date(baseMs + Math.floor(rng.range(0, 60 * 86_400)) * 1000).toISOString();
  const status = (): Status => {
    const r = rng.next();
    return r < 0.94 ? 'active' : r < 0.98 ? 'maintenance' : 'inactive';
  };
  /** A point 15–140 m from an anchor that lies on the road network, inside the county. */
  const near = (anchor: LngLat, minMeters = 15, maxMeters = 140): LngLat => {
    for (let k = 0; k < 200; k++) {
      const r = rng.range(minMeters, maxMeters);
      const a = rng.range(0, 2 * Math.PI);
      const p = roundLngLat(offsetMeters(anchor, Math.cos(a) * r, Math.sin(a) * r));
      if (pointInPolygonRings(p, ctx.outlineRings)) return p;
    }
    throw new Error(`no point near ${anchor.join(',')} inside the county`);
  };
  /** Township of a point = nearest seat (the zones are the seats' Voronoi cells). */
  const townshipAt = (p: LngLat): string => {
    let best = townships[0]!;
    let bestD = Infinity;
    for (const t of townships) {
      const d = (t.seat[0] - p[0]) ** 2 + (t.seat[1] - p[1]) ** 2;
      if (d < bestD) { bestD = d; best = t; }
    }
    return best.id;
  };
  const base = (id: string, name: string, nameEn: string, lngLat: LngLat, st: Status = status()) => ({
    id,
    name,
    nameEn,
    lngLat,
    township: townshipAt(lngLat),
    status: st,
    updatedAt: updatedAt(),
    synthetic: true as const,
  });
  const county = townships.find((t) => t.name === '罗阳镇')!;
  const ordinaryTownships = townships.filter((t) => t.kind !== 'reserve');
  const villagesOf = (tid: string) => villages.filter((v) => v.township === tid);
  const label = (v: Village) => `${tById.get(v.township)!.name}${v.name}`;
  const enOf = (tid: string) => tById.get(tid)!.nameEn;

  // ---- Shelters: 3 county, 20 township (one per seat), 178 village. ----
  const shelterPlan: { level: Shelter['level']; anchor: LngLat; name: string; nameEn: string; address: string; weight: number }[] = [];
  for (let k = 1; k <= 3; k++)
    shelterPlan.push({
      level: 'county', anchor: county.seat, name: `泰顺县第${'一二三'[k - 1]}避灾安置中心`,
      nameEn: `Taishun County Shelter ${k}`, address: `泰顺县罗阳镇`, weight: rng.range(380, 520),
    });
  for (const t of townships)
    shelterPlan.push({
      level: 'township', anchor: t.seat, name: `${t.name}中心避灾安置场所`,
      nameEn: `${t.nameEn} central shelter`, address: `泰顺县${t.name}`, weight: rng.range(90, 160),
    });
  const byPop = [...villages].sort((a, b) => b.population - a.population || a.id.localeCompare(b.id));
  for (const v of byPop.slice(0, REPORT.shelters - shelterPlan.length))
    shelterPlan.push({
      level: 'village', anchor: v.lngLat, name: `${label(v)}避灾安置点`,
      nameEn: `${enOf(v.township)} village shelter (${v.id})`, address: `泰顺县${label(v)}`,
      weight: rng.range(20, 60) * Math.sqrt(v.population / 1000),
    });
  const capacities = apportion(REPORT.shelterCapacity, shelterPlan.map((s) => s.weight), 10);
  const shelters: Shelter[] = shelterPlan.map((s, i) => {
    const st = status();
    const capacity = capacities[i]!;
    const open = st === 'active' && rng.chance(0.3);
    const occupancy = open ? Math.floor(capacity * rng.range(0, 0.8)) : 0;
    return {
      ...base(`SH${pad(i + 1, 3)}`, s.name, s.nameEn, near(s.anchor), st),
      kind: 'shelter', capacity, occupancy, open, typhoonSafe: rng.chance(0.88), level: s.level, address: s.address,
    };
  });
  // A night with people already moved: a few open village shelters are full (occupancy =
  // capacity), so "open but full" is on the map, in the counts and apart in the public finder.
  // Their own stream: the draws of everything else are unchanged.
  const fullRng = deriveRng(ctx.seed, 'full-shelters');
  const openVillageShelters = shelters.filter((s) => s.open && s.level === 'village');
  for (let k = 0; k < FULL_SHELTERS && openVillageShelters.length > 0; k++) {
    const s = openVillageShelters.splice(fullRng.int(0, openVillageShelters.length - 1), 1)[0]!;
    s.occupancy = s.capacity;
  }

  // ---- Rescue teams: 5 professional, 19 township, 75 village, 6 enterprise, 6 social = 111. ----
  type TeamPlan = { category: RescueTeam['category']; specialty: RescueTeam['specialty']; anchor: LngLat; name: string; nameEn: string; weight: number };
  const plan: TeamPlan[] = [];
  const professional: [RescueTeam['specialty'], string, string][] = [
    ['flood', '泰顺县防汛抢险专业队', 'County flood rescue team'],
    ['mountain', '泰顺县森林消防专业队', 'County forest fire team'],
    ['medical', '泰顺县医疗救护队', 'County medical rescue team'],
    ['communication', '泰顺县应急通信保障队', 'County emergency communications team'],
    ['hazmat', '泰顺县危化品处置队', 'County hazmat team'],
  ];
  for (const [specialty, name, nameEn] of professional)
    plan.push({ category: 'professional', specialty, anchor: county.seat, name, nameEn, weight: rng.range(50, 80) });
  for (const t of ordinaryTownships)
    plan.push({ category: 'township', specialty: 'comprehensive', anchor: t.seat, name: `${t.name}综合应急救援队`, nameEn: `${t.nameEn} emergency rescue team`, weight: rng.range(35, 55) });
  const enterprise: [RescueTeam['specialty'], string, string][] = [
    ['power', '县供电抢修队', 'Power grid repair team'],
    ['power', '县水电站抢险队', 'Hydropower station rescue team'],
    ['communication', '县通信运营抢修队', 'Telecom repair team'],
    ['hazmat', '矿山救护队', 'Mine rescue team'],
    ['flood', '县水务抢险队', 'Water works rescue team'],
    ['comprehensive', '县交通工程抢险队', 'Road works rescue team'],
  ];
  for (const [specialty, name, nameEn] of enterprise)
    plan.push({ category: 'enterprise', specialty, anchor: rng.pick(townships.slice(0, 12)).seat, name, nameEn, weight: rng.range(15, 35) });
  const villageTeams = REPORT.rescueTeams - plan.length - REPORT.socialTeams;
  const specialties: RescueTeam['specialty'][] = ['comprehensive', 'comprehensive', 'flood', 'flood', 'mountain', 'fire'];
  for (const v of byPop.filter((x) => !x.urban).slice(0, villageTeams))
    plan.push({ category: 'village', specialty: rng.pick(specialties), anchor: v.lngLat, name: `${label(v)}应急分队`, nameEn: `${enOf(v.township)} village team (${v.id})`, weight: rng.range(12, 26) });
  const socialSpecialties: RescueTeam['specialty'][] = ['mountain', 'flood', 'medical', 'comprehensive', 'communication', 'flood'];
  for (let k = 0; k < REPORT.socialTeams; k++) {
    const t = k < 3 ? county : rng.pick(ordinaryTownships);
    plan.push({ category: 'social', specialty: socialSpecialties[k]!, anchor: t.seat, name: `泰顺县社会应急救援队${'一二三四五六'[k]}队`, nameEn: `Volunteer rescue team ${k + 1}`, weight: rng.range(20, 45) });
  }
  const nonSocial = plan.filter((p) => p.category !== 'social');
  const social = plan.filter((p) => p.category === 'social');
  const nonSocialMembers = apportion(REPORT.teamMembers - REPORT.socialTeamMembers, nonSocial.map((p) => p.weight), 5);
  const socialMembers = apportion(REPORT.socialTeamMembers, social.map((p) => p.weight), 5);
  const teams: RescueTeam[] = [...nonSocial, ...social].map((p, i) => {
    const members = i < nonSocial.length ? nonSocialMembers[i]! : socialMembers[i - nonSocial.length]!;
    return {
      ...base(`RT${pad(i + 1, 3)}`, p.name, p.nameEn, near(p.anchor)),
      kind: 'rescue_team', category: p.category, specialty: p.specialty, members,
      vehicles: Math.max(0, Math.round(members / rng.range(8, 16))), phone: fakePhone(rng),
    };
  });

  // ---- Fire stations: the county station + one per township (not the reserve) = 20. ----
  const fullTimeTownships = new Set(
    [...ordinaryTownships].filter((t) => t.id !== county.id).sort((a, b) => b.population - a.population).slice(0, 9).map((t) => t.id).concat(county.id),
  );
  const fireStations: FireStation[] = [
    {
      ...base('FS01', '泰顺县消防救援大队', 'Taishun County fire station', near(county.seat), 'active'),
      kind: 'fire_station', level: 'county', fullTime: true, staff: 46, vehicles: 9, phone: fakePhone(rng),
    },
    ...ordinaryTownships.map((t, i): FireStation => {
      const fullTime = fullTimeTownships.has(t.id);
      return {
        ...base(`FS${pad(i + 2, 2)}`, `${t.name}应急消防管理站`, `${t.nameEn} emergency-fire station`, near(t.seat)),
        kind: 'fire_station', level: 'township', fullTime,
        staff: fullTime ? rng.int(8, 14) : rng.int(4, 8), vehicles: fullTime ? rng.int(2, 3) : rng.int(1, 2), phone: fakePhone(rng),
      };
    }),
  ];

  // ---- Depots: county depot + one per township (not the reserve). ----
  const machines: [string, string, string, string][] = [
    ['satellite_phone', '卫星电话', 'Satellite phone', '部'],
    ['pump', '抽水泵', 'Water pump', '台'],
    ['generator', '发电机', 'Generator', '台'],
  ];
  const small: [string, string, string, string][] = [
    ['raincoat', '雨衣', 'Raincoat', '件'],
    ['helmet', '安全帽', 'Helmet', '顶'],
    ['torch', '手电筒', 'Torch', '支'],
    ['life_jacket', '救生衣', 'Life jacket', '件'],
  ];
  const countyStock: [string, string, string, string, number][] = [
    ['sandbag', '编织袋（沙袋）', 'Sandbag', '条', 18_000],
    ['quilt', '棉被', 'Quilt', '床', 5_000],
    ['folding_bed', '折叠床', 'Folding bed', '张', 2_500],
    ['tent', '帐篷', 'Tent', '顶', 1_500],
    ['drinking_water', '饮用水', 'Drinking water', '箱', 6_000],
  ];
  const townshipDepots = ordinaryTownships;
  const tw = townshipDepots.map((t) => Math.sqrt(t.population) * rng.range(0.8, 1.2));
  const machineSplit = machines.map((_, k) => apportion([120, 520, 325][k]!, tw.map((w) => w * rng.range(0.7, 1.3)), 1));
  const smallSplit = small.map((_, k) => apportion([5_000, 3_500, 2_500, 3_000][k]!, tw.map((w) => w * rng.range(0.7, 1.3)), 20));
  const depots: Depot[] = [
    {
      ...base('DP01', '泰顺县应急物资储备库', 'Taishun County emergency supply depot', near(county.seat), 'active'),
      kind: 'depot', level: 'county',
      stock: countyStock.map(([item, name, nameEn, unit, quantity]) => ({ item, name, nameEn, category: 'county' as const, quantity, unit })),
    },
    ...townshipDepots.map((t, i): Depot => ({
      ...base(`DP${pad(i + 2, 2)}`, `${t.name}应急物资储备点`, `${t.nameEn} supply depot`, near(t.seat)),
      kind: 'depot', level: 'township',
      stock: [
        ...machines.map(([item, name, nameEn, unit], k) => ({ item, name, nameEn, category: 'machine' as const, quantity: machineSplit[k]![i]!, unit })),
        ...small.map(([item, name, nameEn, unit], k) => ({ item, name, nameEn, category: 'small' as const, quantity: smallSplit[k]![i]!, unit })),
      ],
    })),
  ];

  // ---- Mines (7) and cameras (2,071). ----
  const roadPts = ctx.roadVertices;
  const mineTownships = ['T03', 'T05', 'T06', 'T08', 'T11', 'T13', 'T16'];
  const mines: Mine[] = mineTownships.map((tid, k) => {
    const vs = villagesOf(tid);
    const v = vs.length ? rng.pick(vs) : villages[k]!;
    const p = near(v.lngLat, 60, 120);
    return { id: `MINE${pad(k + 1, 2)}`, name: `${label(v)}矿区（示意）`, nameEn: `Mine ${k + 1} (synthetic)`, township: townshipAt(p), lngLat: p, synthetic: true };
  });
  const cameras: Camera[] = [];
  const camId = () => `CAM${pad(cameras.length + 1, 4)}`;
  const rainCount = 1_210;
  for (let k = 0; k < REPORT.gaugeCameras; k++) {
    const id = camId();
    const rain = k < rainCount;
    // Gauges stand by streams near roads: a random road vertex, mostly within 140 m, some up to 280 m.
    const anchor = roadPts[Math.floor(rng.next() * roadPts.length)]!;
    const far = rng.chance(0.1);
    const p = near(anchor, far ? 150 : 10, far ? 280 : 140);
    cameras.push({
      ...base(id, `${tById.get(townshipAt(p))!.name}${rain ? '雨量' : '水位'}监测点${pad(k + 1, 4)}`, `${rain ? 'Rain' : 'Water-level'} gauge ${k + 1}`, p),
      kind: 'camera', cameraType: rain ? 'rain_gauge' : 'water_gauge',
      stream: demoCameraStream(id, rain ? 'rain_gauge' : 'water_gauge'),
    });
  }
  const shelterOrder = [...shelters].sort((a, b) => b.capacity - a.capacity || a.id.localeCompare(b.id));
  for (const s of shelterOrder.slice(0, REPORT.shelterCameras)) {
    const id = camId();
    const p = near(s.lngLat, 5, 30);
    cameras.push({
      ...base(id, `${s.name}视频`, `Camera at ${s.nameEn ?? s.id}`, p),
      kind: 'camera', cameraType: 'shelter', siteId: s.id,
      stream: demoCameraStream(id, 'shelter'),
    });
  }
  const perMine = apportion(REPORT.mineCameras, mines.map(() => 1), 1);
  mines.forEach((mine, k) => {
    for (let c = 0; c < perMine[k]!; c++) {
      const id = camId();
      const p = near(mine.lngLat, 5, 80);
      cameras.push({
        ...base(id, `${mine.name}视频${c + 1}`, `${mine.nameEn} camera ${c + 1}`, p),
        kind: 'camera', cameraType: 'mine', siteId: mine.id,
        stream: demoCameraStream(id, 'mine'),
      });
    }
  });
  return { shelters, rescueTeams: teams, fireStations, depots, cameras, mines };
}
