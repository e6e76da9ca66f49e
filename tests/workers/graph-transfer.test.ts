import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { buildRoadGraph, graphTransferables, parseGeoJsonRoads, TravelTimeExpander, type RoadGraph } from '../../src/core';
import { REPO_ROOT } from '../helpers/shared-reference';

test('a road graph crosses a MessageChannel by transfer and routes the same on the other side', async () => {
  const raw = parseGeoJsonRoads(JSON.parse(readFileSync(resolve(REPO_ROOT, 'data/taishun/roads.geojson'), 'utf8')));
  const g = buildRoadGraph(raw);
  const before = new TravelTimeExpander(g).expand([{ node: 0, seconds: 0, label: 0 }], { direction: 'reverse', budgetSeconds: Infinity }).seconds.slice();
  const edgeCount = g.edgeCount;
  const { port1, port2 } = new MessageChannel();
  const received = new Promise<RoadGraph>((r) => port2.addEventListener('message', (e) => r(e.data as RoadGraph), { once: true }));
  port2.start();
  port1.postMessage(g, graphTransferables(g));
  const copy = await received;
  port1.close();
  port2.close();
  expect(g.edgeFrom.byteLength).toBe(0); // moved, not copied
  expect(copy.edgeCount).toBe(edgeCount);
  const after = new TravelTimeExpander(copy).expand([{ node: 0, seconds: 0, label: 0 }], { direction: 'reverse', budgetSeconds: Infinity }).seconds;
  expect(Array.from(after)).toEqual(Array.from(before));
});
