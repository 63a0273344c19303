// Drives @monokle/validation (a library, it has no CLI of its own) over Kubernetes files, with
// its offline core plugins only (kubernetes-schema and open-policy-agent download at run time).
// Usage: node monokle-validate.mjs FILE_OR_DIR...   (NODE_PATH points at the installed peers)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(path.join(process.env.PEERS_DIR, 'node_modules', 'x.js'));
const { createDefaultMonokleValidator } = await import(require.resolve('@monokle/validation'));
const YAML = await import(require.resolve('yaml'));

function filesOf(target) {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return [target];
  return fs.readdirSync(target).flatMap((name) => filesOf(path.join(target, name)));
}

const resources = [];
for (const file of process.argv.slice(2).flatMap(filesOf)) {
  if (!/\.ya?ml$/.test(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  let documents;
  try {
    documents = YAML.parseAllDocuments(text);
  } catch {
    continue;
  }
  documents.forEach((document, index) => {
    if (document.errors.length > 0) return;
    let content;
    try { content = document.toJS(); } catch { return; }
    if (!content || typeof content !== 'object' || !content.kind || !content.apiVersion) return;
    // Its CRD handling feeds the kubernetes-schema plugin, which needs the network: leave CRDs out.
    if (content.kind === 'CustomResourceDefinition') return;
    resources.push({
      id: `${file}#${index}`, fileId: file, filePath: file, fileOffset: 0, text: String(document),
      name: content.metadata?.name ?? '', apiVersion: content.apiVersion, kind: content.kind,
      namespace: content.metadata?.namespace, content,
    });
  });
}

const validator = createDefaultMonokleValidator();
await validator.preload({
  plugins: { 'pod-security-standards': true, practices: true, 'yaml-syntax': true, 'resource-links': true, metadata: true,
             'kubernetes-schema': false, 'open-policy-agent': false },
});
const response = await validator.validate({ resources });
const problems = response.runs.reduce((sum, run) => sum + (run.results?.length ?? 0), 0);
console.log(`monokle: ${resources.length} resources, ${problems} problems`);
