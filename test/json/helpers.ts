import type { RefundError } from "../../src/index.js";

/** The JSON path of an error ("" when it has none). */
export const pathOf = (e: RefundError): string =>
  "path" in e && e.path !== undefined ? e.path : "";
