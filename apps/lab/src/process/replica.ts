// Moved to topology/drivers/process/replica.ts; this re-export keeps older imports compiling.
export * from '../topology/drivers/process/replica';
