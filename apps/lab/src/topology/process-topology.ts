// Moved to topology/drivers/process/process-topology.ts; this re-export keeps older imports compiling.
export * from './drivers/process/process-topology';
