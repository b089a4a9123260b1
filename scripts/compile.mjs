// Emits dist/ from the TypeScript sources with swc (type checking is `npm run typecheck`).
// Path aliases (@gongjian/*) are rewritten to relative requires so plain `node` can run dist/.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const outFlag = process.argv.indexOf('--out');
const out = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'dist');
const sourceDirs = ['apps', 'libs', 'scripts/bench', 'scripts/demo'];
const isSource = (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.spec.ts');
const tsconfig = JSON.parse(
  (await import('node:fs')).readFileSync(join(root, 'tsconfig.json'), 'utf8'),
);

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (isSource(entry.name)) yield path;
  }
}

const options = (file) => ({
  filename: file,
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: tsconfig.compilerOptions.paths,
  },
});

await rm(out, { recursive: true, force: true });
let count = 0;
for (const dir of sourceDirs) {
  for await (const file of walk(join(root, dir))) {
    const { code, map } = await transformFile(file, options(file));
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count++;
  }
}
if (process.argv.includes('--verbose')) console.log(`compiled ${count} files into dist/`);
