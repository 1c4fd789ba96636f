// Benchmark baseline: the least a Worker can do for a ballot (one D1 insert)
// and for a results read (one count). No validation, no CORS, no hashing.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const id = url.pathname.split("/")[3] ?? "";
    if (request.method === "POST") {
      const voter = request.headers.get("Parvis-Voter") ?? "";
      await env.DB.prepare("INSERT INTO ballots (widget_id, voter_hash) VALUES (?1, ?2)").bind(id, voter).run();
      return new Response("{}", { status: 201, headers: { "Content-Type": "application/json" } });
    }
    const row = await env.DB.prepare("SELECT COUNT(*) AS total FROM ballots WHERE widget_id = ?1").bind(id).first();
    return Response.json(row);
  },
};
