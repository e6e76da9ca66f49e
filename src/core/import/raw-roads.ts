/** One OSM-style way: an ordered list of node ids and its tags. */
export interface RawWay {
  readonly id: number;
  readonly nodeIds: readonly number[];
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Road input before graph building, whatever the file format: node coordinates by id and the
 * ways that reference them. Ways may reference nodes the extract lacks (the builder cuts them).
 */
export interface RawRoads {
  /** node id → [lng, lat] */
  readonly nodes: ReadonlyMap<number, readonly [number, number]>;
  readonly ways: readonly RawWay[];
  /** problems met while reading (skipped features and why); never thrown */
  readonly problems: readonly string[];
}
