// Moved to util/http.ts; this re-export keeps older imports compiling.
export * from '../util/http';
