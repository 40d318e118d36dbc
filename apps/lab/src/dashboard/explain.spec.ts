import { STORES, STRATEGIES } from '../topology/topology';
import { explain } from './explain';

it('has a paragraph for every strategy and store that names the strategy', () => {
  for (const strategy of STRATEGIES) {
    for (const store of STORES) {
      const text = explain(strategy, store);
      expect(text).toContain(strategy);
      expect(text).toMatch(store === 'redis' ? /redis store/ : /memory store/);
    }
  }
});
