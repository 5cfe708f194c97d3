import { decodeQR } from 'qr/decode.js';
import { describe, expect, it } from 'vitest';
import { cashReceiptSchema } from '../../../shared/domain/cash';
import { lineKeyOf } from '../../../shared/domain/cart-line';
import { orderSchema, type Order } from '../../../shared/domain/order';
import type { RefundEntry } from '../../../shared/domain/refunds';
import { storeInfoSchema } from '../../../shared/domain/settings';
import { contentWidthMm } from '../../../renderer/src/features/receipt/paper-layout';
import { pageFor, pageRule } from '../../../renderer/src/features/receipt/print-page';
import { qrPath } from '../../../renderer/src/features/receipt/qr-path';
import {
  receiptModel,
  type PaperReceiptModel,
  type ReceiptModelInput,
} from '../../../renderer/src/features/receipt/receipt-model';

const STORE = storeInfoSchema.parse({
  name: '토스 카페',
  owner: '김토스',
  businessNumber: '1208147521',
  address: '서울 강남구 테헤란로 131',
  phone: '02-1544-7772',
});
const RECEIPT_URL =
  'https://dashboard.tosspayments.com/receipt/redirection?transactionId=tviva20261201140327abcd&ref=PX';

/** A paid order as main keeps it: 2 아메리카노 and a 카페라테, a 1,000원 coupon and a 10% manual discount, by a Shinhan card in 3 months. */
function cardOrder(overrides: Partial<Order> = {}): Order {
  return orderSchema.parse({
    orderId: '20261201-K7Q2M9XPLA4B',
    businessDay: '2026-12-01',
    createdAt: '2026-12-01T14:02:55+09:00',
    updatedAt: '2026-12-01T14:03:27+09:00',
    training: false,
    lines: [
      {
        productId: 'americano',
        name: '아메리카노',
        unitPrice: 4500,
        quantity: 2,
        lineTotal: 9000,
        discount: 1200,
        options: [],
        memo: null,
      },
      {
        productId: 'cafe-latte',
        name: '카페라테',
        unitPrice: 5000,
        quantity: 1,
        lineTotal: 5000,
        discount: 1200,
        options: [],
        memo: null,
      },
    ],
    orderName: '아메리카노 외 1건',
    amount: 11_600,
    supplyAmount: 10_545,
    vatAmount: 1_055,
    status: 'PAID',
    attempts: [],
    payment: {
      paymentKey: 'tviva20261201140327abcd',
      method: '카드',
      totalAmount: 11_600,
      approvedAt: '2026-12-01T14:03:27+09:00',
      cardNumber: '43301234****001*',
      approveNo: '30018246',
      cardType: '신용',
      installmentPlanMonths: 3,
      receiptUrl: RECEIPT_URL,
      issuerCode: '41',
    },
    callNumber: 17,
    discounts: [
      { source: 'coupon', code: 'OPEN-2026-AAAA', name: '오픈 기념', definitionId: 'd1', amount: 1000, shares: [] },
      { source: 'manual', kind: 'percent', value: 10, reason: '단골', approvedBy: null, amount: 1400, shares: [] },
    ],
    ...overrides,
  });
}

/** The same order paid in cash: 20,000원 handed over, a 소득공제 현금영수증 issued to a phone number. */
function cashOrder(): Order {
  return cardOrder({
    payment: null,
    discounts: [],
    amount: 14_000,
    supplyAmount: 12_727,
    vatAmount: 1_273,
    cash: {
      received: 20_000,
      change: 6_000,
      paidAt: '2026-12-01T15:10:00+09:00',
      // Stripped to the fields this version of the schema keeps: the 현금영수증's record is still growing.
      cashReceipt: cashReceiptSchema.strip().parse({
        type: '소득공제',
        identityMasked: '010-****-5678',
        status: 'ISSUED',
        receiptKey: 'cr_key_1',
        issueNumber: '158934721',
        receiptUrl: 'https://dashboard.tosspayments.com/receipt/cash?k=cr_key_1',
        canceledAmount: 0,
        failure: null,
        requestedAt: '2026-12-01T15:10:01+09:00',
        requestId: 'cr-20261201-K7Q2M9XPLA4B-1',
      }),
    },
  });
}

function refund(overrides: Partial<RefundEntry> = {}): RefundEntry {
  return {
    refundId: 'r1',
    kind: 'lines',
    amount: 4_300,
    lines: [
      { lineKey: 'americano', quantity: 1, amount: 3_900 },
      { lineKey: 'cafe-latte', quantity: 0, amount: 0 },
    ],
    reason: '고객 변심',
    approvedBy: '김토스',
    requestedAt: '2026-12-01T16:00:00+09:00',
    status: 'DONE',
    transactionKey: 'tx-1',
    canceledAt: '2026-12-01T16:00:02+09:00',
    tossBalance: 7_300,
    failure: null,
    coupon: 'kept',
    ...overrides,
  };
}

function model(input: Partial<ReceiptModelInput> & Pick<ReceiptModelInput, 'order'>): PaperReceiptModel {
  return receiptModel({ subject: { kind: 'sale' }, store: STORE, locale: 'ko', paperWidth: 80, ...input });
}

/** What a row section says, as "label: value" lines: what a customer reads. */
function said(rows: ReadonlyArray<{ label: string; value: string }>): string[] {
  return rows.map((row) => `${row.label}: ${row.value}`);
}

describe('a card sale on paper', () => {
  const paper = model({ order: cardOrder() });

  it('heads with the shop as Settings have it: 상호, 대표자, the business number grouped, address and phone', () => {
    expect(paper.store).toEqual({
      name: '토스 카페',
      lines: ['대표자 김토스', '사업자등록번호 120-81-47521', '서울 강남구 테헤란로 131', '전화 02-1544-7772'],
    });
    expect(paper.storeMissing).toBeNull();
    expect(paper.title).toBe('영수증');
  });

  it('names the order, its time in Seoul and its call number', () => {
    expect(said(paper.meta)).toEqual([
      '주문번호: 20261201-K7Q2M9XPLA4B',
      '거래일시: 2026-12-01 14:03:27',
      '대기번호: 17',
    ]);
  });

  it('lists each line with its unit price, then the coupon and the manual discount off the items’ sum', () => {
    expect(paper.items).toEqual([
      { name: '아메리카노', options: null, memo: null, quantity: 2, unitPrice: '4,500원', amount: '9,000원' },
      { name: '카페라테', options: null, memo: null, quantity: 1, unitPrice: '5,000원', amount: '5,000원' },
    ]);
    expect(paper.subtotal).toEqual({ label: '상품 합계', value: '14,000원' });
    expect(said(paper.adjustments)).toEqual(['쿠폰 · 오픈 기념: −1,000원', '할인 10% · 단골: −1,400원']);
    expect(said([paper.total, ...paper.taxes])).toEqual(['합계: 11,600원', '공급가액: 10,545원', '부가세: 1,055원']);
  });

  it('says how it was paid: card company, masked number, installment, approval number and time', () => {
    expect(said(paper.payment)).toEqual([
      '결제수단: 카드',
      '카드사: 신한',
      '카드번호: 43301234****001*',
      '카드 종류: 신용',
      '할부: 3개월',
      '승인번호: 30018246',
      '승인일시: 2026-12-01 14:03:27',
    ]);
    expect(
      said(model({ order: cardOrder({ payment: { ...cardOrder().payment!, installmentPlanMonths: 0 } }) }).payment),
    ).toContain('할부: 일시불');
  });

  it('carries the Toss receipt link as its QR code, and the PDF is named for the order', () => {
    expect(paper.qr?.url).toBe(RECEIPT_URL);
    expect(paper.fileName).toBe('receipt-20261201-K7Q2M9XPLA4B.pdf');
  });

  it('in English, with the card company and the terms in English', () => {
    const english = model({
      order: cardOrder(),
      locale: 'en',
      lineName: (line) => (line.productId === 'americano' ? 'Americano' : line.name),
    });
    expect(english.title).toBe('Receipt');
    expect(english.items[0]?.name).toBe('Americano');
    expect(said(english.payment)).toEqual(
      expect.arrayContaining([
        'Paid by: Card',
        'Card issuer: Shinhan',
        'Card type: Credit',
        'Instalments: 3 months',
        'Approval no.: 30018246',
      ]),
    );
    expect(said([english.total, ...english.taxes])).toEqual([
      'Total: ₩11,600',
      'Supply amount: ₩10,545',
      'VAT: ₩1,055',
    ]);
  });

  it('without a coupon or discount prints no subtotal and no discount lines', () => {
    const plain = model({
      order: cardOrder({ discounts: [], amount: 14_000, supplyAmount: 12_727, vatAmount: 1_273 }),
    });
    expect(plain.subtotal).toBeNull();
    expect(plain.adjustments).toEqual([]);
    expect(plain.total.value).toBe('14,000원');
  });

  it('a training sale says so above everything; a shop with no details says where to enter them', () => {
    expect(model({ order: cardOrder({ training: true }) }).training).toBe('교육용 — 실제 거래 아님');
    expect(paper.training).toBeNull();
    const bare = model({ order: cardOrder(), store: null });
    expect(bare.store).toBeNull();
    expect(bare.storeMissing).toBe('가게 정보가 없습니다 (설정에서 입력)');
  });

  it('never turns a link that is not http(s) into a QR code', () => {
    expect(
      model({ order: cardOrder({ payment: { ...cardOrder().payment!, receiptUrl: 'javascript:alert(1)' } }) }).qr,
    ).toBeNull();
  });
});

describe('options and memos on paper', () => {
  const soldOption = (groupId: string, optionId: string, name: string, count: number, unitPrice: number) => ({
    groupId,
    optionId,
    name,
    count,
    unitPrice,
  });
  const ICED_LARGE = [
    soldOption('temperature', 'ice', 'ICE', 1, 0),
    soldOption('size', 'size-l', '라지', 1, 500),
    soldOption('extra-shot', 'shot', '샷 추가', 2, 500),
  ];
  const HOT = [soldOption('temperature', 'hot', 'HOT', 1, 0), soldOption('size', 'size-r', '레귤러', 1, 0)];
  /** Two lattes told apart by their options, the iced one with a memo, and a memo on the order. */
  const twoLattes = () =>
    cardOrder({
      lines: [
        {
          productId: 'cafe-latte',
          name: '카페라테',
          unitPrice: 6_500,
          quantity: 1,
          lineTotal: 6_500,
          discount: 0,
          options: ICED_LARGE,
          memo: '얼음 적게',
        },
        {
          productId: 'cafe-latte',
          name: '카페라테',
          unitPrice: 5_000,
          quantity: 1,
          lineTotal: 5_000,
          discount: 0,
          options: HOT,
          memo: null,
        },
      ],
      discounts: [],
      amount: 11_500,
      supplyAmount: 10_455,
      vatAmount: 1_045,
      memo: '5번 테이블',
    });

  it('each line carries its options in the order sold, with how many, and its memo; the order’s memo is with its number', () => {
    const paper = model({ order: twoLattes() });
    expect(paper.items).toEqual([
      {
        name: '카페라테',
        options: 'ICE · 라지 · 샷 추가 ×2',
        memo: '얼음 적게',
        quantity: 1,
        unitPrice: '6,500원',
        amount: '6,500원',
      },
      { name: '카페라테', options: 'HOT · 레귤러', memo: null, quantity: 1, unitPrice: '5,000원', amount: '5,000원' },
    ]);
    expect(said(paper.meta)).toEqual([
      '주문번호: 20261201-K7Q2M9XPLA4B',
      '거래일시: 2026-12-01 14:03:27',
      '대기번호: 17',
      '메모: 5번 테이블',
    ]);
    expect(said([paper.total])).toEqual(['합계: 11,500원']);
  });

  it('in English, with the names the catalog gives (the memo as typed)', () => {
    const english = model({
      order: twoLattes(),
      locale: 'en',
      lineOptions: (line) => line.options.map((o) => (o.optionId === 'ice' ? 'Iced' : o.name)).join(' + '),
    });
    expect(english.items[0]).toMatchObject({ options: 'Iced + 라지 + 샷 추가', memo: '얼음 적게' });
    expect(said(english.meta)).toContain('Note: 5번 테이블');
  });

  it('a refund of one of two lattes names the one that went back, by its options', () => {
    const order = twoLattes();
    const [iced] = order.lines;
    const paper = model({
      order,
      subject: {
        kind: 'refund',
        refund: refund({ amount: 6_500, lines: [{ lineKey: lineKeyOf(iced!), quantity: 1, amount: 6_500 }] }),
      },
    });
    expect(paper.items).toEqual([
      {
        name: '카페라테',
        options: 'ICE · 라지 · 샷 추가 ×2',
        memo: '얼음 적게',
        quantity: 1,
        unitPrice: null,
        amount: '6,500원',
      },
    ]);
  });
});

describe('a cash sale on paper', () => {
  const paper = model({ order: cashOrder() });

  it('says what was handed over, the change and the 현금영수증 with its number, the identity masked', () => {
    expect(said(paper.payment)).toEqual([
      '결제수단: 현금',
      '받은 금액: 20,000원',
      '거스름돈: 6,000원',
      '현금영수증: 소득공제 · 발급',
      '식별번호: 010-****-5678',
      '현금영수증 승인번호: 158934721',
    ]);
    expect(said(paper.meta)).toContain('거래일시: 2026-12-01 15:10:00');
  });

  it('links the 현금영수증 at Toss as its QR code', () => {
    expect(paper.qr?.url).toBe('https://dashboard.tosspayments.com/receipt/cash?k=cr_key_1');
  });

  it('a 현금영수증 still being issued says so, and has no number yet', () => {
    const cash = cashOrder().cash!;
    const issuing = model({
      order: {
        ...cashOrder(),
        cash: { ...cash, cashReceipt: { ...cash.cashReceipt!, status: 'ISSUING', issueNumber: null } },
      },
    });
    expect(said(issuing.payment)).toContain('현금영수증: 소득공제 · 발급 확인 중');
    expect(said(issuing.payment).some((row) => row.startsWith('현금영수증 승인번호'))).toBe(false);
  });

  it('a cash sale without a 현금영수증 prints only the tender', () => {
    const order = { ...cashOrder(), cash: { ...cashOrder().cash!, cashReceipt: null } };
    expect(said(model({ order }).payment)).toEqual(['결제수단: 현금', '받은 금액: 20,000원', '거스름돈: 6,000원']);
    expect(model({ order }).qr).toBeNull();
  });

  it('a sale its discounts made free says it was paid by discount', () => {
    const free = model({ order: cardOrder({ payment: null, amount: 0, supplyAmount: 0, vatAmount: 0 }) });
    expect(said(free.payment)).toEqual(['결제수단: 할인으로 전액 결제']);
  });
});

describe('a refund receipt', () => {
  it('lists what went back, the refunded amount split into 공급가액/부가세, the original approval and what is still paid', () => {
    const paper = model({ order: cardOrder(), subject: { kind: 'refund', refund: refund() } });
    expect(paper.title).toBe('환불 영수증');
    expect(paper.items).toEqual([
      { name: '아메리카노', options: null, memo: null, quantity: 1, unitPrice: null, amount: '3,900원' },
    ]);
    // round(4,300 / 11) = 391.
    expect(said([paper.total, ...paper.taxes])).toEqual(['환불 금액: 4,300원', '공급가액: 3,909원', '부가세: 391원']);
    expect(said(paper.meta)).toEqual([
      '주문번호: 20261201-K7Q2M9XPLA4B',
      '거래일시: 2026-12-01 14:03:27',
      '환불일시: 2026-12-01 16:00:02',
    ]);
    expect(said(paper.payment)).toEqual([
      '결제수단: 카드 결제 취소',
      '카드사: 신한',
      '카드번호: 43301234****001*',
      '원거래 승인번호: 30018246',
      '환불 사유: 고객 변심',
      '남은 결제 금액: 7,300원',
    ]);
    expect(paper.subtotal).toBeNull();
    expect(paper.adjustments).toEqual([]);
    expect(paper.notice).toBeNull();
    expect(paper.fileName).toBe('refund-20261201-K7Q2M9XPLA4B-r1.pdf');
  });

  it('a refund by amount names no lines, and one Toss has not confirmed says so', () => {
    const paper = model({
      order: cardOrder(),
      subject: {
        kind: 'refund',
        refund: refund({
          kind: 'amount',
          lines: [],
          amount: 2_000,
          status: 'REFUNDING',
          canceledAt: null,
          tossBalance: null,
        }),
      },
    });
    expect(paper.items).toEqual([
      { name: '금액 환불', options: null, memo: null, quantity: null, unitPrice: null, amount: '2,000원' },
    ]);
    expect(paper.notice).toBe('환불 처리 중 — 토스 확인 전입니다');
    expect(said(paper.meta)).toContain('환불일시: 2026-12-01 16:00:00');
    expect(said(paper.payment).some((row) => row.startsWith('남은 결제 금액'))).toBe(false);
  });

  it('of a cash sale: a cash refund, with its 현금영수증 as it stands now', () => {
    const cash = cashOrder().cash!;
    const order = {
      ...cashOrder(),
      cash: { ...cash, cashReceipt: { ...cash.cashReceipt!, status: 'CANCELED' as const, canceledAmount: 14_000 } },
    };
    const paper = model({
      order,
      subject: { kind: 'refund', refund: refund({ kind: 'full', amount: 14_000, tossBalance: null }) },
    });
    expect(said(paper.payment)).toEqual([
      '결제수단: 현금 환불',
      '현금영수증: 소득공제 · 발급 취소',
      '식별번호: 010-****-5678',
      '현금영수증 승인번호: 158934721',
      '환불 사유: 고객 변심',
    ]);
  });
});

/** The card order paid in parts: 5,000원 on the Shinhan card, a second card declined, the rest (6,600원) in cash with a 현금영수증. */
function splitOrder(): Order {
  const card = cardOrder();
  const cash = cashOrder().cash!;
  return cardOrder({
    payment: null,
    parts: [
      {
        part: 1,
        method: 'card',
        amount: 5_000,
        tossOrderId: `${card.orderId}-p1`,
        status: 'PAID',
        payment: { ...card.payment!, totalAmount: 5_000, installmentPlanMonths: 0 },
        cash: null,
        openedAt: '2026-12-01T14:03:00+09:00',
        endedAt: '2026-12-01T14:03:27+09:00',
      },
      {
        part: 2,
        method: 'card',
        amount: 6_600,
        tossOrderId: `${card.orderId}-p2`,
        status: 'FAILED',
        payment: null,
        cash: null,
        openedAt: '2026-12-01T14:04:00+09:00',
        endedAt: '2026-12-01T14:04:10+09:00',
      },
      {
        part: 3,
        method: 'cash',
        amount: 6_600,
        tossOrderId: null,
        status: 'PAID',
        payment: null,
        cash: { ...cash, received: 10_000, change: 3_400 },
        openedAt: '2026-12-01T14:05:00+09:00',
        endedAt: '2026-12-01T14:05:00+09:00',
      },
    ],
  });
}

describe('a sale paid in parts on paper', () => {
  it('lists each paid part under its name and amount: the card’s rows, the cash tender and its 현금영수증; a declined part not at all', () => {
    const paper = model({ order: splitOrder() });
    expect(said(paper.payment)).toEqual([
      '결제수단: 나눠 결제',
      '카드 1: 5,000원',
      '카드사: 신한',
      '카드번호: 43301234****001*',
      '카드 종류: 신용',
      '할부: 일시불',
      '승인번호: 30018246',
      '승인일시: 2026-12-01 14:03:27',
      '현금: 6,600원',
      '받은 금액: 10,000원',
      '거스름돈: 3,400원',
      '현금영수증: 소득공제 · 발급',
      '식별번호: 010-****-5678',
      '현금영수증 승인번호: 158934721',
    ]);
    expect(said([paper.total])).toEqual(['합계: 11,600원']);
  });

  it('a refund says which part it went back to: the card part by its card’s cancel, the cash part in cash', () => {
    const toCard = model({
      order: splitOrder(),
      subject: { kind: 'refund', refund: refund({ kind: 'full', amount: 5_000, lines: [], part: 1, tossBalance: 0 }) },
    });
    expect(said(toCard.payment)).toEqual([
      '결제수단: 카드 결제 취소',
      '환불한 결제: 카드 1 · 5,000원',
      '카드사: 신한',
      '카드번호: 43301234****001*',
      '원거래 승인번호: 30018246',
      '환불 사유: 고객 변심',
      '남은 결제 금액: 0원',
    ]);
    const toCash = model({
      order: splitOrder(),
      subject: {
        kind: 'refund',
        refund: refund({ kind: 'amount', amount: 1_000, lines: [], part: 3, tossBalance: null }),
      },
    });
    expect(said(toCash.payment)).toEqual([
      '결제수단: 현금 환불',
      '환불한 결제: 현금 · 6,600원',
      '현금영수증: 소득공제 · 발급',
      '식별번호: 010-****-5678',
      '현금영수증 승인번호: 158934721',
      '환불 사유: 고객 변심',
    ]);
  });

  it('in English too', () => {
    const paper = model({ order: splitOrder(), locale: 'en' });
    expect(said(paper.payment).slice(0, 2)).toEqual(['Paid by: Split payment', 'Card 1: ₩5,000']);
    expect(said(paper.payment)).toContain('Cash: ₩6,600');
  });
});

describe('80 mm and 58 mm paper', () => {
  it('80 mm prints 72 mm wide with the items in columns; 58 mm prints 48 mm, smaller, with each amount under its name', () => {
    const wide = model({ order: cardOrder(), paperWidth: 80 }).layout;
    const narrow = model({ order: cardOrder(), paperWidth: 58 }).layout;
    expect([wide.paperWidth, contentWidthMm(wide), wide.items]).toEqual([80, 72, 'columns']);
    expect([narrow.paperWidth, contentWidthMm(narrow), narrow.items]).toEqual([58, 48, 'stacked']);
    expect(narrow.fontSizePt).toBeLessThan(wide.fontSizePt);
    // The QR code still fits the narrow paper with room to spare, and stays large enough to scan (≥ 20 mm).
    expect(narrow.qrSizeMm).toBeGreaterThanOrEqual(20);
    expect(narrow.qrSizeMm).toBeLessThan(contentWidthMm(narrow));
  });

  it('the same words go on either paper', () => {
    const wide = model({ order: cardOrder(), paperWidth: 80 });
    const narrow = model({ order: cardOrder(), paperWidth: 58 });
    expect({ ...narrow, layout: null }).toEqual({ ...wide, layout: null });
  });

  it('the page is as long as the receipt, on its own paper width, with no margins', () => {
    // 600 CSS px = 158.75 mm, rounded up, and 3 mm past the last line.
    expect(pageFor(58, 600)).toEqual({ widthMm: 58, heightMm: 162 });
    expect(pageFor(80, 10)).toEqual({ widthMm: 80, heightMm: 40 });
    expect(pageRule({ widthMm: 80, heightMm: 183 })).toBe('@page { size: 80mm 183mm; margin: 0; }');
  });
});

describe('the QR code', () => {
  /** The path drawn as black-on-white pixels, 4 per module: what a phone camera sees. */
  function rasterise(text: string): { width: number; height: number; data: Uint8Array } {
    const { size, path } = qrPath(text);
    const scale = 4;
    const side = size * scale;
    const data = new Uint8Array(side * side * 4).fill(255);
    for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
      for (let dy = 0; dy < scale; dy += 1) {
        for (let dx = 0; dx < scale; dx += 1) {
          const at = ((Number(y) * scale + dy) * side + Number(x) * scale + dx) * 4;
          data.fill(0, at, at + 3);
        }
      }
    }
    return { width: side, height: side, data };
  }

  it('reads back as the Toss receipt link', () => {
    expect(decodeQR(rasterise(RECEIPT_URL))).toBe(RECEIPT_URL);
  });

  it('keeps a quiet zone round the symbol', () => {
    const { size, path } = qrPath(RECEIPT_URL);
    const xs = [...path.matchAll(/M(\d+) (\d+)/g)].flatMap(([, x, y]) => [Number(x), Number(y)]);
    expect(Math.min(...xs)).toBe(2);
    expect(Math.max(...xs)).toBe(size - 3);
  });
});
