// The built site under test: one build shared by the browser test files (see
// scripts/tooling/site-build.ts, which bench:web uses too).
export { ROOT, siteBuild, type SiteBuild } from '../../../scripts/tooling/site-build.ts';
