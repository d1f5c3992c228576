/**
 * refund-core: exact, explainable e-commerce refunds.
 *
 * `calculate` and `applyRefund` turn an order and a refund request into a
 * credit memo, or into typed errors; the codecs read and write the JSON
 * formats of [the specification](../docs/specification.md).
 *
 * @packageDocumentation
 */
export { fromTwoCheckoutOrder } from "./adapters/2checkout/order.js";
export {
  fromTwoCheckoutRefundRequest,
  toTwoCheckoutRefundRequest,
} from "./adapters/2checkout/refund.js";
export { toCanonicalRefundRequest } from "./adapters/canonical/request.js";
export { fromCommerceLayerOrder } from "./adapters/commercelayer/order.js";
export {
  fromCommerceLayerRefundRequest,
  toCommerceLayerRefundRequest,
} from "./adapters/commercelayer/refund.js";
export { toMagentoCreditMemo, toMagentoRefund } from "./adapters/magento/emit.js";
export {
  fromMagentoOrder,
  MAGENTO_OFFLINE_METHODS,
} from "./adapters/magento/order.js";
export { fromMagentoRefundRequest, type MagentoRefundTarget } from "./adapters/magento/refund.js";
export {
  PLATFORM_NAMES,
  PLATFORMS,
  type PlatformAdapter,
  type PlatformName,
  type PlatformResult,
} from "./adapters/platforms.js";
export {
  type ShopifyRefundBody,
  type ShopifyRefundCreateVariables,
  toShopifyRefund,
  toShopifyRefundCreateVariables,
} from "./adapters/shopify/emit.js";
export { fromShopifyOrder, isOfflineGateway } from "./adapters/shopify/order.js";
export {
  fromShopifyRefundRequest,
  toShopifyCalculateResponse,
} from "./adapters/shopify/refund.js";
export { type AppliedRefund, applyRefund } from "./applyRefund.js";
export { type AuditReport, audit, type Discrepancy, type RejectedRefund } from "./audit/audit.js";
export { calculate, creditMemoId } from "./calculate.js";
export type * from "./domain/creditMemo.js";
export type * from "./domain/order.js";
export { isMultiCurrency } from "./domain/order.js";
export { POLICY_NAMES, type PolicyName } from "./domain/policy.js";
export type * from "./domain/refundRequest.js";
export * from "./errors.js";
export * from "./json/index.js";
export { type Currency, findCurrency } from "./money/currency.js";
export {
  type DecimalAmount,
  formatMinorUnits,
  parseDecimal,
  toMinorUnits,
} from "./money/decimal.js";
export { toDinero } from "./money/dinero.js";
export type { MoneyBag } from "./money/moneyBag.js";
export type { RoundingMode } from "./money/rounding.js";
export { moneyLeft } from "./order/moneyLeft.js";
export { type RefundStatus, refundStatus } from "./refundStatus.js";
