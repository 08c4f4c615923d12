// server.ts
import { toNodeHandler } from "@creditkit/server/node";
import express from "express";
import { topUp } from "./top-up.ts";

const app = express();
// CreditKit first: a body parser in front of it would eat the purchase and webhook bodies.
app.use("/api/topup", toNodeHandler(topUp));
app.use(express.json()); // your own API's routes go after this line
// The SPA built by `vite build`, and its index.html for every other path (client-side routes).
app.use(express.static("dist"));
app.get("/{*path}", (_request, response) => response.sendFile("index.html", { root: "dist" }));

const port = Number(process.env.PORT ?? 3000);
app.listen(port, process.env.HOST ?? "localhost", () =>
  console.info(`listening on ${process.env.CREDITKIT_PUBLIC_URL}`),
);
