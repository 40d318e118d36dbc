// Moved to util/wait.ts; this re-export keeps older imports compiling.
export * from '../util/wait';
