/** What bench/memory.ts measures (sizes in MB). */
export interface MemoryResult {
  readonly subject: string;
  readonly lines: number;
  /** Heap held by the order itself. */
  readonly orderMB: number;
  /** Heap allocated by one refund, no GC in between (`gcDuringRefund` says whether that held). */
  readonly allocatedMB: number;
  readonly gcDuringRefund: number;
  /** Heap still held by the result after a full GC. */
  readonly retainedMB: number;
  readonly rssBeforeMB: number;
  /** Peak resident set size of the process after the refund. */
  readonly maxRssMB: number;
  readonly kept: boolean;
}
