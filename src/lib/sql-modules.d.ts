// Vite (Astro build, vitest, the browser bundle) imports `.sql?raw` as the file's text.
declare module '*.sql?raw' {
  const text: string;
  export default text;
}
