// Moved to nginx/process.ts; this re-export keeps older imports compiling.
export * from '../nginx/process';
