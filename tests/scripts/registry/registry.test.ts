import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry, type Registry } from '../../../scripts/registry/registry.ts';
import { parseCsvTable } from '../../../scripts/common/csv.ts';
import { InputError } from '../../../scripts/common/types.ts';
import { markedDormant } from '../../../scripts/registry/stale-history.ts';

const SHARED_CSV = fileURLToPath(new URL('../../../../shared/data/tracked-repos.csv', import.meta.url));

const CATEGORIES: [string, string][] = [
  ['gpu-kernels', 'GPU Kernels & Performance'],
  ['ml-compilers', 'ML Compilers & Graph Optimization'],
  ['distributed-training', 'Distributed Training & Parallelism'],
  ['inference-runtimes', 'Inference Runtimes & Engines'],
  ['llm-serving', 'LLM Serving & Inference'],
  ['training-frameworks', 'Training Frameworks & Model Architecture'],
  ['ml-platform', 'ML Platform & Orchestration'],
  ['edge-ml', 'Edge & On-Device ML'],
  ['model-optimization', 'Model Optimization & Compression'],
  ['hw-sw-codesign', 'Hardware-Software Co-Design'],
  ['ml-tooling', 'ML Debugging & Tooling'],
  ['agent-framework', 'Agent Framework'],
];

// WCAG 2 relative luminance and contrast ratio.
function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}
function linearRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((k) => channel(parseInt(hex.slice(k, k + 2), 16))) as [number, number, number];
}
function luminance(hex: string): number {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
// OKLab (Björn Ottosson): distances approximate perceived colour difference.
function oklab(hex: string): [number, number, number] {
  return oklabOfLinear(linearRgb(hex));
}
function oklabOfLinear([r, g, b]: [number, number, number]): [number, number, number] {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

// Colour-vision deficiency: Machado, Oliveira & Fernandes (2009), full severity, as
// matrices on linear RGB (the simulation colour-blindness tools commonly apply).
const DICHROMACY = {
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
} as const;
function simulate(rgb: [number, number, number], m: readonly (readonly number[])[]): [number, number, number] {
  return m.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2]))) as [number, number, number];
}
/** Smallest pairwise distance, each OKLab axis (L, a, b) scaled by `weights`. */
function smallestDistance(labs: readonly [number, number, number][], weights: readonly number[] = [1, 1, 1]): number {
  let smallest = Infinity;
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) smallest = Math.min(smallest, Math.hypot(...labs[i]!.map((v, k) => (v - labs[j]![k]!) * weights[k]!)));
  }
  return smallest;
}

describe('the real registry', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await loadRegistry();
  });

  it('has the twelve categories in order, each used by some repository', () => {
    expect(registry.categories.map((c) => [c.id, c.name])).toEqual(CATEGORIES);
    expect(registry.categories.map((c) => c.order)).toEqual([...Array(12).keys()].map((k) => k + 1));
    const used = new Set(registry.repos.map((r) => r.category));
    for (const c of registry.categories) expect(used.has(c.id), c.id).toBe(true);
    expect(new Set(registry.categories.map((c) => c.emoji)).size).toBe(12);
  });

  it('gives every category a colour with 3:1 contrast on white and on #111', () => {
    for (const c of registry.categories) {
      expect(contrast(c.colour, '#ffffff'), `${c.id} ${c.colour} on white`).toBeGreaterThanOrEqual(3);
      expect(contrast(c.colour, '#111111'), `${c.id} ${c.colour} on #111`).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps the colours clearly apart', () => {
    const labs = registry.categories.map((c) => oklab(c.colour));
    let smallest = Infinity;
    for (let i = 0; i < labs.length; i++) {
      for (let j = i + 1; j < labs.length; j++) {
        smallest = Math.min(smallest, Math.hypot(...labs[i]!.map((v, k) => v - labs[j]![k]!)));
      }
    }
    expect(smallest).toBeGreaterThan(0.12);
  });

  // Thin ribbons at partial opacity show hue better than lightness: two shades of one hue
  // (a light and a dark green) read as the same category there.
  it('gives every category its own hue, not a shade of another', () => {
    expect(smallestDistance(registry.categories.map((c) => oklab(c.colour)), [0.5, 1, 1])).toBeGreaterThan(0.12);
  });

  it.each(Object.keys(DICHROMACY) as (keyof typeof DICHROMACY)[])('keeps the colours apart under simulated %s', (kind) => {
    const labs = registry.categories.map((c) => oklabOfLinear(simulate(linearRgb(c.colour), DICHROMACY[kind])));
    expect(smallestDistance(labs)).toBeGreaterThan(0.065);
  });

  // Needs ../shared/data (developer machines and CI), not a user's clone.
  it.skipIf(!existsSync(SHARED_CSV))('tracks every repository of the dataset with its categories, statuses and upstreams (needs ../shared/data)', async () => {
    const shared = parseCsvTable(await readFile(SHARED_CSV, 'utf8'), SHARED_CSV).rows.map((r) => r.values);
    expect(registry.repos).toHaveLength(shared.length);
    expect(registry.byRepo.size).toBe(shared.length);
    expect(registry.repos.filter((r) => r.status === 'unavailable')).toHaveLength(shared.filter((s) => s.status === 'unavailable').length);
    for (const s of shared) {
      const r = registry.byRepo.get(s.repo!);
      expect(r, s.repo).toBeDefined();
      expect([r!.category, r!.status, r!.upstream ?? ''], s.repo).toEqual([s.category, s.status, s.upstream]);
      if (s.tracked_until) {
        expect(r!.trackedUntil, s.repo).toBe(s.tracked_until);
        expect(r!.note, s.repo).toBe(s.note);
      } else if (r!.trackedUntil) {
        // Our registry also stops tracking where a history ends because the project
        // moved or its copy stopped; the note then says why, in our words, and the
        // date is no later than the copy's last commit (a UTC day, as quarters are).
        expect(r!.note.length, s.repo).toBeGreaterThan(10);
        expect(r!.trackedUntil <= new Date(s.last_commit!).toISOString().slice(0, 10), s.repo).toBe(true);
      } else if (markedDormant(r!.note)) {
        // A history that ends because the project stopped: the reason, then the
        // dataset's own note, kept whole.
        expect(r!.note.replace(/^dormant\s*:\s*/i, '').length, s.repo).toBeGreaterThan(10);
        expect(r!.note, s.repo).toContain(s.note!);
      } else {
        expect(r!.note, s.repo).toBe(s.note);
      }
      // Notes that say the development moved are moves: not observed after the history ends.
      if (s.status === 'ingested' && /development moved|moved into/i.test(s.note!)) expect(r!.trackedUntil, s.repo).not.toBeNull();
    }
    // AMD's histories end because they moved into monorepos or their copy stopped, not
    // because people left (their loss would read as Intel taking over co-design).
    const amd = ['ROCm/rocm-systems', 'ROCm/composable_kernel', 'ROCm/vllm', 'ROCm/hipBLAS', 'ROCm/hipBLASLt', 'ROCm/MIOpen', 'ROCm/rocBLAS',
      'ROCm/rocWMMA', 'ROCm/clr', 'ROCm/HIP', 'ROCm/ROCR-Runtime', 'ROCm/rccl'];
    expect(amd.filter((r) => !registry.byRepo.get(r)?.trackedUntil)).toEqual([]);
    expect(registry.byRepo.get('ROCm/rocm-systems')?.trackedUntil).toBe('2025-08-09');
    expect(registry.byRepo.get('ROCm/composable_kernel')?.trackedUntil).toBe('2024-10-23');
    expect(registry.byRepo.get('ggerganov/llama.cpp')?.trackedUntil).toBe('2025-02-20');
    expect(registry.byRepo.get('NVIDIA/NeMo')?.trackedUntil).toBe('2025-09-20');
    // An upstream may itself be unavailable: its shared commits are still not the fork's.
    expect(registry.byRepo.get('ROCm/vllm')?.upstream).toBe('vllm-project/vllm');
    expect(registry.byRepo.get('vllm-project/vllm')?.status).toBe('unavailable');
  });
});

describe('registry validation', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registry-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const CATS =
    'categories:\n' +
    '  - id: a\n    name: A\n    emoji: "🅰️"\n    colour: "#2070fb"\n    order: 1\n' +
    '  - id: b\n    name: B\n    emoji: "🅱️"\n    colour: "#A74106"\n    order: 2\n';
  const HEADER = 'repo,category,status,upstream,tracked_until,note\n';

  async function load(csv: string, yaml = CATS): Promise<Registry> {
    const name = Math.random().toString(36).slice(2);
    const reposCsv = join(dir, `${name}.csv`);
    const categoriesYaml = join(dir, `${name}.yaml`);
    await writeFile(reposCsv, csv);
    await writeFile(categoriesYaml, yaml);
    return loadRegistry({ reposCsv, categoriesYaml });
  }
  async function failure(csv: string, yaml = CATS): Promise<InputError> {
    try {
      await load(csv, yaml);
    } catch (e) {
      if (e instanceof InputError) return e;
      throw e;
    }
    throw new Error('expected an InputError');
  }

  it('loads a valid registry, with untracked upstreams allowed', async () => {
    const r = await load(
      HEADER + 'o/x,b,ingested,o/y,2024-02-29,"moved, later"\no/y,a,unavailable,,,\no/z,a,ingested,else/where,,\n',
    );
    expect(r.categories.map((c) => c.colour)).toEqual(['#2070fb', '#a74106']);
    expect(r.reposFile).toMatch(/\.csv$/);
    expect(r.byRepo.get('o/x')).toEqual({
      repo: 'o/x',
      category: 'b',
      status: 'ingested',
      upstream: 'o/y',
      trackedUntil: '2024-02-29',
      note: 'moved, later',
      line: 2,
    });
    expect(r.byRepo.get('o/y')).toMatchObject({ upstream: null, trackedUntil: null, note: '' });
    expect(r.byRepo.get('o/z')?.upstream).toBe('else/where');
  });

  it.each([
    ['an unknown category', 'o/x,a,ingested,,,\no/y,c,ingested,,,\n', 3, /unknown category "c"/],
    ['a duplicate repo (either case)', 'o/x,a,ingested,,,\n\nO/X,b,ingested,,,\n', 4, /duplicate repo O\/X \(also at line 2\)/],
    ['a wrong column count', 'o/x,a,ingested,,\n', 2, /expected 6 fields, found 5/],
    ['a repo that is not owner/name', 'just-a-name,a,ingested,,,\n', 2, /not owner\/name/],
    ['a repo with two slashes', 'o/x/y,a,ingested,,,\n', 2, /not owner\/name/],
    ['a bad status', 'o/x,a,archived,,,\n', 2, /status "archived"/],
    ['a malformed date', 'o/x,a,ingested,,2024-2-1,\n', 2, /tracked_until "2024-2-1"/],
    ['an impossible date', 'o/x,a,ingested,,2023-02-29,\n', 2, /tracked_until "2023-02-29"/],
    ['an upstream equal to the repo', 'o/x,a,ingested,O/x,,\n', 2, /names itself as upstream/],
    ['a malformed upstream', 'o/x,a,ingested,nope,,\n', 2, /upstream "nope"/],
    ['an upstream spelled unlike its entry', 'o/x,a,ingested,,,\no/y,a,ingested,O/X,,\n', 3, /tracked as o\/x/],
    ['an upstream loop', 'o/x,a,ingested,o/y,,\no/y,a,ingested,o/x,,\n', 2, /upstream loop/],
  ])('rejects %s, naming file and line', async (_what, rows, line, message) => {
    const e = await failure(HEADER + rows);
    expect(e.location.file).toMatch(/\.csv$/);
    expect(e.location.line).toBe(line);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`.csv:${line}: `);
  });

  it('reports every problem of the file at once, in line order, structural and semantic alike', async () => {
    const e = await failure(
      HEADER +
        'o/ok,a,ingested,,,\n' +
        'o/x,zz,ingested,,,\n' +
        'o/y,a,archived,,,\n' +
        'o/"z",a,ingested,,,\n' +
        'o/w,a,ingested,,2024-13-01,\n' +
        'o/v,a,ingested,,\n',
    );
    const file = e.location.file;
    expect(e.location.line).toBe(3);
    expect(e.message.split('\n')).toEqual([
      `${file}:3: unknown category "zz"`,
      `${file}:4: status "archived" must be ingested or unavailable`,
      `${file}:5: a quote inside an unquoted field (quote the whole field and double the quote)`,
      `${file}:6: tracked_until "2024-13-01" is not a YYYY-MM-DD date`,
      `${file}:7: expected 6 fields, found 5`,
    ]);
  });

  it('reports every problem of a row, and a loop once', async () => {
    const e = await failure(HEADER + 'o/x,zz,archived,o/y,,\no/y,a,ingested,o/x,,\n');
    const file = e.location.file;
    expect(e.message.split('\n')).toEqual([
      `${file}:2: unknown category "zz"`,
      `${file}:2: status "archived" must be ingested or unavailable`,
      `${file}:2: upstream loop: o/x (line 2) → o/y (line 3) → o/x`,
    ]);
  });

  it('reports the problems of both files at once', async () => {
    const yaml = '# categories\n\ncategories:\n' + cat(GOOD_A) + cat('id: b\nname: B\ncolour: "#a74106"\norder: 2') + cat('id: c\nname: C\nemoji: "x"\ncolour: red\norder: 3');
    const e = await failure(HEADER + 'o/x,b,archived,,,\n', yaml);
    expect(e.message.split('\n').map((l) => l.replace(/^.*\.(yaml|csv):/, '$1:'))).toEqual([
      'yaml:9: missing field `emoji`',
      'yaml:13: colour "red" must be #rrggbb',
      'csv:2: status "archived" must be ingested or unavailable',
    ]);
  });

  it('rejects a wrong header', async () => {
    const e = await failure('repo,category,status,upstream,note\n');
    expect(e.location.line).toBe(1);
    expect(e.message).toMatch(/header must be/);
  });

  const cat = (fields: string) => `  - ${fields.trim().split('\n').join('\n    ')}\n`;
  const GOOD_A = 'id: a\nname: A\nemoji: "🅰️"\ncolour: "#2070fb"\norder: 1';
  it.each([
    ['a missing field', cat('id: b\nname: B\ncolour: "#a74106"\norder: 2'), 9, /missing field `emoji`/],
    ['a duplicate id', cat('id: a\nname: B\nemoji: "x"\ncolour: "#a74106"\norder: 2'), 9, /duplicate id "a" \(first at line 4\)/],
    ['a bad colour', cat('id: b\nname: B\nemoji: "x"\ncolour: "#abc"\norder: 2'), 9, /colour "#abc" must be #rrggbb/],
    ['a colour name', cat('id: b\nname: B\nemoji: "x"\ncolour: red\norder: 2'), 9, /colour "red"/],
    ['a duplicate order', cat('id: b\nname: B\nemoji: "x"\ncolour: "#a74106"\norder: 1'), 9, /duplicate order 1/],
    ['a duplicate colour', cat('id: b\nname: B\nemoji: "x"\ncolour: "#2070FB"\norder: 2'), 9, /duplicate colour/],
    ['a non-integer order', cat('id: b\nname: B\nemoji: "x"\ncolour: "#a74106"\norder: 1.5'), 9, /`order` must be an integer/],
    ['a misspelt field', cat('id: b\nname: B\nemoji: "x"\ncolor: "#a74106"\norder: 2'), 9, /unknown field "color"/],
  ])('rejects categories.yaml with %s, naming file and line', async (_what, second, line, message) => {
    const e = await failure(HEADER, '# categories\n\ncategories:\n' + cat(GOOD_A) + second);
    expect(e.location.file).toMatch(/\.yaml$/);
    expect(e.location.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('rejects categories.yaml that is not YAML or has no list', async () => {
    expect((await failure(HEADER, 'categories:\n  - id: [a\n')).message).toMatch(/YAML/);
    expect((await failure(HEADER, 'cats: []\n')).message).toMatch(/expected a `categories:` list/);
  });
});
