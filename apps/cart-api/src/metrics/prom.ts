import type * as Prom from 'prom-client';

/*
 * prom-client's index also loads its default collectors, the cluster
 * aggregator and the push gateway: ~20 ms of CPU on every replica's boot,
 * where these four classes cost ~4 ms. They are its public classes, each its
 * file's module.exports (the package has no `exports` map to forbid it).
 */
export const Registry = require('prom-client/lib/registry') as typeof Prom.Registry;
export const Counter = require('prom-client/lib/counter') as typeof Prom.Counter;
export const Gauge = require('prom-client/lib/gauge') as typeof Prom.Gauge;
export const Histogram = require('prom-client/lib/histogram') as typeof Prom.Histogram;
