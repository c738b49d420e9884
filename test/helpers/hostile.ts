/** Hostile inputs for tests: the generators live in bench/hostile.ts, shared with the soak in `npm run bench`. */
export * from '../../bench/hostile';
