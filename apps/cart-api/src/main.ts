// Placeholder entry point; the cart-api work replaces it.
console.error('cart-api: not built yet');
process.exit(1);
