import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, resourcesFromCsv, type Camera, type Shelter } from '../../src/io';

const FIX = join(__dirname, 'fixtures');

describe('resourcesFromCsv', () => {
  const text = readFileSync(join(FIX, 'shelters-zh.csv'), 'utf8');

  it('reads Chinese headers (经度/纬度 …), a BOM and "1,200"-style numbers; keeps every valid row', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { resources, issues } = resourcesFromCsv(text, 'shelter');
    expect(resources.map((r) => r.id)).toEqual(['C1', 'C3', 'C7']);
    const c1 = resources[0] as Shelter;
    expect(c1).toMatchObject({ kind: 'shelter', name: '罗阳镇测试避灾点', capacity: 1200, occupancy: 10, open: true, lngLat: [119.72, 27.56] });
    expect(resources[2]!.name).toBe('<script>alert(1)</script>');
    const byRow = issues.map((i) => [i.row, i.id, i.field, i.severity]);
    expect(byRow).toEqual([
      [1, 'C2', 'lngLat', 'error'],
      [3, 'C4', 'occupancy', 'error'],
      [4, 'C5', 'lngLat', 'error'],
      [5, 'C6', 'capacity', 'error'],
      [7, 'C3', 'id', 'warning'],
      [8, 'C9', 'lngLat', 'error'],
    ]);
    expect(issues[0]!.message).toContain('"abc"');
    expect(issues[2]!.message).toContain('91');
    expect(issues[5]!.message).toContain('no location');
  });

  it('decodes a GBK file to the same result as the UTF-8 one', () => {
    const gbk = decodeCsvBytes(readFileSync(join(FIX, 'shelters-zh.gbk.csv')));
    expect(gbk.encoding).toBe('gbk');
    const utf8 = decodeCsvBytes(readFileSync(join(FIX, 'shelters-zh.csv')));
    expect(utf8.encoding).toBe('utf-8');
    expect(gbk.text).toBe(utf8.text);
    expect(resourcesFromCsv(gbk.text, 'shelter').resources).toHaveLength(3);
  });

  it('reports a file without coordinate columns once', () => {
    const out = resourcesFromCsv('id,name\nA,x\n', 'shelter');
    expect(out.resources).toEqual([]);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ row: -1, field: 'lng' });
    expect(resourcesFromCsv('', 'shelter').issues).toHaveLength(1);
  });

  it('ignores a __proto__ column and reports it', () => {
    const csv =
      'id,__proto__,name,township,status,updatedAt,capacity,occupancy,open,typhoonSafe,level,lng,lat\n' +
      'P1,{"polluted":true},点,T01,active,2024-10-01T08:00:00Z,5,0,false,true,village,119.7,27.5\n';
    const out = resourcesFromCsv(csv, 'shelter');
    expect(out.resources).toHaveLength(1);
    expect(Object.getPrototypeOf(out.resources[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(out.issues).toEqual([expect.objectContaining({ row: -1, field: 'header.1', severity: 'warning' })]);
  });

  it('builds camera streams from streamProtocol/streamUrl columns and warns on ragged rows', () => {
    const csv =
      'id,name,township,status,updated_at,camera_type,stream_protocol,stream_url,longitude,latitude\n' +
      'K1,摄像头,T01,active,2024-10-01T08:00:00Z,rain_gauge,snapshot,https://k1.taishun.invalid/s.jpg,119.7,27.5\n' +
      'K2,摄像头,T01,active,2024-10-01T08:00:00Z,rain_gauge,snapshot,https://k2.taishun.invalid/s.jpg,119.7,27.5,extra\n';
    const out = resourcesFromCsv(csv, 'camera');
    expect(out.resources.map((r) => r.id)).toEqual(['K1', 'K2']);
    expect((out.resources[0] as Camera).stream).toEqual({ protocol: 'snapshot', url: 'https://k1.taishun.invalid/s.jpg' });
    expect(out.issues).toEqual([expect.objectContaining({ row: 1, id: 'K2', severity: 'warning' })]);
  });
});
