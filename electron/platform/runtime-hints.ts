// node-postgres decides at load time whether it runs in Cloudflare Workers; without `navigator` (Node 20) it
// probes with `new Response(...)`, which loads Node's whole fetch implementation (~40 ms of start-up). Node 21+
// defines navigator.userAgent itself; this gives Node 20 the same answer before pg loads.
const runtime = globalThis as { navigator?: { userAgent?: string } };
runtime.navigator ??= { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };
