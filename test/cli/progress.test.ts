import { describe, expect, test } from "vitest";
import {
  formatBytes,
  formatDuration,
  ProgressBar,
  renderProgress,
} from "../../src/cli/progress.js";

const MB = 2 ** 20;

describe("renderProgress", () => {
  test("bytes read of the size, orders per second, time left", () => {
    // 5 MB of 20 MB in 10 s: 25 %; 1000 orders / 10 s = 100/s; 15 MB left at 0.5 MB/s = 30 s.
    const line = renderProgress(
      {
        orders: 1000,
        refunds: 2000,
        flagged: 3,
        bytes: 5 * MB,
        totalBytes: 20 * MB,
        elapsedMs: 10_000,
      },
      120,
    );
    expect(line).toMatch(
      /^audit: 1000 orders, 2000 refunds, 3 with findings (█+)(░+) {2}25% {2}5\.0 MB\/20\.0 MB {2}100\/s {2}ETA 0:30$/,
    );
    const [, filled = "", empty = ""] = /(█+)(░+)/.exec(line) ?? [];
    expect(filled.length + empty.length).toBeLessThanOrEqual(30);
    expect(filled.length).toBe(Math.floor((filled.length + empty.length) / 4));
    expect(line.length).toBeLessThan(120);
  });

  test("fits the width: the bar shrinks; then the refunds, the bytes and the bar go", () => {
    // 13000 orders in 4.4 s (2955/s); 24.4 of 56.3 MB: 43 %, 31.9 MB left at 5.55 MB/s ≈ 6 s.
    const state = {
      orders: 13000,
      refunds: 39000,
      flagged: 13000,
      bytes: 24.4 * MB,
      totalBytes: 56.3 * MB,
      elapsedMs: 4400,
    };
    for (const width of [200, 120, 100, 80, 60, 40]) {
      expect(renderProgress(state, width).length).toBeLessThanOrEqual(width - 1);
    }
    expect(renderProgress(state, 120)).toMatch(
      /^audit: 13000 orders, 39000 refunds, 13000 with findings █+░+ {2}43% {2}24\.4 MB\/56\.3 MB {2}2955\/s {2}ETA 0:06$/,
    );
    // 80: 79 − 40 (counts) − 22 (" 43%  2955/s  ETA 0:06") − 2 spaces = a bar of 15; 0.433 × 15 → 6 filled.
    expect(renderProgress(state, 80)).toMatch(
      /^audit: 13000 orders, 13000 with findings █{6}░{9} {2}43% {2}2955\/s {2}ETA 0:06$/,
    );
    expect(renderProgress(state, 60)).toBe(
      "audit: 13000 orders, 13000 with findings  43%  2955/s  ETA",
    );
  });

  test("without a size (a pipe): the counts, the bytes and the rate", () => {
    expect(
      renderProgress(
        {
          orders: 50,
          refunds: 60,
          flagged: 1,
          bytes: 2048,
          totalBytes: undefined,
          elapsedMs: 2000,
        },
        200,
      ),
    ).toBe("audit: 50 orders, 60 refunds, 1 with findings  2.0 KB  25/s");
  });

  test.each([
    [0, "0:00"],
    [7.4, "0:07"],
    [750, "12:30"],
    [3723, "1:02:03"],
  ])("formatDuration(%d) is %s", (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });

  test.each([
    [512, "512 B"],
    [1536, "1.5 KB"],
    [12.34 * MB, "12.3 MB"],
    [3 * 1024 * MB, "3.00 GB"],
  ])("formatBytes(%d) is %s", (n, text) => {
    expect(formatBytes(n)).toBe(text);
  });
});

describe("ProgressBar", () => {
  function bar(totalBytes?: number) {
    const written: string[] = [];
    let t = 0;
    const b = new ProgressBar(
      (s) => written.push(s),
      () => t,
      100,
      totalBytes,
    );
    return { b, written, tick: (ms: number) => (t += ms) };
  }

  test("redraws at most every 100 ms (or every 500 orders), each time over the last", () => {
    const { b, written, tick } = bar(1000);
    b.update(1, 1, 0, 10);
    tick(50);
    b.update(2, 2, 0, 20); // too soon
    tick(50);
    b.update(3, 3, 0, 30);
    expect(written).toHaveLength(2);
    for (const w of written) expect(w.startsWith("\r\u001b[K")).toBe(true);
    b.update(500, 500, 0, 40); // the 500th order
    expect(written).toHaveLength(3);
  });

  test("clear erases it only when drawn; finish leaves the counts on their own line", () => {
    const { b, written } = bar();
    b.clear();
    expect(written).toEqual([]);
    b.update(1, 2, 0, 10);
    b.clear();
    expect(written.at(-1)).toBe("\r\u001b[K");
    b.update(1, 2, 0, 10); // after clear, drawn again at once
    b.finish(3, 4, 1);
    expect(written.slice(-2)).toEqual([
      "\r\u001b[K",
      "audit: 3 orders, 4 refunds, 1 with findings\n",
    ]);
  });
});
