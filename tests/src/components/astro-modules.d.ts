// Lets tsc type the .astro imports of component tests (Vite compiles them at test time;
// Astro types .astro files only through its own language tools).
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
