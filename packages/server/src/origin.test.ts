import { describe, expect, it } from "vitest";
import { isOrigin } from "./origin.ts";

describe("isOrigin", () => {
  it("accepts http(s) origins", () => {
    expect(["https://shop.example.com", "http://127.0.0.1:3000", "https://[::1]:8443"].every(isOrigin)).toBe(true);
  });

  it("refuses paths, trailing slashes, other schemes, credentials and non-URLs", () => {
    const refused = [
      "https://shop.example.com/",
      "https://shop.example.com/billing",
      "https://shop.example.com?x=1",
      "ftp://shop.example.com",
      "javascript:alert(1)",
      "https://user:pw@shop.example.com",
      "HTTPS://SHOP.EXAMPLE.COM",
      "shop.example.com",
      "",
    ];
    expect(refused.filter(isOrigin)).toEqual([]);
  });
});
