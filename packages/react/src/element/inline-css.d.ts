/** Vite's `?inline` import: the stylesheet as a string (minified in the build), not added to the page. */
declare module "*.css?inline" {
  const css: string;
  export default css;
}
