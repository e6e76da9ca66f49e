import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateTyphoonDemo } from '../../scripts/generate-typhoon-demo';
import { readTyphoonTrack } from '../../src/io';
import { REPO_ROOT } from '../helpers/shared-reference';

describe('typhoon demo files', () => {
  const out = mkdtempSync(join(tmpdir(), 'typhoon-demo-'));
  const written = generateTyphoonDemo(out);

  test('the committed files are what the seeded script writes', () => {
    for (const p of written) {
      const rel = p.slice(out.length + 1);
      expect(readFileSync(p, 'utf8'), rel).toBe(readFileSync(resolve(REPO_ROOT, 'data', rel), 'utf8'));
    }
  });

  test('the Zhejiang-layout copy reads without errors, is marked synthetic, and keeps the real positions', () => {
    const r = readTyphoonTrack(readFileSync(resolve(REPO_ROOT, 'data/typhoon/gaemi-2024-zhejiang-layout.json'), 'utf8'));
    expect(r.format).toBe('zhejiang');
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.track!.storm).toMatchObject({ name: 'GAEMI', nameZh: '格美', synthetic: true });
    const ib = readTyphoonTrack(readFileSync(resolve(REPO_ROOT, 'data/typhoon/gaemi-2024-ibtracs.csv'), 'utf8')).track!;
    const t = Date.parse('2024-07-25T06:00:00Z');
    const zjFix = r.track!.fixes.find((f) => f.timeMs === t)!;
    const ibFix = ib.fixes.find((f) => f.timeMs === t)!;
    expect(Math.abs(zjFix.lngLat[0] - ibFix.lngLat[0])).toBeLessThan(0.3);
    expect(Math.abs(zjFix.lngLat[1] - ibFix.lngLat[1])).toBeLessThan(0.3);
    expect(r.track!.landfalls).toHaveLength(2);
    expect(r.track!.forecasts.length).toBeGreaterThan(4);
  });

  test('every village has a synthetic responsible person', () => {
    const villages = JSON.parse(readFileSync(resolve(REPO_ROOT, 'data/taishun/villages.geojson'), 'utf8'));
    const c = JSON.parse(readFileSync(resolve(REPO_ROOT, 'data/taishun/village-contacts.json'), 'utf8'));
    expect(c.synthetic).toBe(true);
    for (const f of villages.features) {
      expect(c.contacts[f.properties.id]).toMatchObject({ role: '村级防汛防台责任人', phone: expect.stringMatching(/^0577-00\d{6}$/) });
    }
  });
});
