#!/usr/bin/env node
// WXML test oracle: compiles WXML with Tencent's wcc (npm `miniprogram-compiler`)
// and prints the virtual DOM that the generated code returns for given page data.
//
//   node wcc-render.mjs <projectRoot> <page.wxml> <data.json>
//   node wcc-render.mjs --batch <cases.json>
//
// Output: single mode prints the tree JSON (exit 0); wcc compile error -> message on
// stderr, exit 1; runtime/harness error -> exit 2. Batch mode prints one line per case,
// in input order: {"id":..,"tree":..} or {"id":..,"error":".."}, plus "warnings":[..]
// when the generated code called console.warn/log (e.g. missing wx:key, template not found).
//
// Options:
//   --keep-virtual  set window.__webview_engine_version__ = 0.02 so the generated
//                   code returns the raw tree (virtual nodes from block/if/for with
//                   wxKey/wxVkey kept) instead of the flattened _ev() tree.
//   --solo          batch mode: compile each case with its own wcc run (no chunking).
//                   Cases with a .json file or an absolute src="/..." are always solo.
//   --exact-errors  batch mode: re-run a case that failed inside a chunk on its own
//                   to get wcc's message (default: the chunk's message, prefix removed).
//   --chunk N       batch mode: up to N cases per wcc run (default 40).
//   --jobs N        batch mode: concurrent wcc processes (default: number of CPUs).
//   --timeout MS    limit for evaluating the generated code / one render (default 5000).
//
// See FINDINGS.md for how wcc is invoked and what the trees look like.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- wcc binary
function wccPath() {
  const pkgDir = path.dirname(require.resolve('miniprogram-compiler/package.json'));
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`only linux-x64 is supported (got ${process.platform}-${process.arch})`);
  }
  const bin = path.join(pkgDir, 'bin', 'linux', 'wcc');
  // npm installs it as 0644; the package itself chmods it at first use.
  try {
    fs.accessSync(bin, fs.constants.X_OK);
    return bin;
  } catch { /* not executable */ }
  try {
    fs.chmodSync(bin, 0o755);
    return bin;
  } catch { /* read-only node_modules: use a private copy */ }
  const copy = path.join(os.tmpdir(), `wcc-oracle-bin-${process.getuid?.() ?? 'u'}`, 'wcc');
  if (!fs.existsSync(copy)) {
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(bin, copy);
    fs.chmodSync(copy, 0o755);
  }
  return copy;
}
const WCC = wccPath();

// Arguments as built by miniprogram-compiler/src/wcc.js:
//   -d -cc "<component args>" FILES.wxml... FILES.wxs... -gn $gwx
// (we pass every path as './<rel>' so that absolute src="/x.wxml" resolves at run time).
const wccArgs = (wxmlFiles, wxsFiles, componentArgs) => ['-d', '-cc', componentArgs.join(' '), ...wxmlFiles, ...wxsFiles, '-gn', '$gwx'];

const result = (status, stdout, stderr, signal) => {
  if (status === 0) return { ok: true, code: stdout };
  return { ok: false, message: stderr.trim() || stdout.trim() || `wcc exited with ${signal ?? status}` };
};

// One wcc process; resolves {ok:true, code} or {ok:false, message} (wcc's stderr).
function spawnWcc(cwd, args) {
  return new Promise((resolve) => {
    const p = spawn(WCC, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    p.stdout.on('data', (b) => out.push(b));
    p.stderr.on('data', (b) => err.push(b));
    p.on('error', (e) => resolve({ ok: false, message: `failed to run wcc: ${e.message}` }));
    p.on('close', (code, signal) => resolve(result(code, Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8'), signal)));
  });
}

// ---------------------------------------------------------------- project scan
function walk(root, rel = '', acc = []) {
  for (const ent of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (ent.name === 'node_modules') continue;
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) walk(root, r, acc);
    else if (ent.isFile()) acc.push(r);
  }
  return acc;
}

// Component args as built by miniprogram-compiler: "<count> [page.wxml n name1..nameN]..."
// from usingComponents in the page's sibling .json.
function componentArgsFor(root, wxmlFiles, readJson) {
  const args = [];
  let count = 0;
  for (const f of wxmlFiles) {
    const j = readJson(f.slice(0, -5) + '.json');
    if (j && j.usingComponents && typeof j.usingComponents === 'object') {
      const names = Object.keys(j.usingComponents);
      args.push(f, names.length, ...names);
      count++;
    }
  }
  return [count, ...args];
}

function projectInputs(root, prefix = '') {
  const all = walk(root).sort();
  const wxml = all.filter((f) => f.endsWith('.wxml'));
  const wxs = all.filter((f) => f.endsWith('.wxs'));
  const readJson = (rel) => {
    try { return JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')); } catch { return null; }
  };
  const rel = wxml.map((f) => `./${prefix}${f}`);
  return {
    wxml: rel,
    wxs: wxs.map((f) => `./${prefix}${f}`),
    comp: componentArgsFor(root, wxml, readJson).map((x, i) => (i > 0 && typeof x === 'string' && x.endsWith('.wxml') ? `./${prefix}${x}` : x)),
  };
}

// ---------------------------------------------------------------- evaluation
const pageKey = (p) => {
  let k = String(p).replace(/\\/g, '/');
  if (k.startsWith('/')) k = k.slice(1);
  if (!k.startsWith('./')) k = `./${k}`;
  if (!k.endsWith('.wxml')) k += '.wxml';
  return k;
};

const RENDER_SRC = `(function (key, dataJson) {
  var warnings = [];
  __oracleWarnings = warnings;
  var f = __oracleGwx(key);
  if (typeof f !== 'function') throw new Error('page not found in compiled output: ' + key);
  var data = JSON.parse(dataJson);
  var tree = f(data);
  return { tree: JSON.stringify(tree), warnings: warnings };
})`;

// Evaluate wcc output in a fresh V8 context, the way the design doc describes:
// window = global; $gwx = new Function('global', code + ';return $gwx')({}).
function loadCompiled(code, { keepVirtual, timeout }) {
  const logs = [];
  const ctx = vm.createContext({});
  ctx.__oracleCode = code;
  ctx.__oracleWarnings = logs;
  const sink = (kind) => (...a) => ctx.__oracleWarnings.push(`${kind}: ${a.map((x) => (typeof x === 'string' ? x : safeString(x))).join(' ')}`);
  ctx.console = { log: sink('log'), warn: sink('warn'), error: sink('error'), info: sink('log'), debug: sink('log') };
  vm.runInContext(
    `var window = globalThis;${keepVirtual ? 'window.__webview_engine_version__ = 0.02;' : ''}
     var __oracleGwx = new Function('global', __oracleCode + ';return $gwx')({});
     delete globalThis.__oracleCode;`,
    ctx, { timeout },
  );
  const render = vm.runInContext(RENDER_SRC, ctx);
  return (key, data) => {
    ctx.__oracleArgs = [key, JSON.stringify(data === undefined ? {} : data)];
    ctx.__oracleRender = render;
    const r = vm.runInContext('__oracleRender(__oracleArgs[0], __oracleArgs[1])', ctx, { timeout });
    // console.log(cs, env) from the generated code's catch block goes to warnings; drop on success.
    return { tree: r.tree, warnings: Array.from(r.warnings) };
  };
}

function unprefix(node, prefix) {
  if (Array.isArray(node)) return node.map((x) => unprefix(x, prefix));
  if (node && typeof node === 'object') {
    if (typeof node.wxVkey === 'string' && node.wxVkey.startsWith(prefix)) node.wxVkey = `./${node.wxVkey.slice(prefix.length)}`;
    if (Array.isArray(node.children)) node.children = unprefix(node.children, prefix);
  }
  return node;
}

function safeString(x) {
  try { return typeof x === 'object' ? JSON.stringify(x) : String(x); } catch { return String(x); }
}

function errMessage(e) {
  if (e && typeof e === 'object' && 'message' in e) return String(e.message);
  return String(e);
}

// ---------------------------------------------------------------- single mode
async function single(opts, [root, page, dataPath]) {
  if (!root || !page) usage();
  const data = dataPath ? JSON.parse(fs.readFileSync(dataPath, 'utf8')) : {};
  const inp = projectInputs(path.resolve(root));
  if (!inp.wxml.length) throw new Error(`no .wxml files under ${root}`);
  const res = await spawnWcc(path.resolve(root), wccArgs(inp.wxml, inp.wxs, inp.comp));
  if (!res.ok) {
    process.stderr.write(res.message + '\n');
    process.exit(1);
  }
  let out;
  try {
    const render = loadCompiled(res.code, opts);
    out = render(pageKey(page), data);
  } catch (e) {
    process.stderr.write(`runtime error: ${errMessage(e)}\n`);
    process.exit(2);
  }
  for (const w of out.warnings) process.stderr.write(w + '\n');
  process.stdout.write(out.tree + '\n');
}

// ---------------------------------------------------------------- batch mode
function writeCase(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(files || {})) {
    const clean = rel.replace(/\\/g, '/').replace(/^\/+/, '');
    if (clean.split('/').includes('..')) throw new Error(`bad file path: ${rel}`);
    const p = path.join(dir, clean);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof text === 'string' ? text : JSON.stringify(text));
  }
}

// Cases that cannot share a wcc run with other cases (their result could depend on
// where the project root is): absolute paths in src/require, or custom components.
function needsSolo(c) {
  for (const [rel, text] of Object.entries(c.files || {})) {
    if (typeof text !== 'string') return true;
    if (rel.endsWith('.json')) return true;
    if (/(=\s*|require\s*\(\s*)["']\s*\//.test(text)) return true;
  }
  return false;
}

async function pool(items, jobs, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, async (_, w) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], w);
    }
  });
  await Promise.all(workers);
}

async function batch(opts, [casesPath]) {
  if (!casesPath) usage();
  const cases = JSON.parse(fs.readFileSync(casesPath, 'utf8'));
  if (!Array.isArray(cases)) throw new Error('cases.json must be an array');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wcc-oracle-'));
  const results = new Array(cases.length);
  let printed = 0;
  const flush = () => {
    while (printed < cases.length && results[printed] !== undefined) {
      process.stdout.write(results[printed] + '\n');
      results[printed] = null;
      printed++;
    }
  };
  const line = (c, r) => {
    const id = JSON.stringify(c && c.id !== undefined ? c.id : null);
    let s;
    if (r.error !== undefined) s = `{"id":${id},"error":${JSON.stringify(r.error)}`;
    else s = `{"id":${id},"tree":${r.tree}`;
    if (r.warnings && r.warnings.length) s += `,"warnings":${JSON.stringify(r.warnings)}`;
    return s + '}';
  };
  const done = (i, r) => { if (results[i] === undefined) { results[i] = line(cases[i], r); flush(); } };

  // 1. write every case into tmp/<i>/
  const prepared = [];
  cases.forEach((c, i) => {
    try {
      if (!c || typeof c !== 'object') throw new Error('case must be an object');
      if (typeof c.page !== 'string') throw new Error('case.page must be a string');
      if (!Object.keys(c.files || {}).some((f) => f.endsWith('.wxml'))) throw new Error('case has no .wxml file');
      writeCase(path.join(tmp, String(i)), c.files);
      prepared.push(i);
    } catch (e) {
      done(i, { error: `harness: ${errMessage(e)}` });
    }
  });

  const renderOne = (render, i, key) => {
    try {
      return render(key, cases[i].data);
    } catch (e) {
      return { error: `runtime: ${errMessage(e)}` };
    }
  };

  // Solo: own wcc run, cwd = case dir.
  const solo = async (i, runner) => {
    const dir = path.join(tmp, String(i));
    let inp;
    try { inp = projectInputs(dir); } catch (e) { done(i, { error: `harness: ${errMessage(e)}` }); return; }
    const res = await runner.run(dir, wccArgs(inp.wxml, inp.wxs, inp.comp));
    if (!res.ok) { done(i, { error: res.message }); return; }
    let render;
    try { render = loadCompiled(res.code, opts); } catch (e) { done(i, { error: `runtime: ${errMessage(e)}` }); return; }
    done(i, renderOne(render, i, pageKey(cases[i].page)));
  };

  // Chunked: several cases in one wcc run, each under ./<i>/ . wcc stops at the first
  // compile error and names the offending file, so that case gets the error (with the
  // ./<i>/ prefix taken out again) and the rest of the chunk is compiled again.
  const chunkRun = async (idxs, runner) => {
    while (idxs.length) {
      if (idxs.length === 1) { await solo(idxs[0], runner); return; }
      const wxml = [];
      const wxs = [];
      for (const i of idxs) {
        const inp = projectInputs(path.join(tmp, String(i)), `${i}/`);
        wxml.push(...inp.wxml);
        wxs.push(...inp.wxs);
      }
      const res = await runner.run(tmp, wccArgs(wxml, wxs, [0]));
      if (!res.ok) {
        const m = /^\.\/(\d+)\//.exec(res.message);
        const bad = m ? Number(m[1]) : -1;
        if (bad >= 0 && idxs.includes(bad)) {
          if (opts.exactErrors) await solo(bad, runner);
          else done(bad, { error: res.message.split(`./${bad}/`).join('./') });
          idxs = idxs.filter((x) => x !== bad);
          continue;
        }
        // cannot attribute the error: fall back to solo for all
        for (const i of idxs) await solo(i, runner);
        return;
      }
      let render;
      try { render = loadCompiled(res.code, opts); } catch {
        for (const i of idxs) await solo(i, runner);
        return;
      }
      for (const i of idxs) {
        const r = renderOne(render, i, `./${i}/${pageKey(cases[i].page).slice(2)}`);
        if (r.warnings) r.warnings = r.warnings.map((w) => w.split(`./${i}/`).join('./'));
        if (r.error) r.error = r.error.split(`./${i}/`).join('./');
        // template virtual nodes carry wxVkey = '<file path>:<name>'; undo the ./<i>/ prefix
        if (opts.keepVirtual && r.tree && r.tree.includes(`"./${i}/`)) r.tree = JSON.stringify(unprefix(JSON.parse(r.tree), `./${i}/`));
        done(i, r);
      }
      return;
    }
  };

  const tasks = [];
  const chunkable = [];
  for (const i of prepared) {
    if (opts.solo || needsSolo(cases[i])) tasks.push([i]);
    else chunkable.push(i);
  }
  // chunks no bigger than needed to give every job work
  const size = Math.max(1, Math.min(opts.chunk, Math.ceil(chunkable.length / opts.jobs)));
  for (let k = 0; k < chunkable.length; k += size) tasks.unshift(chunkable.slice(k, k + size));
  const runner = { run: spawnWcc };
  await pool(tasks, opts.jobs, async (t) => {
    try {
      await (t.length === 1 ? solo(t[0], runner) : chunkRun(t, runner));
    } catch (e) {
      for (const i of t) done(i, { error: `harness: ${errMessage(e)}` });
    }
  });
  flush();
  fs.rmSync(tmp, { recursive: true, force: true });
}

// ---------------------------------------------------------------- main
function usage() {
  process.stderr.write('usage: node wcc-render.mjs [--keep-virtual] <projectRoot> <page.wxml> <data.json>\n'
    + '       node wcc-render.mjs [--keep-virtual] [--solo] [--chunk N] [--jobs N] --batch <cases.json>\n');
  process.exit(2);
}

const argv = process.argv.slice(2);
const opts = { keepVirtual: false, solo: false, chunk: 40, jobs: os.availableParallelism?.() ?? os.cpus().length, timeout: 5000, batch: false };
const rest = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--keep-virtual') opts.keepVirtual = true;
  else if (a === '--solo') opts.solo = true;
  else if (a === '--exact-errors') opts.exactErrors = true;
  else if (a === '--batch') opts.batch = true;
  else if (a === '--chunk') opts.chunk = Math.max(1, Number(argv[++i]) || 1);
  else if (a === '--jobs') opts.jobs = Math.max(1, Number(argv[++i]) || 1);
  else if (a === '--timeout') opts.timeout = Math.max(1, Number(argv[++i]) || 5000);
  else if (a === '-h' || a === '--help') usage();
  else rest.push(a);
}

try {
  if (opts.batch) await batch(opts, rest);
  else await single(opts, rest);
} catch (e) {
  process.stderr.write(`wcc-render: ${errMessage(e)}\n`);
  process.exit(2);
}
