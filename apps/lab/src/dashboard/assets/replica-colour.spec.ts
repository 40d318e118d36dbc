import { replicaColour as shopColour } from '../../../../cart-api/src/ui/assets/replica-colour';
import { replicaColour } from './replica-colour';

// The two apps build separately (one tsc rootDir each), so the colour
// function exists twice; app2 must look the same on both pages.
it('gives every replica the same colour as the shop page does', () => {
  const names = [...Array.from({ length: 24 }, (_, i) => `app${i}`), 'web', 'x', ''];
  expect(names.map(replicaColour)).toEqual(names.map(shopColour));
});
