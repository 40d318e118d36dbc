export * from './addresses';
export * from './checkers';
export * from './cookie-jar';
export * from './history';
export * from './lab-client';
export * from './outcome';
export * from './probe';
export * from './types';
