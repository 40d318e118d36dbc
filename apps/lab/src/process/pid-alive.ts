// Moved to util/pid-alive.ts; this re-export keeps older imports compiling.
export * from '../util/pid-alive';
