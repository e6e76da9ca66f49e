import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { findNearestByTravelTime, parseGeoJsonRoads, parseRoads, roadNetworkFromRaw, snapResources, WALKING_PROFILE } from '../../src/core';
import { decodeCompactRoads, encodeCompactRoads } from '../../src/io/compact-roads';
import { buildFinderData, type PublicShelter } from '../../src/io/public-finder-data';
import { ar } from '../../src/public/i18n/ar';
import { en } from '../../src/public/i18n/en';
import { initialLang, langFromBrowser, translator } from '../../src/public/i18n';
import { zhCN } from '../../src/public/i18n/zh-CN';
import { matchVillages, rankByStraightLine, walkingMinutes, withWalkingTimes } from '../../src/public/rank';
import { sharedShelterId, shareText, shelterLink } from '../../src/public/share';
import { ComputeClient } from '../../src/workers/compute-client';
import { createComputeHost } from '../../src/workers/compute-host';
import type { MessagePortLike } from '../../src/workers/protocol';
import { createWalkingHandlers } from '../../src/workers/walking-handlers';
import type { WalkingMessages } from '../../src/workers/walking-protocol';
import { REPO_ROOT } from '../helpers/shared-reference';
import { buildShelterContacts } from '../../scripts/demo/shelter-contacts';

const shelter = (id: string, lngLat: [number, number], o: Partial<PublicShelter> = {}): PublicShelter => ({
  id, name: `避灾点${id}`, nameEn: `Shelter ${id}`, township: 'T01', capacity: 10, occupancy: 0, open: true, typhoonSafe: true,
  updatedAt: '2024-11-01T00:00:00.000Z', lngLat, ...o,
});

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('ranking', () => {
  const from: [number, number] = [119.7, 27.5];
  const list = [
    shelter('A', [119.7001, 27.5], { open: false }), // nearest, closed
    shelter('B', [119.7002, 27.5], { occupancy: 9 }), // 1 free place
    shelter('C', [119.71, 27.5]),
    shelter('D', [119.705, 27.5]),
  ];

  test('straight line: open shelters with room for the party, nearest first; closed or full apart, never ranked', () => {
    const r = rankByStraightLine(list, from, 1);
    expect(r.by).toBe('straight-line');
    expect(r.available.map((x) => x.shelter.id)).toEqual(['B', 'D', 'C']);
    expect(r.unavailable.map((x) => x.shelter.id)).toEqual(['A']);
    const party2 = rankByStraightLine(list, from, 2);
    expect(party2.available.map((x) => x.shelter.id)).toEqual(['D', 'C']);
    expect(party2.unavailable.map((x) => x.shelter.id)).toEqual(['A', 'B']);
  });

  test('walking times re-order the available ones; those without a walking route follow; closed stay apart', () => {
    const r = withWalkingTimes(rankByStraightLine(list, from, 1), [
      { id: 'C', kind: 'shelter', seconds: 100, meters: 120, straightLineMeters: 900 },
      { id: 'D', kind: 'shelter', seconds: 400, meters: 500, straightLineMeters: 480 },
    ]);
    expect(r.by).toBe('walking');
    expect(r.available.map((x) => [x.shelter.id, x.walkingSeconds])).toEqual([['C', 100], ['D', 400], ['B', null]]);
    expect(r.unavailable.map((x) => x.shelter.id)).toEqual(['A']);
  });

  test('minutes are rounded, at least one', () => {
    expect([walkingMinutes(10), walkingMinutes(89), walkingMinutes(91), walkingMinutes(720)]).toEqual([1, 1, 2, 12]);
  });

  test('village search: exact, then prefix, then contains, then township', () => {
    const vs = [{ name: '东城社区', township: 'T01' }, { name: '城东村', township: 'T02' }, { name: '城', township: 'T03' }, { name: '下村', township: 'T04' }];
    const tw = (id: string) => ({ T04: '城关镇' })[id] ?? '';
    expect(matchVillages(vs, tw, '城').map((v) => v.name)).toEqual(['城', '城东村', '东城社区', '下村']);
    expect(matchVillages(vs, tw, '  ')).toEqual([]);
  });
});

describe('share', () => {
  const r = { shelter: shelter('SH9', [119.7, 27.5], { phone: '0577-00123456' }), freePlaces: 10, straightLineMeters: 850, walkingSeconds: 700 };
  test('short plain text in Chinese with walking minutes, phone and link', () => {
    const link = shelterLink('https://example.org/finder/?x=1#old', 'SH9');
    expect(link).toBe('https://example.org/finder/#shelter=SH9');
    expect(shareText(translator('zh-CN'), 'zh-CN', r, link)).toBe('最近的开放避灾点：避灾点SH9，步行约 12 分钟，电话 0577-00123456。https://example.org/finder/#shelter=SH9');
    expect(sharedShelterId('#shelter=SH9')).toBe('SH9');
    expect(sharedShelterId('#other=1')).toBeNull();
  });
  test('English names where the data has them, straight line before walking is known', () => {
    const text = shareText(translator('en'), 'en', { ...r, walkingSeconds: undefined }, 'L');
    expect(text).toBe('Nearest open shelter: Shelter SH9 (避灾点SH9), 850 m in a straight line, phone 0577-00123456. L');
  });
});

describe('i18n of the finder', () => {
  test('zh-CN, en and ar have the same keys, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
    expect(keys(ar).sort()).toEqual(keys(zhCN).sort());
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));
    expect([...values(zhCN), ...values(en), ...values(ar)].filter((v) => v.trim() === '')).toEqual([]);
  });
  test('the browser languages choose; a remembered choice wins; Chinese otherwise', () => {
    expect(langFromBrowser(['ar-EG', 'en'])).toBe('ar');
    expect(langFromBrowser(['fr-FR', 'en-GB'])).toBe('en');
    expect(langFromBrowser(['zh-TW'])).toBe('zh-CN');
    expect(langFromBrowser(['fr'])).toBe('zh-CN');
    expect(initialLang({ getItem: () => 'en' }, ['ar'])).toBe('en');
    expect(initialLang({ getItem: () => 'xx' }, ['ar'])).toBe('ar');
    expect(initialLang({ getItem: () => { throw new Error('blocked'); } }, ['en'])).toBe('en');
  });
  test('interpolates, and a missing key is a console error', () => {
    expect(translator('ar')('row.walk', { minutes: 5 })).toBe('نحو 5 دقيقة سيرًا');
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(translator('en')('row.nope')).toBe('row.nope');
    expect(err).toHaveBeenCalledWith(expect.stringContaining('row.nope'));
    err.mockRestore();
  });
});

describe('public finder data', () => {
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  const feature = (props: Record<string, unknown>, coords: [number, number] = [119.7, 27.5]) => ({ type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: coords } });
  const good = { id: 'SH1', kind: 'shelter', name: '一号', nameEn: 'No. 1', township: 'T01', status: 'active', updatedAt: '2024-11-01T00:00:00.000Z', capacity: 10, occupancy: 2, open: true, typhoonSafe: true, level: 'village', address: '某地', secretNote: 'officer only' };

  test('picks the public fields by name, drops unknown ones, reports bad rows and keeps the good', () => {
    const { data, issues } = buildFinderData({
      shelters: fc([feature(good), feature({ ...good, id: 'SH2', capacity: 'lots' }), feature({ ...good, id: 'SH3', status: 'maintenance' })]),
      contacts: { phones: { SH1: '0577-00111111', SH3: '<script>' } },
      townships: fc([]), villages: fc([]),
    });
    expect(data.shelters.map((s) => s.id)).toEqual(['SH1', 'SH3']);
    expect(data.shelters[0]).toEqual({ id: 'SH1', name: '一号', nameEn: 'No. 1', township: 'T01', address: '某地', phone: '0577-00111111', capacity: 10, occupancy: 2, open: true, typhoonSafe: true, updatedAt: '2024-11-01T00:00:00.000Z', lngLat: [119.7, 27.5] });
    expect(data.shelters[1]!.open).toBe(false); // open but under maintenance is not open to the public
    expect(data.shelters[1]!.phone).toBeUndefined();
    expect(issues.map((i) => i.message).join('\n')).toMatch(/SH2.*capacity/);
    expect(issues.map((i) => i.message).join('\n')).toMatch(/phones\.SH3/);
  });
});

describe('walking worker', () => {
  test('over a real MessageChannel it ranks shelters exactly as the core does on the walking profile', async () => {
    const bytes = readFileSync(join(REPO_ROOT, 'data', 'taishun', 'roads.geojson'));
    const shelters = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'taishun', 'resources', 'shelters.geojson'), 'utf8')).features
      .map((f: { properties: { id: string }; geometry: { coordinates: [number, number] } }) => ({ id: f.properties.id, lngLat: f.geometry.coordinates }));
    const { port1, port2 } = new MessageChannel();
    createComputeHost<WalkingMessages>(port2 as unknown as MessagePortLike, createWalkingHandlers());
    const client = new ComputeClient<WalkingMessages>(port1 as unknown as MessagePortLike);
    try {
      const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const loaded = await client.request('loadWalkingNetwork', { fileName: 'roads.geojson', bytes: buf, shelters }, { transfer: [buf] });
      expect(loaded.edgeCount).toBeGreaterThan(100);
      const from: [number, number] = [119.7281918, 27.5638965];
      const ids = shelters.slice(0, 60).map((s: { id: string }) => s.id);
      const a = await client.request('walkingNearest', { from, ids, k: 5, withRoutes: true });
      const net = roadNetworkFromRaw(parseRoads('roads.geojson', new Uint8Array(bytes)), WALKING_PROFILE);
      const ref = findNearestByTravelTime(net, from, snapResources(net, shelters.slice(0, 60).map((s: { id: string; lngLat: [number, number] }) => ({ ...s, kind: 'shelter' }))), { k: 5 });
      expect(a.results.map((r) => [r.id, r.seconds])).toEqual(ref.results.map((r) => [r.id, r.seconds]));
      expect(a.results[0]!.route!.length).toBeGreaterThan(1);
    } finally {
      port1.close();
      port2.close();
    }
  });
});

describe('shelter duty phones (scripts/demo/shelter-contacts.ts)', () => {
  test('the committed file equals a fresh seeded run over the shelters, every number undiallable (0577-00…) and marked synthetic', () => {
    const dir = join(REPO_ROOT, 'data', 'taishun', 'resources');
    const ids = JSON.parse(readFileSync(join(dir, 'shelters.geojson'), 'utf8')).features.map((f: { properties: { id: string } }) => f.properties.id);
    const committed = readFileSync(join(dir, 'shelter-contacts.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(buildShelterContacts(ids), null, 1)}\n`);
    const phones = Object.values(JSON.parse(committed).phones) as string[];
    expect(phones).toHaveLength(ids.length);
    expect(phones.every((p) => /^0577-00\d{6}$/.test(p))).toBe(true);
    expect(JSON.parse(committed).synthetic).toBe(true);
  });
});

describe('compact roads (src/io/compact-roads.ts)', () => {
  test('decoded, the demo roads give exactly the graph of the original GeoJSON on the walking profile', () => {
    const text = readFileSync(join(REPO_ROOT, 'data', 'taishun', 'roads.geojson'), 'utf8');
    const compact = encodeCompactRoads(JSON.parse(text));
    const { roads, issues } = decodeCompactRoads(JSON.parse(JSON.stringify(compact)));
    expect(issues).toEqual([]);
    const a = roadNetworkFromRaw(parseRoads('roads.geojson', new TextEncoder().encode(text)), WALKING_PROFILE).graph;
    const b = roadNetworkFromRaw(parseGeoJsonRoads(roads), WALKING_PROFILE).graph;
    expect([b.nodeCount, b.edgeCount]).toEqual([a.nodeCount, a.edgeCount]);
    expect(Array.from(b.nodeLngLat)).toEqual(Array.from(a.nodeLngLat));
    expect(Array.from(b.edgeForwardSeconds)).toEqual(Array.from(a.edgeForwardSeconds));
    expect(Array.from(b.edgeBackwardSeconds)).toEqual(Array.from(a.edgeBackwardSeconds));
    expect(JSON.stringify(compact).length).toBeLessThan(text.length / 2);
  });

  test('bad ways are reported by index and field and left out; a wrong format is one issue', () => {
    const { roads, issues } = decodeCompactRoads({ format: 'onemap-compact-roads-1', ways: [[{ highway: 'track' }, [1, 2, 3, 4]], [{}, [1, 2, 3, 4]], [{ highway: 'track' }, [1, 2, 3]]] });
    expect(roads.features).toHaveLength(1);
    expect(issues.map((i) => `${i.row}:${i.field}`)).toEqual(['1:tags.highway', '2:deltas']);
    expect(decodeCompactRoads({ format: 'x' }).issues[0]!.message).toMatch(/format/);
  });
});
