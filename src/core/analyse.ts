import type { Analysis } from './types.js';

/** Placeholder signature while the core modules land; replaced by the real composition. */
export type Analyse = (raw: Buffer) => Promise<Analysis>;
