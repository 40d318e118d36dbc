// Moved to topology/drivers/process/nginx-front.ts; this re-export keeps older imports compiling.
export * from './drivers/process/nginx-front';
