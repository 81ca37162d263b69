// Parse Mermaid flowcharts with Mermaid's own parser, for tests/test_graph_escape.py.
//
// Reads one JSON string (a flowchart's text) per line on stdin and writes one JSON
// object per line on stdout: {"ok": true, "vertices": {id: label}, "edges": [[from,
// to, label, stroke]]} or {"ok": false, "error": "..."}.  Labels are given as Mermaid
// leaves them after parsing, entity codes still as its placeholders; the test decodes
// them.  Mermaid needs a DOM (DOMPurify), which jsdom provides.
import { JSDOM } from "jsdom";
import readline from "node:readline";

const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

const lines = readline.createInterface({ input: process.stdin, terminal: false });
for await (const line of lines) {
  if (!line.trim()) continue;
  let reply;
  try {
    const text = JSON.parse(line);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    const vertices = {};
    for (const [id, vertex] of db.getVertices()) vertices[id] = vertex.text;
    const edges = db.getEdges().map((e) => [e.start, e.end, e.text, e.stroke]);
    reply = { ok: true, type: diagram.type, vertices, edges };
  } catch (err) {
    reply = { ok: false, error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
}
