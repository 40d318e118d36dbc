"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const cart_repository_1 = require("./cart.repository");
const memory_cart_repository_1 = require("./memory-cart.repository");
describe('MemoryCartRepository', () => {
    let repo;
    beforeEach(() => {
        repo = new memory_cart_repository_1.MemoryCartRepository({ maxQty: 99, maxLines: 3 });
    });
    it('adds to a line and keeps insertion order', async () => {
        await repo.add('s', 'b', 2);
        await repo.add('s', 'a', 1);
        expect(await repo.add('s', 'b', 3)).toEqual([
            { sku: 'b', qty: 5 },
            { sku: 'a', qty: 1 },
        ]);
    });
    it('keeps carts of different sessions apart', async () => {
        await repo.add('s1', 'a', 1);
        expect(await repo.get('s2')).toEqual([]);
    });
    it('refuses a line past 99 and leaves the line unchanged', async () => {
        await repo.add('s', 'a', 98);
        await expect(repo.add('s', 'a', 2)).rejects.toBeInstanceOf(cart_repository_1.CartLimitError);
        await expect(repo.set('s', 'a', 100)).rejects.toBeInstanceOf(cart_repository_1.CartLimitError);
        expect(await repo.get('s')).toEqual([{ sku: 'a', qty: 98 }]);
    });
    it('refuses a line beyond maxLines but still adds to existing lines', async () => {
        for (const sku of ['a', 'b', 'c'])
            await repo.add('s', sku, 1);
        await expect(repo.add('s', 'd', 1)).rejects.toThrow('at most 3 lines');
        expect(await repo.add('s', 'a', 1)).toHaveLength(3);
    });
    it('sets and removes existing lines only', async () => {
        await expect(repo.set('s', 'a', 1)).rejects.toBeInstanceOf(cart_repository_1.LineNotFoundError);
        await expect(repo.remove('s', 'a')).rejects.toBeInstanceOf(cart_repository_1.LineNotFoundError);
        await repo.add('s', 'a', 1);
        expect(await repo.set('s', 'a', 7)).toEqual([{ sku: 'a', qty: 7 }]);
        expect(await repo.remove('s', 'a')).toEqual([]);
        expect(repo.size).toBe(0);
    });
    it('clears and deletes', async () => {
        await repo.add('s', 'a', 1);
        await repo.clear('s');
        expect(await repo.get('s')).toEqual([]);
        await repo.add('s', 'a', 1);
        repo.delete('s');
        expect(repo.size).toBe(0);
    });
});
//# sourceMappingURL=memory-cart.repository.spec.js.map