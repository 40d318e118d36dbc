export * from './binary';
export * from './haproxy-process';
export * from './paths';
export * from './render';
export * from './runtime-api';
