#!/usr/bin/env node
// Writes a deterministic synthetic site of Ruby pages for the compiler benchmarks:
//   node generate-site.mjs <pagesDirectory> [pages=1000] [seed=1]
// The same pages and seed always give the same bytes. The tree is shaped like a real app: sections with
// nested folders, an index per folder, static pages, and dynamic routes ([param] and [...catchAll], at
// most one per folder so that no two routes overlap). 70 % of pages carry a revalidate pragma; each has
// 3-10 data statements drawn from the construct mix the compiler translates (SPEC §4 table).
import { mkdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";

const [pagesDirectory, pageArg = "1000", seedArg = "1"] = process.argv.slice(2);
if (!pagesDirectory) {
  console.error("usage: node generate-site.mjs <pagesDirectory> [pages=1000] [seed=1]");
  process.exit(2);
}
const pageCount = Number(pageArg);
if (!Number.isInteger(pageCount) || pageCount < 1) {
  console.error(`pages must be a whole number of at least 1, got '${pageArg}'`);
  process.exit(2);
}

// mulberry32: a tiny seeded generator, so the site does not depend on Math.random
let state = Number(seedArg) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (items) => items[Math.floor(random() * items.length)];

const SECTIONS = ["blog", "docs", "shop", "users", "events", "news", "help", "api"];
const FOLDERS = ["archive", "tags", "authors", "guides", "reference", "categories", "reviews", "drafts", "teams"];
const PARAMS = ["slug", "id", "category", "year", "handle"];
const MODELS = ["Post", "Comment", "Product", "User", "Event", "Stats"];
const FORMATS = ["astro.rb", "astro.rb", "astro.rb", "jsx.rb", "erb.rb", "rb"];
const DURATIONS = ["30", "60", "90s", "5m", "15m", "1h", "6h", "1d", "2d"];
const TAGS = ["posts", "comments", "products", "users", "feed", "docs"];

/** Folders of the site, each with the dynamic route it may hold. */
function folders() {
  const out = [{ path: "", dynamic: null }];
  for (const section of SECTIONS) {
    out.push({ path: section, dynamic: { kind: "param", name: pick(PARAMS) } });
    for (const folder of FOLDERS) {
      const path = `${section}/${folder}`;
      if (random() < 0.5) {
        out.push({ path, dynamic: { kind: "param", name: pick(PARAMS) } });
      } else {
        // a param folder instead of a param page: both would answer /section/folder/x
        out.push({ path, dynamic: null });
        out.push({ path: `${path}/[${pick(PARAMS)}]`, dynamic: { kind: "catchAll", name: "rest" }, param: true });
      }
    }
  }
  return out;
}

/** The statements of one page: 3-10, each an instance variable or local of the SPEC construct mix. */
function statements(model, param, count) {
  const lines = [];
  const ivars = [];
  const fresh = () => `v${ivars.length}`;
  const assign = (expression) => {
    const name = fresh();
    ivars.push(name);
    lines.push(`@${name} = ${expression}`);
  };
  assign(param ? `await ${model}.find(@@${param})` : `${model}.published.order(date: :desc)`);
  while (lines.length < count) {
    const last = ivars[ivars.length - 1];
    const earlier = pick(ivars);
    switch (between(0, 13)) {
      case 0: assign(`"Items (#{@${last}.length})"`); break;
      case 1: assign(`@${earlier}.select { |p| p.draft? }`); break;
      case 2: assign(`@${earlier}.map(&:title)`); break;
      case 3: assign(`${model}.compute_stats()`); break;
      case 4: assign(`@${earlier}&.comments`); break;
      case 5: lines.push(`limit ||= ${between(5, 50)}`); break;
      case 6: lines.push(`a${lines.length}, b${lines.length} = ${between(1, 9)}, ${between(1, 9)}`); break;
      case 7: assign(`{"count" => @${earlier}.length, kind: :${pick(TAGS)}}`); break;
      case 8: assign(`@${earlier}.length == 1 ? "one" : :many`); break;
      case 9: {
        const name = fresh();
        ivars.push(name);
        lines.push(`@${name} = @${earlier} unless @${last}.nil?`);
        break;
      }
      case 10: assign(`fetch("https://api.example.com/${pick(TAGS)}.json").then { |r| r.json() }`); break;
      case 11: assign(`%w[${pick(TAGS)} ${pick(TAGS)} ${pick(TAGS)}]`); break;
      case 12: assign(`(1..${between(2, 9)}).to_a`); break;
      default: assign(`${model}.where(published: true).limit(${between(5, 50)}).offset(${between(0, 100)})`);
    }
  }
  return { lines, ivars };
}

function page(folder, fileName, param) {
  const depth = folder.path === "" ? 0 : folder.path.split("/").length;
  const up = "../".repeat(depth + 1);
  const format = fileName.endsWith(".astro.rb") ? "astro" : fileName.endsWith(".jsx.rb") ? "jsx" : "other";
  const model = pick(MODELS);
  const out = [];
  if (random() < 0.7) {
    const tags = random() < 0.5 ? ` tags: ${pick(TAGS)}, ${pick(TAGS)}` : "";
    out.push(`# Pragma: revalidate ${pick(DURATIONS)}${tags}`);
  }
  if (format === "astro") out.push(`import Layout, from: '${up}layouts/Layout.astro'`);
  out.push(`import ${model}, from: '${up}models/${model.toLowerCase()}.js'`);
  if (random() < 0.3) out.push(`import [formatDate, slugify], from: '${up}lib/format.js'`);
  out.push("");
  const { lines, ivars } = statements(model, param, between(3, 10));
  out.push(...lines);
  if (format !== "other") {
    out.push("__END__");
    const shown = ivars.map((v) => `{JSON.stringify(${v})}`).join("\n  ");
    out.push(format === "astro" ? `<Layout title="${fileName}">\n  ${shown}\n</Layout>` : `<section>\n  ${shown}\n</section>`);
  }
  return out.join("\n") + "\n";
}

/** Page files of the whole site, in a stable order, until the count is reached. */
function* pageFiles() {
  const all = folders();
  for (let round = 0; ; round++) {
    for (const folder of all) {
      const params = folder.param ? [folder.path.match(/\[(\w+)\]/)[1]] : [];
      if (round === 0) {
        yield { folder, name: `index.${pick(FORMATS)}`, param: params[0] };
      } else if (round === 1 && folder.dynamic) {
        const file = folder.dynamic.kind === "param" ? `[${folder.dynamic.name}]` : `[...${folder.dynamic.name}]`;
        yield { folder, name: `${file}.${pick(FORMATS)}`, param: folder.dynamic.name };
      } else if (round > 1) {
        yield { folder, name: `page-${round}.${pick(FORMATS)}`, param: params[0] };
      }
    }
  }
}

let written = 0;
for (const { folder, name, param } of pageFiles()) {
  if (written === pageCount) break;
  const file = join(pagesDirectory, folder.path, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, page(folder, name, param));
  written++;
}
console.log(`${written} pages under ${pagesDirectory} (seed ${seedArg})`);
