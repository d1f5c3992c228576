/**
 * Platform fixture orders shared by tests and benchmarks (worked by hand in test/engine/seeds.test.ts).
 */
import { discount, duty, invoice, line, order, shippingLine, tax } from "./builders.js";

/** The order of spec §2: the Magento REST tutorial's Radiant Tee. */
export const magentoOrder = order({
  id: "5",
  lineItems: [
    line("3", 2, "22.00", {
      sku: "MS09-M-Orange",
      title: "Radiant Tee-M-Orange",
      discountAllocations: [discount("4.40", "SUMMER20")],
      taxLines: [tax("3.27", "State Tax", "0.0825")],
      duties: [duty("d1", "1.50")],
    }),
  ],
  shippingLines: [shippingLine("s1", "15.00", { title: "Table Rate" })],
  invoices: [invoice("inv-1", "59.37", false, "banktransfer")],
});

/** Shopify's fixture order 450789469: three 199.00 lines, TENOFF 3.34/3.33/3.33, tax 3.98 each. */
export const shopifyOrder = order({
  id: "450789469",
  lineItems: [
    line("466157049", 1, "199.00", {
      sku: "IPOD2008GREEN",
      discountAllocations: [discount("3.34", "TENOFF")],
      taxLines: [tax("3.98", "State Tax", "0.06")],
    }),
    line("518995019", 1, "199.00", {
      sku: "IPOD2008RED",
      discountAllocations: [discount("3.33", "TENOFF")],
      taxLines: [tax("3.98", "State Tax", "0.06")],
    }),
    line("703073504", 1, "199.00", {
      sku: "IPOD2008BLACK",
      discountAllocations: [discount("3.33", "TENOFF")],
      taxLines: [tax("3.98", "State Tax", "0.06")],
    }),
  ],
  shippingLines: [shippingLine("369256396", "5.00", { title: "Free Shipping" })],
  invoices: [invoice("801038806", "250.94", true, "bogus")],
});

/**
 * Magento issue #38388: 3 × 100.00 with 200.00 of discount and 57.00 of tax, 157.00 paid;
 * refunded one unit at a time, Magento recorded taxes 19.00 / 19.01 / 18.99.
 */
export const magento38388Order = order({
  lineItems: [
    line("a", 3, "100.00", {
      discountAllocations: [discount("200.00")],
      taxLines: [tax("57.00")],
    }),
  ],
  invoices: [invoice("i", "157.00")],
});
