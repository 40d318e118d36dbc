// Placeholder entry point; the lab CLI work replaces it.
console.error('lab: not built yet');
process.exit(1);
