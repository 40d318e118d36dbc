// Moved to util/free-port.ts; this re-export keeps older imports compiling.
export * from '../util/free-port';
