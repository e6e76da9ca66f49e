/**
 * The seeded PRNG for test data that must be the same on every run: the demo generator's
 * mulberry32 (scripts/demo/prng.ts), so there is one implementation in the repo.
 */
export { createRng as seededRandom, type Rng as SeededRandom } from '../../scripts/demo/prng';
