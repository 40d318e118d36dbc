// Moved to topology/drivers/process/redis-server.ts; this re-export keeps older imports compiling.
export * from '../topology/drivers/process/redis-server';
