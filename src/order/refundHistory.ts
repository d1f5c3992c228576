/**
 * What the order's history has already refunded — per line, per component,
 * per shipping line and per invoice — read once from `order.refunds`.
 *
 * Discount allocations and tax lines of a memo line are matched to the order
 * line's by position ([§6](../../docs/specification.md#6-credit-memo)); duties by `dutyId`, so a memo that lists no
 * duties (as in the spec's [§6](../../docs/specification.md#6-credit-memo) example) reads as "none refunded".
 *
 * @module
 */
import type { CreditMemo, CreditMemoLine } from "../domain/creditMemo.js";
import { addBags, type MoneyBag, ZERO } from "../money/moneyBag.js";

/** What was refunded of one duty and of its tax lines. */
export interface DutyHistory {
  readonly amount: MoneyBag;
  readonly taxLines: readonly MoneyBag[];
}

/** What was refunded of one order line. */
export interface LineHistory {
  readonly refundedQuantity: number;
  readonly returnedQuantity: number;
  readonly cancelledQuantity: number;
  /** Σ `gross` of the memo lines ([§3.9](../../docs/specification.md#39-line-amounts-v2): the gross is a component of the line's progress). */
  readonly grossRefunded: MoneyBag;
  /** How many memo lines refunded the line by amount ([§3.9](../../docs/specification.md#39-line-amounts-v2)). */
  readonly amountLines: number;
  /** Σ `amount` of the memo lines with one. */
  readonly amountRefunded: MoneyBag;
  /** Σ `quantity` of the memo lines with an amount (their units do not move the progress). */
  readonly quantityWithAmount: number;
  /** By position of the order line's `discountAllocations`. */
  readonly discountAllocations: readonly MoneyBag[];
  /** By position of the order line's `taxLines`. */
  readonly taxLines: readonly MoneyBag[];
  readonly duties: ReadonlyMap<string, DutyHistory>;
}

/** What was refunded of one shipping line: its amount and its tax lines by position. */
export interface ShippingHistory {
  readonly amount: MoneyBag;
  readonly taxLines: readonly MoneyBag[];
}

/** Everything the refunds of an order took, keyed by the ids of the order. */
export interface RefundHistory {
  readonly lines: ReadonlyMap<string, LineHistory>;
  readonly shipping: ReadonlyMap<string, ShippingHistory>;
  /** Money paid out per invoice id. */
  readonly invoices: ReadonlyMap<string, MoneyBag>;
  readonly idempotencyKeys: KeySet;
  /**
   * The ids of the memos: a refund looks its memo id and its key up here,
   * not in `order.refunds` (a pass over the history on every refund).
   */
  readonly memoIds: KeySet;
}

/** The idempotency keys a history has seen: what a refund asks of them. */
export interface KeySet extends Iterable<string> {
  /** Whether a memo of the history has the key. */
  readonly has: (key: string) => boolean;
  /** How many different keys. */
  readonly size: number;
}

/**
 * The keys of a chain of histories, in the order they were added, each with
 * its position: shared by every {@link AppendedKeys} of the chain.
 */
interface KeyLog {
  readonly positions: Map<string, number>;
}

/**
 * An immutable set of keys that grows by appending, sharing one log along a
 * chain of refunds: a set of `size` keys is the log's first `size`. Adding to
 * the newest set of a log appends in place (the older sets do not see keys
 * at or past their size); adding to an older one — a second refund of the
 * same order, a fork — copies its keys first. So a chain of `applyRefund`
 * with keys costs each refund its own keys, not the whole set (issue 12: the
 * set was copied on every refund, 10^4 keyed refunds took 38.7 s).
 */
class AppendedKeys implements KeySet {
  readonly #log: KeyLog;
  readonly size: number;

  constructor(log: KeyLog, size: number) {
    this.#log = log;
    this.size = size;
  }

  readonly has = (key: string): boolean => {
    const at = this.#log.positions.get(key);
    return at !== undefined && at < this.size;
  };

  *[Symbol.iterator](): Iterator<string> {
    for (const [key, at] of this.#log.positions) if (at < this.size) yield key;
  }

  /** This set with `key` added. */
  with(key: string): AppendedKeys {
    if (this.has(key)) return this;
    let log = this.#log;
    if (log.positions.size !== this.size) {
      // Not the newest set of its log: a fork starts a log of its own.
      const positions = new Map<string, number>();
      for (const [k, at] of log.positions) if (at < this.size) positions.set(k, at);
      log = { positions };
    }
    log.positions.set(key, this.size);
    return new AppendedKeys(log, this.size + 1);
  }

  /** A set of a chain of its own holding `keys`. */
  static of(keys: Iterable<string>): AppendedKeys {
    const positions = new Map<string, number>();
    for (const key of keys) positions.set(key, positions.size);
    return new AppendedKeys({ positions }, positions.size);
  }
}

/**
 * `keys` as an {@link AppendedKeys}: itself, or, for the plain set of a
 * history read in one pass, a copy made once (the chain then appends).
 */
function keysOf(keys: KeySet): AppendedKeys {
  return keys instanceof AppendedKeys ? keys : AppendedKeys.of(keys);
}

/** No duty refunded: shared by every line that has none. */
const NO_DUTIES: Map<string, DutyTally> = new Map<string, DutyTally>();

/** The history of a line nothing was refunded of. */
export const NO_LINE_HISTORY: LineHistory = {
  refundedQuantity: 0,
  returnedQuantity: 0,
  cancelledQuantity: 0,
  grossRefunded: ZERO,
  amountLines: 0,
  amountRefunded: ZERO,
  quantityWithAmount: 0,
  discountAllocations: [],
  taxLines: [],
  duties: NO_DUTIES,
};

/**
 * The history of an order with no refunds, shared by every such order
 * ({@link readRefundHistory} of `[]`): its maps and sets are never added to
 * (a {@link HistoryReader} builds its own; {@link withMemo} copies the maps
 * it adds to; the readonly types forbid the rest), so it is a constant, not
 * state. Not frozen: a frozen object would be a second shape of history at
 * every site that reads one.
 */
export const NO_REFUNDS: RefundHistory = {
  lines: new Map<string, LineHistory>(),
  shipping: new Map<string, ShippingHistory>(),
  invoices: new Map<string, MoneyBag>(),
  idempotencyKeys: new Set<string>(),
  memoIds: new Set<string>(),
};

/** The history of a shipping line nothing was refunded of. */
export const NO_SHIPPING_HISTORY: ShippingHistory = { amount: ZERO, taxLines: [] };

/** A duty's history while the memos are read. */
interface DutyTally {
  amount: MoneyBag;
  readonly taxLines: MoneyBag[];
}

/**
 * A line's history while the memos are read: added to in place, one memo
 * line at a time, so that reading a long history copies nothing.
 */
interface LineTally {
  refundedQuantity: number;
  returnedQuantity: number;
  cancelledQuantity: number;
  grossRefunded: MoneyBag;
  amountLines: number;
  amountRefunded: MoneyBag;
  quantityWithAmount: number;
  readonly discountAllocations: MoneyBag[];
  readonly taxLines: MoneyBag[];
  /** Shared and empty until the first duty is refunded: most lines have none. */
  duties: Map<string, DutyTally>;
}

/** A shipping line's history while the memos are read. */
interface ShippingTally {
  amount: MoneyBag;
  readonly taxLines: MoneyBag[];
}

/** Adds `more` into `sums` position by position, in place (lists may differ in length). */
function addByPosition(sums: MoneyBag[], more: readonly { readonly amount: MoneyBag }[]): void {
  let i = 0;
  for (const component of more) {
    const sofar = sums[i];
    sums[i] = sofar === undefined ? component.amount : addBags(sofar, component.amount);
    i += 1;
  }
}

function amountOf(component: { readonly amount: MoneyBag }): MoneyBag {
  return component.amount;
}

function addDuties(tally: LineTally, line: CreditMemoLine): void {
  for (const duty of line.duties) {
    let dutyTally = tally.duties.get(duty.dutyId);
    if (dutyTally === undefined) {
      dutyTally = { amount: ZERO, taxLines: [] };
      // The shared empty map is replaced by the line's own on its first duty, then added to in place.
      const own = tally.duties === NO_DUTIES ? new Map<string, DutyTally>() : tally.duties;
      own.set(duty.dutyId, dutyTally);
      tally.duties = own;
    }
    dutyTally.amount = addBags(dutyTally.amount, duty.amount);
    addByPosition(dutyTally.taxLines, duty.taxLines);
  }
}

function addLine(tally: LineTally, line: CreditMemoLine): void {
  tally.refundedQuantity += line.quantity;
  if (line.restock === "return") tally.returnedQuantity += line.quantity;
  if (line.restock === "cancel") tally.cancelledQuantity += line.quantity;
  tally.grossRefunded = addBags(tally.grossRefunded, line.gross);
  // `!= null`: a memo built by hand before v2 may lack the field altogether.
  if (line.amount != null) {
    tally.amountLines += 1;
    tally.amountRefunded = addBags(tally.amountRefunded, line.amount);
    tally.quantityWithAmount += line.quantity;
  }
  addByPosition(tally.discountAllocations, line.discountAllocations);
  addByPosition(tally.taxLines, line.taxLines);
  addDuties(tally, line);
}

/**
 * A line's tally started from the first memo line that refunds it: its
 * amounts as they are (bags are immutable), in lists of their own.
 */
function firstLineTally(line: CreditMemoLine): LineTally {
  const tally: LineTally = {
    refundedQuantity: line.quantity,
    returnedQuantity: line.restock === "return" ? line.quantity : 0,
    cancelledQuantity: line.restock === "cancel" ? line.quantity : 0,
    grossRefunded: line.gross,
    amountLines: line.amount == null ? 0 : 1,
    amountRefunded: line.amount ?? ZERO,
    quantityWithAmount: line.amount == null ? 0 : line.quantity,
    discountAllocations: line.discountAllocations.map(amountOf),
    taxLines: line.taxLines.map(amountOf),
    duties: NO_DUTIES,
  };
  addDuties(tally, line);
  return tally;
}

/**
 * Reads what the given memos refunded, in one pass over them. Memos may name
 * lines, shipping lines or invoices the order does not have; they are kept
 * under their ids and reported by the consistency check, not here.
 */
export function readRefundHistory(refunds: readonly CreditMemo[]): RefundHistory {
  // Most orders have no refunds: they share one empty history, no maps built per call.
  if (refunds.length === 0) return NO_REFUNDS;
  const reader = historyReader();
  for (const memo of refunds) reader.add(memo);
  return reader.history;
}

/**
 * A history read memo by memo: {@link readRefundHistory} for a caller that
 * computes with the history between memos (an audit replays each memo on
 * the history of the memos before it). `history` is the same object
 * throughout, added to in place by `add`: read it between adds, never keep
 * what it said before an add.
 */
export interface HistoryReader {
  /** Adds what `memo` refunded. */
  readonly add: (memo: CreditMemo) => void;
  /** What the memos added so far refunded. */
  readonly history: RefundHistory;
}

/** A {@link HistoryReader} with no memo read yet. */
export function historyReader(): HistoryReader {
  const lines = new Map<string, LineTally>();
  const shipping = new Map<string, ShippingTally>();
  const invoices = new Map<string, MoneyBag>();
  const idempotencyKeys = new Set<string>();
  const memoIds = new Set<string>();
  const add = (memo: CreditMemo): void => {
    for (const line of memo.lineItems) {
      const tally = lines.get(line.lineItemId);
      if (tally === undefined) lines.set(line.lineItemId, firstLineTally(line));
      else addLine(tally, line);
    }
    for (const line of memo.shipping.lines) {
      let tally = shipping.get(line.shippingLineId);
      if (tally === undefined) {
        tally = { amount: ZERO, taxLines: [] };
        shipping.set(line.shippingLineId, tally);
      }
      tally.amount = addBags(tally.amount, line.amount);
      addByPosition(tally.taxLines, line.taxLines);
    }
    for (const transaction of memo.transactions) {
      const sofar = invoices.get(transaction.invoiceId);
      invoices.set(
        transaction.invoiceId,
        sofar === undefined ? transaction.amount : addBags(sofar, transaction.amount),
      );
    }
    if (memo.idempotencyKey !== null) idempotencyKeys.add(memo.idempotencyKey);
    memoIds.add(memo.id);
  };
  return { add, history: { lines, shipping, invoices, idempotencyKeys, memoIds } };
}

/**
 * The history with one more memo, leaving `history` as it was: the memo is
 * read on its own and added to copies of the maps it touches (a map copy is
 * O(ids), far cheaper than reading every memo again). `applyRefund` uses it
 * to hand its new order the history already read (see `carriedHistory.ts`).
 */
export function withMemo(history: RefundHistory, memo: CreditMemo): RefundHistory {
  const added = readRefundHistory([memo]);
  return {
    lines: mergeInto(history.lines, added.lines, addLineHistories),
    shipping: mergeInto(history.shipping, added.shipping, addShippingHistories),
    invoices: mergeInto(history.invoices, added.invoices, addBags),
    idempotencyKeys:
      memo.idempotencyKey === null
        ? history.idempotencyKeys
        : keysOf(history.idempotencyKeys).with(memo.idempotencyKey),
    memoIds: keysOf(history.memoIds).with(memo.id),
  };
}

/** A copy of `base` with each entry of `more` added to the entry under its key. */
function mergeInto<V>(
  base: ReadonlyMap<string, V>,
  more: ReadonlyMap<string, V>,
  add: (a: V, b: V) => V,
): ReadonlyMap<string, V> {
  if (more.size === 0) return base;
  const merged = new Map(base);
  for (const [key, value] of more) {
    const sofar = base.get(key);
    merged.set(key, sofar === undefined ? value : add(sofar, value));
  }
  return merged;
}

/** Two lists of bags added position by position (lists may differ in length). */
function addPositions(a: readonly MoneyBag[], b: readonly MoneyBag[]): MoneyBag[] {
  const sums = [...a];
  addByPosition(sums, b.map(asComponent));
  return sums;
}

function asComponent(amount: MoneyBag): { readonly amount: MoneyBag } {
  return { amount };
}

function addDutyHistories(a: DutyHistory, b: DutyHistory): DutyHistory {
  return { amount: addBags(a.amount, b.amount), taxLines: addPositions(a.taxLines, b.taxLines) };
}

function addLineHistories(a: LineHistory, b: LineHistory): LineHistory {
  return {
    refundedQuantity: a.refundedQuantity + b.refundedQuantity,
    returnedQuantity: a.returnedQuantity + b.returnedQuantity,
    cancelledQuantity: a.cancelledQuantity + b.cancelledQuantity,
    grossRefunded: addBags(a.grossRefunded, b.grossRefunded),
    amountLines: a.amountLines + b.amountLines,
    amountRefunded: addBags(a.amountRefunded, b.amountRefunded),
    quantityWithAmount: a.quantityWithAmount + b.quantityWithAmount,
    discountAllocations: addPositions(a.discountAllocations, b.discountAllocations),
    taxLines: addPositions(a.taxLines, b.taxLines),
    duties: mergeInto(a.duties, b.duties, addDutyHistories),
  };
}

function addShippingHistories(a: ShippingHistory, b: ShippingHistory): ShippingHistory {
  return { amount: addBags(a.amount, b.amount), taxLines: addPositions(a.taxLines, b.taxLines) };
}

/**
 * Whether a memo of `refunds` has the id `id`, by a pass over them (a plain
 * loop: with a closure it took five times as long). A refund looks ids up
 * in its history's `memoIds` instead; this is for a caller with refunds and
 * no history.
 */
export function isMemoIdTaken(refunds: readonly CreditMemo[], id: string): boolean {
  for (let m = 0; m < refunds.length; m++) if ((refunds[m] as CreditMemo).id === id) return true;
  return false;
}

/*
 * The three look-ups below answer an empty map (an order with no refunds,
 * the common case) without hashing the id: the map's size is read inline,
 * a miss of `get` is not.
 */

/** The history of one line (empty when nothing was refunded of it). */
export function lineHistoryOf(history: RefundHistory, lineItemId: string): LineHistory {
  const lines = history.lines;
  return lines.size === 0 ? NO_LINE_HISTORY : (lines.get(lineItemId) ?? NO_LINE_HISTORY);
}

/** The history of one shipping line (empty when nothing was refunded of it). */
export function shippingHistoryOf(history: RefundHistory, shippingLineId: string): ShippingHistory {
  const shipping = history.shipping;
  return shipping.size === 0
    ? NO_SHIPPING_HISTORY
    : (shipping.get(shippingLineId) ?? NO_SHIPPING_HISTORY);
}

/** Money already paid out of one invoice. */
export function invoiceTakenOf(history: RefundHistory, invoiceId: string): MoneyBag {
  const invoices = history.invoices;
  return invoices.size === 0 ? ZERO : (invoices.get(invoiceId) ?? ZERO);
}

/** The `i`-th refunded component amount (zero when the history has none). */
export function refundedAt(amounts: readonly MoneyBag[], i: number): MoneyBag {
  return amounts[i] ?? ZERO;
}
