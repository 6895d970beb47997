// Stands in for js-yaml 3 inside gray-matter in the bundle. The generator gives
// gray-matter its YAML engine (js-yaml 4, as for specs), so gray-matter's own
// js-yaml is never called; loading it cost every run about 35 ms (js-yaml 3
// loads esprima for its JavaScript types). Anything that still reached it is a bug.
'use strict';
function unused() {
  throw new Error('provider-docs: gray-matter was called without the generator\'s YAML engine');
}
module.exports = { safeLoad: unused, safeDump: unused };
