/**
 * Shopify's GraphQL Admin `Order` in the REST order's terms: connections
 * (`edges[].node` or `nodes[]`) become lists, `*Set` money bags
 * (`shopMoney`/`presentmentMoney`) become `*_set`, global ids
 * (`gid://shopify/LineItem/518995019`) become `518995019`, enums
 * (`CAPTURE`, `SUCCESS`, `NO_RESTOCK`) become REST's lower-case values. The
 * REST reader then reads the result, and every problem it finds is
 * reported back at the GraphQL path (`lineItems.edges[2].node.taxLines[0].priceSet`).
 *
 * Only the shape is rewritten: a value that is not what GraphQL returns
 * is passed on unchanged, so the REST reader reports it (at the GraphQL path).
 *
 * @module
 */

type Json = unknown;
type Obj = Readonly<Record<string, unknown>>;

const isObj = (u: unknown): u is Obj => typeof u === "object" && u !== null && !Array.isArray(u);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

/** REST path prefixes and the GraphQL paths they came from. */
class PathMap {
  private readonly pairs = new Map<string, string>();
  add(rest: string, graphql: string): void {
    this.pairs.set(rest, graphql);
  }
  /** The GraphQL path of a REST path: its longest registered prefix, translated. */
  translate(path: string): string {
    let cut = path.length;
    for (;;) {
      const prefix = path.slice(0, cut);
      const found = this.pairs.get(prefix);
      if (found !== undefined) return found + path.slice(cut);
      const dot = Math.max(prefix.lastIndexOf("."), prefix.lastIndexOf("["));
      if (dot <= 0) return path;
      cut = dot;
    }
  }
}

const join = (base: string, key: string) =>
  key.startsWith("[") ? `${base}${key}` : base === "" ? key : `${base}.${key}`;

/** `gid://shopify/Type/123` → `123`; anything else unchanged. */
function plainId(u: unknown): unknown {
  if (typeof u !== "string") return u;
  const gid = /^gid:\/\/shopify\/[A-Za-z]+\/([^/?]+)(\?.*)?$/.exec(u);
  return gid?.[1] ?? u;
}

const lower = (u: unknown): unknown => (typeof u === "string" ? u.toLowerCase() : u);

/** The nodes of a connection (`edges[].node` or `nodes`), with each node's GraphQL path. */
function nodesOf(u: unknown, path: string): { nodes: unknown; paths: string[] } {
  if (Array.isArray(u)) return { nodes: u, paths: u.map((_, i) => `${path}[${i}]`) };
  if (!isObj(u)) return { nodes: u, paths: [] };
  const nodes = own(u, "nodes");
  if (Array.isArray(nodes)) return { nodes, paths: nodes.map((_, i) => `${path}.nodes[${i}]`) };
  const edges = own(u, "edges");
  if (Array.isArray(edges))
    return {
      nodes: edges.map((e) => (isObj(e) ? own(e, "node") : e)),
      paths: edges.map((_, i) => `${path}.edges[${i}].node`),
    };
  return { nodes: u, paths: [] };
}

/** Rewrites one GraphQL object into REST fields, registering every field's path. */
class Rewriter {
  constructor(readonly map: PathMap) {}

  /** A MoneyBag `{shopMoney, presentmentMoney}` → `{shop_money, presentment_money}`. */
  bag(u: unknown, rest: string, gql: string): Json {
    this.map.add(rest, gql);
    if (!isObj(u)) return u;
    const side = (name: string, restName: string) => {
      const v = own(u, name);
      this.map.add(join(rest, restName), join(gql, name));
      if (!isObj(v)) return v;
      this.map.add(
        join(join(rest, restName), "currency_code"),
        join(join(gql, name), "currencyCode"),
      );
      return { amount: own(v, "amount"), currency_code: own(v, "currencyCode") };
    };
    return {
      shop_money: side("shopMoney", "shop_money"),
      presentment_money: side("presentmentMoney", "presentment_money"),
    };
  }

  /** Copies fields of `o` to REST names: `[gqlName, restName, convert?]`. */
  fields(
    o: Obj,
    rest: string,
    gql: string,
    spec: readonly (readonly [string, string, ((u: unknown, r: string, g: string) => Json)?])[],
  ): Record<string, Json> {
    const out: Record<string, Json> = {};
    for (const [from, to, convert] of spec) {
      if (!Object.hasOwn(o, from)) continue;
      const r = join(rest, to);
      const g = join(gql, from);
      this.map.add(r, g);
      const value = o[from];
      out[to] = convert === undefined ? value : convert(value, r, g);
    }
    return out;
  }

  list(
    u: unknown,
    rest: string,
    gql: string,
    item: (node: Obj, r: string, g: string) => Json,
    connection: boolean,
  ): Json {
    const { nodes, paths } = connection
      ? nodesOf(u, gql)
      : { nodes: u, paths: Array.isArray(u) ? u.map((_, i) => `${gql}[${i}]`) : [] };
    this.map.add(rest, gql);
    if (!Array.isArray(nodes)) return nodes;
    return nodes.map((n, i) => {
      const r = `${rest}[${i}]`;
      const g = paths[i] ?? `${gql}[${i}]`;
      this.map.add(r, g);
      return isObj(n) ? item(n, r, g) : n;
    });
  }

  set = (u: unknown, r: string, g: string): Json => this.bag(u, r, g);
  id = (u: unknown): Json => plainId(u);

  taxLine = (t: Obj, r: string, g: string): Json =>
    this.fields(t, r, g, [
      ["title", "title"],
      ["rate", "rate"],
      ["priceSet", "price_set", this.set],
    ]);

  taxLines = (u: unknown, r: string, g: string): Json => this.list(u, r, g, this.taxLine, false);

  discounts = (u: unknown, r: string, g: string): Json =>
    this.list(
      u,
      r,
      g,
      (d, dr, dg) => this.fields(d, dr, dg, [["allocatedAmountSet", "amount_set", this.set]]),
      false,
    );

  lineItem = (l: Obj, r: string, g: string): Json => {
    const out = this.fields(l, r, g, [
      ["id", "id", this.id],
      ["sku", "sku"],
      ["title", "title"],
      ["quantity", "quantity"],
      ["originalUnitPriceSet", "price_set", this.set],
      ["discountAllocations", "discount_allocations", this.discounts],
      ["taxLines", "tax_lines", this.taxLines],
      [
        "duties",
        "duties",
        (u, dr, dg) =>
          this.list(
            u,
            dr,
            dg,
            (d, r2, g2) =>
              this.fields(d, r2, g2, [
                ["id", "id", this.id],
                ["price", "price_set", this.set],
                ["taxLines", "tax_lines", this.taxLines],
              ]),
            false,
          ),
      ],
    ]);
    const unfulfilled = own(l, "unfulfilledQuantity");
    if (typeof unfulfilled === "number") {
      this.map.add(join(r, "fulfillable_quantity"), join(g, "unfulfilledQuantity"));
      return { ...out, fulfillment_status: "partial", fulfillable_quantity: unfulfilled };
    }
    return out;
  };

  shippingLine = (l: Obj, r: string, g: string): Json =>
    this.fields(l, r, g, [
      ["id", "id", this.id],
      ["title", "title"],
      ["originalPriceSet", "price_set", this.set],
      ["discountAllocations", "discount_allocations", this.discounts],
      ["taxLines", "tax_lines", this.taxLines],
    ]);

  transaction = (t: Obj, r: string, g: string): Json => {
    const out = this.fields(t, r, g, [
      ["id", "id", this.id],
      ["kind", "kind", lower],
      ["status", "status", lower],
      ["amountSet", "amount_set", this.set],
      ["gateway", "gateway"],
    ]);
    const parent = own(t, "parentTransaction");
    if (isObj(parent) && Object.hasOwn(parent, "id")) {
      this.map.add(join(r, "parent_id"), join(join(g, "parentTransaction"), "id"));
      return { ...out, parent_id: plainId(parent["id"]) };
    }
    return out;
  };

  /** `refundShippingLines` → REST's `shipping_refund` order adjustments (written negative there). */
  shippingRefunds(u: unknown, r: string, g: string, offset: number): Json[] {
    const { nodes, paths } = nodesOf(u, g);
    if (!Array.isArray(nodes)) return [];
    return nodes.flatMap((n, i) => {
      if (!isObj(n)) return [];
      const rr = `${r}[${offset + i}]`;
      const gg = paths[i] ?? g;
      this.map.add(rr, gg);
      const negate = (v: unknown, vr: string, vg: string) => negatedBag(this.bag(v, vr, vg));
      return [
        {
          kind: "shipping_refund",
          ...this.fields(n, rr, gg, [
            ["subtotalAmountSet", "amount_set", negate],
            ["taxAmountSet", "tax_amount_set", negate],
          ]),
        },
      ];
    });
  }

  refund = (f: Obj, r: string, g: string): Json => {
    const out = this.fields(f, r, g, [
      ["id", "id", this.id],
      ["note", "note"],
      [
        "refundLineItems",
        "refund_line_items",
        (u, rr, gg) =>
          this.list(
            u,
            rr,
            gg,
            (l, r2, g2) => {
              const line = this.fields(l, r2, g2, [
                ["quantity", "quantity"],
                ["restockType", "restock_type", lower],
                ["subtotalSet", "subtotal_set", this.set],
                ["totalTaxSet", "total_tax_set", this.set],
              ]);
              const item = own(l, "lineItem");
              const location = own(l, "location");
              this.map.add(join(r2, "line_item_id"), join(join(g2, "lineItem"), "id"));
              this.map.add(join(r2, "location_id"), join(join(g2, "location"), "id"));
              return {
                ...line,
                ...(isObj(item) ? { line_item_id: plainId(own(item, "id")) } : {}),
                ...(isObj(location) ? { location_id: plainId(own(location, "id")) } : {}),
              };
            },
            true,
          ),
      ],
      ["transactions", "transactions", (u, rr, gg) => this.list(u, rr, gg, this.transaction, true)],
      [
        "duties",
        "duties",
        (u, rr, gg) =>
          this.list(
            u,
            rr,
            gg,
            (d, r2, g2) => {
              const original = own(d, "originalDuty");
              this.map.add(join(r2, "duty_id"), join(join(g2, "originalDuty"), "id"));
              return {
                ...this.fields(d, r2, g2, [["amountSet", "amount_set", this.set]]),
                ...(isObj(original) ? { duty_id: plainId(own(original, "id")) } : {}),
              };
            },
            false,
          ),
      ],
      [
        "orderAdjustments",
        "order_adjustments",
        (u, rr, gg) =>
          this.list(
            u,
            rr,
            gg,
            (a, r2, g2) =>
              this.fields(a, r2, g2, [
                ["reason", "kind", lower],
                ["amountSet", "amount_set", this.set],
                ["taxAmountSet", "tax_amount_set", this.set],
              ]),
            true,
          ),
      ],
    ]);
    if (!Object.hasOwn(f, "refundShippingLines")) return out;
    const adjustments = Array.isArray(out["order_adjustments"]) ? out["order_adjustments"] : [];
    return {
      ...out,
      order_adjustments: [
        ...adjustments,
        ...this.shippingRefunds(
          f["refundShippingLines"],
          join(r, "order_adjustments"),
          join(g, "refundShippingLines"),
          adjustments.length,
        ),
      ],
    };
  };
}

function negatedBag(u: Json): Json {
  if (!isObj(u)) return u;
  const side = (v: unknown) => {
    if (!isObj(v)) return v;
    const a = own(v, "amount");
    const negated =
      typeof a === "number"
        ? -a
        : typeof a === "string"
          ? a.startsWith("-")
            ? a.slice(1)
            : `-${a}`
          : a;
    return { ...v, amount: negated };
  };
  return {
    shop_money: side(own(u, "shop_money")),
    presentment_money: side(own(u, "presentment_money")),
  };
}

/** The GraphQL `Order` object of a document: `{data: {order}}`, `{order}` or the order itself. */
export function graphqlOrderOf(json: unknown): Obj | undefined {
  let o: unknown = json;
  if (isObj(o) && isObj(own(o, "data"))) o = own(o["data"] as Obj, "order");
  else if (isObj(o) && isObj(own(o, "order"))) o = own(o, "order");
  if (!isObj(o)) return undefined;
  const id = own(o, "id");
  const graphql =
    Object.hasOwn(o, "currencyCode") ||
    (typeof id === "string" && id.startsWith("gid://shopify/Order/"));
  return graphql ? o : undefined;
}

/**
 * A GraphQL `Order` rewritten as a REST order, and the translation of REST
 * paths back to GraphQL paths (relative to the `Order` object).
 */
export function restOrderOfGraphql(order: Obj): {
  readonly rest: Record<string, Json>;
  readonly pathOf: (restPath: string) => string;
} {
  const map = new PathMap();
  const w = new Rewriter(map);
  const rest = w.fields(order, "", "", [
    ["id", "id", w.id],
    ["currencyCode", "currency"],
    ["presentmentCurrencyCode", "presentment_currency"],
    ["taxesIncluded", "taxes_included"],
    ["lineItems", "line_items", (u, r, g) => w.list(u, r, g, w.lineItem, true)],
    ["shippingLines", "shipping_lines", (u, r, g) => w.list(u, r, g, w.shippingLine, true)],
    ["transactions", "transactions", (u, r, g) => w.list(u, r, g, w.transaction, true)],
    ["refunds", "refunds", (u, r, g) => w.list(u, r, g, w.refund, true)],
  ]);
  map.add("currency", "currencyCode");
  map.add("line_items", "lineItems");
  return { rest, pathOf: (p) => map.translate(p) };
}
