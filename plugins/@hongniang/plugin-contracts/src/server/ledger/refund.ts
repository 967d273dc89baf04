// The refund proposed when a contract ends early (contracts:proposeRefund), as plain arithmetic in fen (cents) with each
// step kept as a line to explain. The rules (GB/T 23861 and the 2024 industry service norm, docs/contracts.md): within the
// cooling-off period everything paid is refunded; afterwards the refund follows the share of the service not delivered,
// by the agency's rule, and is paid within 15 days.

/** How the share not delivered is measured (contractSettings.refundRule). */
export type RefundRule = 'introductions' | 'term' | 'lesser' | 'greater';

/** Days within which a refund is paid (GB/T 23861 practice, the 2024 norm). */
export const REFUND_PAYMENT_DAYS = 15;

export interface RefundInput {
  /** Yuan. */
  price: number;
  /** Yuan: payments less refunds already made. */
  paid: number;
  promised: number;
  /** Introductions delivered up to the day it ended (the ledger's count). */
  delivered: number;
  /** 'YYYY-MM-DD'; the start date stands in when it was never signed. */
  signedDate: string | null;
  startDate: string;
  endDate: string;
  coolingOffDays: number;
  /** 'YYYY-MM-DD': the day it ended. */
  endedOn: string;
  rule: RefundRule;
}

/** A fraction, kept exact: num / den, 0 ≤ num ≤ den, den > 0. */
export interface Share {
  num: number;
  den: number;
}

/** One step of the explanation: a sentence key of the locale files and its values (amounts in yuan, shares as text). */
export interface RefundLine {
  key: string;
  values: Record<string, string | number>;
}

export interface RefundProposal {
  withinCoolingOff: boolean;
  /** The last day of the cooling-off period. */
  coolingOffEnds: string;
  /** The share of the service not delivered (1 within the cooling-off period). */
  share: Share;
  /** Yuan, never negative. */
  refund: number;
  /** The day the refund is to be paid by. */
  payBy: string;
  lines: RefundLine[];
}

const DAY_MS = 86_400_000;
const utcOf = (day: string) => {
  const [year, month, date] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date);
};
const addDays = (day: string, days: number) => new Date(utcOf(day) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((utcOf(to) - utcOf(from)) / DAY_MS);

const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (fen: number) => fen / 100;
/** ¥1,234.50 */
export const money = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** 37.5% */
export const percent = (share: Share) => `${Math.round((share.num / share.den) * 1000) / 10}%`;
const compare = (a: Share, b: Share) => a.num * b.den - b.num * a.den;

/** The share of introductions not delivered: (promised − delivered) / promised; none when nothing was promised. */
export function introductionShare(promised: number, delivered: number): Share {
  if (promised <= 0) return { num: 0, den: 1 };
  return { num: Math.max(0, promised - Math.min(delivered, promised)), den: promised };
}

/** The share of the term left after `endedOn`: days after it up to the end, over the term's days (both ends counted). */
export function termShare(startDate: string, endDate: string, endedOn: string): Share {
  const total = daysBetween(startDate, endDate) + 1;
  if (total <= 0) return { num: 0, den: 1 };
  const left = endedOn < startDate ? total : Math.max(0, Math.min(total, daysBetween(endedOn, endDate)));
  return { num: left, den: total };
}

/**
 * The last day of a contract's cooling-off period, 'YYYY-MM-DD': the signed date (the start date when unsigned) plus
 * the cooling-off days (signed 1 January with 7 days: the 8th). Days are calendar days (GB/T 23861 and the industry
 * norm speak of days, not working days).
 */
export function coolingOffLastDay(contract: { signedDate?: string | null; startDate: string; coolingOffDays: number }) {
  return addDays(contract.signedDate || contract.startDate, Math.max(0, Number(contract.coolingOffDays) || 0));
}

/**
 * The refund proposed for a contract ending on `input.endedOn` (see the file's head), explained line by line.
 * Within the cooling-off period (ended on or before the signed date + cooling-off days): everything paid. Afterwards:
 * the service delivered is worth price × (1 − share not delivered), the share by `rule`; the refund is what was paid
 * less that, never below 0. Amounts are rounded to the fen.
 */
export function proposeRefund(input: RefundInput): RefundProposal {
  const signed = input.signedDate || input.startDate;
  const coolingOffEnds = coolingOffLastDay(input);
  const payBy = addDays(input.endedOn, REFUND_PAYMENT_DAYS);
  const paid = fen(input.paid);
  const price = fen(input.price);
  const lines: RefundLine[] = [];
  const withinCoolingOff = input.endedOn <= coolingOffEnds;
  lines.push({
    key: withinCoolingOff
      ? 'Signed on {{signed}}; the cooling-off period of {{days}} days ran to {{last}}; ended on {{ended}}, within it.'
      : 'Signed on {{signed}}; the cooling-off period of {{days}} days ran to {{last}}; ended on {{ended}}, after it.',
    values: { signed, days: input.coolingOffDays, last: coolingOffEnds, ended: input.endedOn },
  });
  if (withinCoolingOff) {
    const refund = Math.max(0, paid);
    lines.push({
      key: 'Within the cooling-off period everything paid is refunded: {{paid}}.',
      values: { paid: money(paid) },
    });
    lines.push({
      key: 'Proposed refund: {{refund}}, to be paid by {{payBy}}.',
      values: { refund: money(refund), payBy },
    });
    return { withinCoolingOff, coolingOffEnds, share: { num: 1, den: 1 }, refund: yuan(refund), payBy, lines };
  }
  const byIntroductions = introductionShare(input.promised, input.delivered);
  const byTerm = termShare(input.startDate, input.endDate, input.endedOn);
  lines.push({
    key: 'Introductions: {{promised}} promised, {{delivered}} delivered, {{left}} not delivered: a share of {{share}}.',
    values: {
      promised: input.promised,
      delivered: input.delivered,
      left: Math.max(0, input.promised - input.delivered),
      share: percent(byIntroductions),
    },
  });
  lines.push({
    key: 'Term: {{start}} to {{end}}, {{total}} days; {{left}} days left after {{ended}}: a share of {{share}}.',
    values: {
      start: input.startDate,
      end: input.endDate,
      total: byTerm.den,
      left: byTerm.num,
      ended: input.endedOn,
      share: percent(byTerm),
    },
  });
  const share =
    input.rule === 'term'
      ? byTerm
      : input.rule === 'lesser'
        ? compare(byIntroductions, byTerm) <= 0
          ? byIntroductions
          : byTerm
        : input.rule === 'greater'
          ? compare(byIntroductions, byTerm) >= 0
            ? byIntroductions
            : byTerm
          : byIntroductions;
  lines.push({
    key: 'The agency’s rule: {{rule}}; the share not delivered is {{share}}.',
    values: { rule: input.rule, share: percent(share) },
  });
  const deliveredValue = price - Math.round((price * share.num) / share.den);
  lines.push({
    key: 'The service delivered is worth {{price}} × (1 − {{share}}) = {{value}}.',
    values: { price: money(price), share: percent(share), value: money(deliveredValue) },
  });
  const refund = Math.max(0, paid - deliveredValue);
  lines.push({
    key:
      paid >= deliveredValue
        ? 'Paid so far (refunds already made deducted): {{paid}}; less {{value}} leaves {{refund}}.'
        : 'Paid so far (refunds already made deducted): {{paid}}, less than {{value}}: nothing to refund.',
    values: { paid: money(paid), value: money(deliveredValue), refund: money(refund) },
  });
  lines.push({
    key: 'Proposed refund: {{refund}}, to be paid by {{payBy}}.',
    values: { refund: money(refund), payBy },
  });
  return { withinCoolingOff, coolingOffEnds, share, refund: yuan(refund), payBy, lines };
}
