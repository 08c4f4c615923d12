import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  // `npm run dev` (hot reload): Vite passes the BFF's requests on to the Express server, started
  // with CREDITKIT_PUBLIC_URL=http://localhost:5173 (the page's address: the same-origin check and
  // the return from the payment page use it). See README.md.
  server: { proxy: { "/api/topup": "http://localhost:3000" } },
});
