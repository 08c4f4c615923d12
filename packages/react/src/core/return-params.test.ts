import { afterEach, describe, expect, it } from "vitest";
import { cleanReturnParams, readReturnParams, urlWithoutReturnParams } from "./return-params.ts";

const id = `pur_${"a1".repeat(16)}`;

describe("readReturnParams", () => {
  it("reads the purchase and the result", () => {
    expect(readReturnParams(`?ck_purchase=${id}&ck_result=success`)).toEqual({ purchaseId: id, result: "success" });
    expect(readReturnParams(`?x=1&ck_purchase=${id}&ck_result=cancelled`)).toEqual({
      purchaseId: id,
      result: "cancelled",
    });
  });

  it("ignores a missing or malformed purchase id", () => {
    expect(readReturnParams("?ck_result=success")).toBeNull();
    expect(readReturnParams("?ck_purchase=pur_<script>&ck_result=success")).toBeNull();
    expect(readReturnParams(`?ck_purchase=${id}x`)).toBeNull();
  });
});

describe("cleaning the URL", () => {
  afterEach(() => window.history.replaceState(null, "", "/"));

  it("removes only our parameters, keeping the others and the hash", () => {
    expect(
      urlWithoutReturnParams(`https://m.example/billing?tab=credits&ck_purchase=${id}&ck_result=success#top`),
    ).toBe("/billing?tab=credits#top");
    expect(urlWithoutReturnParams(`https://m.example/?ck_purchase=${id}&ck_result=success`)).toBe("/");
  });

  it("replaces the history entry instead of adding one", () => {
    window.history.replaceState({ page: 1 }, "", `/billing?tab=a&ck_purchase=${id}&ck_result=success#h`);
    const length = window.history.length;
    cleanReturnParams();
    expect(`${window.location.pathname}${window.location.search}${window.location.hash}`).toBe("/billing?tab=a#h");
    expect(window.history.length).toBe(length);
    expect(window.history.state).toEqual({ page: 1 });
  });
});
