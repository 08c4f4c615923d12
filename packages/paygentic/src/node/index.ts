/**
 * `@creditkit/paygentic/node`: what only Node can run, kept out of the main entry so that the
 * client and the server core stay runnable on edge runtimes (Web Crypto and fetch only).
 */
export { createNodeFetch, type NodeFetch, type NodeFetchOptions } from "./node-fetch.ts";
