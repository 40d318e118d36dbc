// Moved to util/reaper.ts; this re-export keeps older imports compiling.
export * from '../util/reaper';
