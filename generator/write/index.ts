// Public surface of the write stage; everything else in this folder is internal.
export type { OutputFile, WriteOptions, WriteResult } from './write-output.js';
export { isUpToDate, writeOutput, writeOutputSync } from './write-output.js';
export { MANIFEST_NAME, STAT_CACHE_NAME } from './paths.js';
