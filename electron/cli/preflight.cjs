// @ts-check
'use strict';
/**
 * The first step of every npm script (see package.json). It is plain CommonJS so that any Node,
 * however old, runs it: where something the script needs is missing it says so in one line on
 * standard error, with how to get it, and exits 1, instead of the stack trace the script would
 * end in. When everything is there it prints nothing, so a script's output stays its own.
 *
 *   node electron/cli/preflight.cjs            the Node version (package.json "engines") and the installed packages
 *   node electron/cli/preflight.cjs electron   the same, and the Electron desktop binary (npm start, npm run dev)
 *   node electron/cli/preflight.cjs node       the Node version only (.ci/run, before npm ci)
 */
var fs = require('fs');
var path = require('path');

var root = path.resolve(__dirname, '..', '..');
var pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function fail(line) {
  process.stderr.write(line + '\n');
  process.exit(1);
}

function parts(version) {
  return String(version).replace(/^[^\d]*/, '').split('.').map(Number);
}

function atLeast(have, need) {
  for (var i = 0; i < need.length; i++) {
    if ((have[i] || 0) !== need[i]) return (have[i] || 0) > need[i];
  }
  return true;
}

function checkNode() {
  var need = /^>=\s*([\d.]+)$/.exec(pkg.engines.node);
  if (need === null) throw new Error('package.json engines.node must read ">=X.Y", not "' + pkg.engines.node + '"');
  if (atLeast(parts(process.versions.node), parts(need[1]))) return;
  fail(
    'Leg Pain DDx needs Node.js ' + need[1] + ' or newer, and this is Node ' + process.versions.node + ' (' + process.execPath + '): ' +
      'get Node 24 as README.md shows under "Prerequisites" (two commands), then run this again.'
  );
}

function checkPackages() {
  var names = Object.keys(pkg.dependencies || {}).concat(Object.keys(pkg.devDependencies || {}));
  for (var i = 0; i < names.length; i++) {
    if (!fs.existsSync(path.join(root, 'node_modules', names[i], 'package.json'))) {
      fail('The project\'s packages are not installed (node_modules/' + names[i] + ' is missing): run `npm ci` first, as README.md shows.');
    }
  }
}

/** Where the electron package would start its binary from, by the same rules as its index.js, without its download. */
function electronBinary() {
  var dir = path.join(root, 'node_modules', 'electron');
  var pathFile = path.join(dir, 'path.txt');
  var executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null;
  var override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return path.join(override, executable || 'electron');
  return executable === null ? null : path.join(dir, 'dist', executable);
}

function checkElectron() {
  var binary = electronBinary();
  if (binary !== null && fs.existsSync(binary)) return;
  fail(
    'The Electron desktop binary is not installed (npm ci with ELECTRON_SKIP_BINARY_DOWNLOAD=1 leaves it out): ' +
      'get it with `npx install-electron`, or run the same app in your browser with `npm run serve`.'
  );
}

var only = process.argv[2];
if (only !== undefined && only !== 'node' && only !== 'electron') throw new Error('unknown check: ' + only);
checkNode();
if (only !== 'node') checkPackages();
if (only === 'electron') checkElectron();
