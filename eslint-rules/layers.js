// `local/layers`: every import of a layered file is checked against the layer table
// (./layer-table.js, docs/architecture.md section 2), and a violation names what the layer may
// import. Modelled on microsoft/vscode `.eslint-plugin-local/code-layering.ts`.
//
// Checked: static imports and `export … from`, `import x = require()`, `import('x')`,
// `require('x')` and type-level `import('x')`. `import type` / `export type … from` are checked
// too; they only open the folders a layer lists under `typeOnly` (src-main/rpc may name core's
// types but must not load core). An inline `import { type X }` is a value import: under
// `verbatimModuleSyntax` the module is still loaded (https://www.typescriptlang.org/tsconfig/#verbatimModuleSyntax).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { EXEMPT, LAYERED_ROOTS, LAYERS, LAYERS_DOC } from './layer-table.js';

const BUILTINS = new Set(builtinModules);

/** `node:fs`, `fs`, `fs/promises`: https://nodejs.org/api/modules.html#built-in-modules */
function isBuiltin(spec) {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matchesExternal(token, spec) {
  if (token === 'node:*') return isBuiltin(spec);
  if (isBuiltin(spec)) return false;
  return token === '*' || packageName(spec) === token;
}

function isRelative(spec) {
  return spec === '.' || spec === '..' || spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/');
}

/** True when `p` is `folder` itself, a file or folder inside it, or `folder.ts` beside it. */
function within(p, folder) {
  return p === folder || p.startsWith(`${folder}/`) || p.startsWith(`${folder}.`);
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

/**
 * Where a linted file sits in the layer table. Files under a fixture root are placed as if the
 * fixture root were the repository root (test/lint/fixtures/src-main/core/x.ts is src-main/core/x.ts),
 * and their relative imports resolve inside the fixture tree.
 */
function locate(filename, options) {
  const rel = toPosix(path.relative(options.root, filename));
  for (const fixtureRoot of options.fixtureRoots) {
    if (rel.startsWith(`${fixtureRoot}/`)) return { rel: rel.slice(fixtureRoot.length + 1), fixture: true };
  }
  return { rel, fixture: false };
}

function findLayer(rel, layers) {
  let best;
  for (const layer of layers) {
    if (within(rel, layer.folder) && (!best || layer.folder.length > best.folder.length)) best = layer;
  }
  return best;
}

function describeAllowed(layer) {
  const parts = [
    ...layer.internal,
    ...(layer.typeOnly ?? []).map((folder) => `${folder} (import type only)`),
    ...layer.external.map((token) => (token === '*' ? 'other packages' : token)),
  ];
  if (layer.note) parts.push(layer.note);
  return parts.length > 0 ? parts.join(', ') : 'only its own folder';
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layer table of docs/architecture.md section 2' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'array' },
          layeredRoots: { type: 'array', items: { type: 'string' } },
          fixtureRoots: { type: 'array', items: { type: 'string' } },
          exempt: { type: 'array', items: { type: 'string' } },
          doc: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      layer: '{{layer}} may import {{allowed}} — not {{what}} (see {{doc}})',
      unlayered: '{{file}} is in no layer of the layer table: add its folder to eslint-rules/layer-table.js and to {{doc}}',
    },
  },
  create(context) {
    const given = context.options[0] ?? {};
    const options = {
      root: given.root ?? context.cwd,
      layers: given.layers ?? LAYERS,
      layeredRoots: given.layeredRoots ?? LAYERED_ROOTS,
      fixtureRoots: given.fixtureRoots ?? [],
      exempt: (given.exempt ?? EXEMPT).map((source) => new RegExp(source)),
      doc: given.doc ?? LAYERS_DOC,
    };
    const { rel } = locate(context.filename, options);
    if (rel.startsWith('..') || options.exempt.some((re) => re.test(rel))) return {};
    const layer = findLayer(rel, options.layers);
    if (!layer) {
      if (!options.layeredRoots.some((folder) => within(rel, folder))) return {};
      return {
        Program(node) {
          context.report({ node, messageId: 'unlayered', data: { file: rel, doc: options.doc } });
        },
      };
    }
    const allowed = describeAllowed(layer);

    function report(node, what) {
      context.report({ node, messageId: 'layer', data: { layer: layer.folder, allowed, what, doc: options.doc } });
    }

    function checkRelative(node, spec, typeOnly) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
      if (target.startsWith('..') || spec.startsWith('/')) return report(node, `'${spec}' (outside the repository)`);
      if (within(target, layer.folder) || layer.internal.some((folder) => within(target, folder))) return;
      const typeFolder = (layer.typeOnly ?? []).find((folder) => within(target, folder));
      if (typeFolder && typeOnly) return;
      if (typeFolder) return report(node, `a value import of '${spec}' (${target}; use \`import type\`)`);
      report(node, `'${spec}' (${target})`);
    }

    function checkExternal(node, spec) {
      const forbidden = (layer.forbidden ?? []).some((token) => matchesExternal(token, spec));
      if (!forbidden && layer.external.some((token) => matchesExternal(token, spec))) return;
      report(node, `'${spec}'`);
    }

    function check(node, source, typeOnly) {
      const spec = staticString(source);
      if (spec === undefined) return;
      if (isRelative(spec)) checkRelative(node, spec, typeOnly);
      else checkExternal(node, spec);
    }

    return {
      ImportDeclaration(node) {
        check(node, node.source, node.importKind === 'type');
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, node.exportKind === 'type');
      },
      ExportAllDeclaration(node) {
        check(node, node.source, node.exportKind === 'type');
      },
      ImportExpression(node) {
        check(node, node.source, false);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) {
          check(node, node.arguments[0], false);
        }
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          check(node, node.moduleReference.expression, node.importKind === 'type');
        }
      },
      TSImportType(node) {
        // typescript-eslint 8 names the string literal `source` (`argument` is deprecated).
        check(node, node.source, true);
      },
    };
  },
};

/** The string value of a literal or a template without expressions; undefined otherwise. */
function staticString(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
