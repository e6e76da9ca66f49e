import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS } from '../../src/config/resource-kinds';
import { DEFAULT_HASH_STATE, parseHash, serializeHash, type HashState } from '../../src/ui/state/url-hash';

describe('url hash', () => {
  it('round-trips a full state', () => {
    const state: HashState = {
      center: [119.71234, 27.56001],
      zoom: 12.5,
      visibleKinds: ['shelter', 'camera'],
      selectedId: 'SH001',
      circleId: 'FS01',
      lang: 'en',
    };
    const hash = serializeHash(state);
    expect(hash).toBe('#map=12.50/27.56001/119.71234&layers=shelter,camera&sel=SH001&circle=FS01&lang=en');
    expect(parseHash(hash)).toEqual(state);
  });

  it('keeps "no layers" distinct from "all layers"', () => {
    const none = serializeHash({ ...DEFAULT_HASH_STATE, visibleKinds: [] });
    expect(parseHash(none).visibleKinds).toEqual([]);
    expect(parseHash('#map=10/27.5/119.8').visibleKinds).toEqual(RESOURCE_KINDS);
  });

  it.each([
    '',
    '#',
    '#garbage',
    '#map=abc/def/ghi',
    '#map=10/95/119',
    '#map=10/27.5/999',
    '#map=10//119',
    '#map=1/2/3/4',
    '#layers=shelter,nuclear_silo',
    '#sel=<img src=x>',
    '#circle="><script>',
    '#lang=fr',
    '#%E0%A4%A',
    '#map=Infinity/27/119',
  ])('falls back to defaults for garbage %j', (hash) => {
    const parsed = parseHash(hash);
    expect(parsed.center).toEqual(DEFAULT_HASH_STATE.center);
    expect(parsed.zoom).toBe(DEFAULT_HASH_STATE.zoom);
    expect(parsed.visibleKinds).toEqual(DEFAULT_HASH_STATE.visibleKinds);
    expect(parsed.selectedId).toBeNull();
    expect(parsed.circleId).toBeNull();
    expect(parsed.lang).toBe('zh-CN');
  });

  it('keeps the good fields when others are garbage', () => {
    const parsed = parseHash('#map=nope&layers=depot&sel=V001');
    expect(parsed.center).toEqual(DEFAULT_HASH_STATE.center);
    expect(parsed.visibleKinds).toEqual(['depot']);
    expect(parsed.selectedId).toBe('V001');
  });

  it('clamps zoom into the allowed range', () => {
    expect(parseHash('#map=40/27.5/119.8').zoom).toBe(18);
    expect(parseHash('#map=-3/27.5/119.8').zoom).toBe(7);
  });
});
