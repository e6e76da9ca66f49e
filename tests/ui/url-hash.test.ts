import { describe, expect, it } from 'vitest';
import { RESOURCE_KINDS } from '../../src/config/resource-kinds';
import { MIN_ZOOM } from '../../src/config/map-defaults';
import { DEFAULT_HASH_STATE, parseHash, sameEntries, sameMembers, serializeHash, type HashState } from '../../src/ui/state/url-hash';

describe('url hash', () => {
  it('round-trips a full state', () => {
    const state: HashState = {
      center: [119.71234, 27.56001],
      zoom: 12.5,
      visibleKinds: ['shelter', 'camera'],
      selectedId: 'SH001',
      circleId: 'FS01',
      lang: 'en',
      view: 'duty',
      viewParams: { inc: '119.712345,27.560012', cl: 'l:119.7,27.5;119.8,27.6' },
    };
    const hash = serializeHash(state);
    expect(hash).toBe('#map=12.50/27.56001/119.71234&layers=shelter,camera&sel=SH001&circle=FS01&lang=en&view=duty&inc=119.712345,27.560012&cl=l:119.7,27.5;119.8,27.6');
    expect(parseHash(hash)).toEqual(state);
  });

  it('keeps "no layers" distinct from "all layers"', () => {
    const none = serializeHash({ ...DEFAULT_HASH_STATE, visibleKinds: [] });
    expect(parseHash(none).visibleKinds).toEqual([]);
    expect(parseHash('#map=10/27.5/119.8').visibleKinds).toEqual(RESOURCE_KINDS);
  });

  it('leaves out the layers that are the view\'s default, and reads a link without them as that default', () => {
    const plannerDefault = RESOURCE_KINDS.filter((k) => k !== 'camera');
    const defaultKindsOf = (view: string) => (view === 'planner' ? plannerDefault : RESOURCE_KINDS);
    const planner: HashState = { ...DEFAULT_HASH_STATE, view: 'planner', visibleKinds: plannerDefault };
    const hash = serializeHash(planner, defaultKindsOf);
    expect(hash).not.toContain('layers=');
    expect(parseHash(hash, DEFAULT_HASH_STATE, undefined, defaultKindsOf)).toEqual(planner);
    // the same layers under the duty view are a choice, written out and read back as such
    const duty = serializeHash({ ...planner, view: 'duty' }, defaultKindsOf);
    expect(duty).toContain(`layers=${plannerDefault.join(',')}`);
    expect(parseHash(duty, DEFAULT_HASH_STATE, undefined, defaultKindsOf).visibleKinds).toEqual(plannerDefault);
    // every layer under the planner is a choice too (the cameras ticked back on)
    const all = serializeHash({ ...planner, visibleKinds: RESOURCE_KINDS }, defaultKindsOf);
    expect(parseHash(all, DEFAULT_HASH_STATE, undefined, defaultKindsOf).visibleKinds).toEqual(RESOURCE_KINDS);
    // no layers at all stays distinct from the default
    expect(parseHash(serializeHash({ ...planner, visibleKinds: [] }, defaultKindsOf), DEFAULT_HASH_STATE, undefined, defaultKindsOf).visibleKinds).toEqual([]);
    // malformed layers fall back to the parsed view's default
    expect(parseHash('#view=planner&layers=shelter,nuclear_silo', DEFAULT_HASH_STATE, undefined, defaultKindsOf).visibleKinds).toEqual(plannerDefault);
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
    expect(parseHash('#map=-3/27.5/119.8').zoom).toBe(MIN_ZOOM);
  });

  describe('views', () => {
    const known = ['duty', 'planner'];
    it('reads the view and keeps its params apart from the shell fields', () => {
      const parsed = parseHash('#map=12/27.5/119.7&view=planner&site=119.1,27.2&sel=SH001', DEFAULT_HASH_STATE, known);
      expect(parsed.view).toBe('planner');
      expect(parsed.viewParams).toEqual({ site: '119.1,27.2' });
      expect(parsed.selectedId).toBe('SH001');
    });

    it.each(['#view=nuclear', '#view=<script>', '#view=', '#view=planner%00'])('an unknown or garbage view %j falls back to the default and drops its params', (hash) => {
      const parsed = parseHash(`${hash}&inc=119.7,27.5`, DEFAULT_HASH_STATE, known);
      expect(parsed.view).toBe('duty');
      expect(parsed.viewParams).toEqual({});
    });

    it('no view field means the default view, with the params it carries', () => {
      const parsed = parseHash('#inc=119.7,27.5', DEFAULT_HASH_STATE, known);
      expect(parsed.view).toBe('duty');
      expect(parsed.viewParams).toEqual({ inc: '119.7,27.5' });
    });

    it('ignores view params with odd keys or huge values, and never lets a view param shadow a shell key', () => {
      const parsed = parseHash(`#view=duty&Bad-Key=1&big=${'x'.repeat(5000)}&ok=1`, DEFAULT_HASH_STATE, known);
      expect(parsed.viewParams).toEqual({ ok: '1' });
      const hash = serializeHash({ ...DEFAULT_HASH_STATE, viewParams: { sel: 'X', ok: 'a b&c' } });
      expect(hash.endsWith('&view=duty&ok=a%20b%26c')).toBe(true);
      expect(hash).not.toContain('sel=X');
      expect(parseHash(hash).viewParams).toEqual({ ok: 'a b&c' });
    });
  });
});

describe('a hash applied again keeps unchanged objects', () => {
  it('sameMembers: same members in any order and with repeats, not a subset or superset', () => {
    expect(sameMembers(new Set(['shelter', 'camera']), ['camera', 'shelter'])).toBe(true);
    expect(sameMembers(new Set(['shelter', 'camera']), ['camera', 'shelter', 'camera'])).toBe(true);
    expect(sameMembers(new Set(['shelter', 'camera']), ['camera'])).toBe(false);
    expect(sameMembers(new Set(['shelter']), ['camera', 'shelter'])).toBe(false);
    expect(sameMembers(new Set<string>(), [])).toBe(true);
  });
  it('sameEntries: same keys and values; a missing, extra or changed key differs', () => {
    expect(sameEntries({ inc: '1,2', cl: 'L1' }, { cl: 'L1', inc: '1,2' })).toBe(true);
    expect(sameEntries({ inc: '1,2' }, { inc: '1,3' })).toBe(false);
    expect(sameEntries({ inc: '1,2' }, { inc: '1,2', cl: 'L1' })).toBe(false);
    expect(sameEntries({ inc: '1,2', k: '' }, { inc: '1,2', cl: '' })).toBe(false);
    expect(sameEntries({}, {})).toBe(true);
  });
  it('parsing a hash that only moves the map gives equal kinds and view params', () => {
    const a = parseHash('#map=14/27.5/119.7&view=duty&inc=119.7,27.5&layers=shelter,camera', DEFAULT_HASH_STATE);
    const b = parseHash('#map=15/27.51/119.71&view=duty&inc=119.7,27.5&layers=shelter,camera', DEFAULT_HASH_STATE);
    expect(sameMembers(new Set(a.visibleKinds), b.visibleKinds)).toBe(true);
    expect(sameEntries(a.viewParams, b.viewParams)).toBe(true);
    expect(b.zoom).toBe(15);
  });
});
