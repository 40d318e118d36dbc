// Moved to util/run-dir.ts; this re-export keeps older imports compiling.
export * from '../util/run-dir';
