// Moved to util/find-binary.ts; this re-export keeps older imports compiling.
export * from '../util/find-binary';
