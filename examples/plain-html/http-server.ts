// http-server.ts
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { toNodeHandler } from "@creditkit/server/node";
import { topUp } from "./top-up.ts";

const api = toNodeHandler(topUp);
const page = readFileSync(new URL("./public/index.html", import.meta.url));
// The element's classic script, as @creditkit/react publishes it (or copy it next to your pages).
const script = readFileSync(createRequire(import.meta.url).resolve("@creditkit/react/creditkit-top-up.js"));

const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  if (path.startsWith("/api/topup/")) return api(request, response);
  if (path === "/creditkit-top-up.js") {
    response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
  } else if (path === "/" && request.method === "GET") {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  } else {
    response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  }
});

const port = Number(process.env.PORT ?? 3000);
server.listen(port, process.env.HOST ?? "localhost", () =>
  console.info(`listening on ${process.env.CREDITKIT_PUBLIC_URL}`),
);
