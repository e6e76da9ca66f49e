import type { zhCN } from './zh-CN';

/** Every dictionary has exactly the Chinese one's keys (a missing or extra key fails typecheck). */
type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type PublicStrings = Strings<typeof zhCN>;
