import type { PosErrorCode, PosErrorData, PosErrorDetails } from '../domain/errors';
import { formatWon } from '../domain/money';
import { formatSeoulTime } from '../domain/time';
import { catalogConflictMessage } from './catalog-conflict-messages';
import { josa } from './josa';
import type { Locale } from './locale';

export type { Locale };

type Text = Record<Locale, string>;

/** Toss's own codes (REST and SDK) worded for the person at the counter. */
const tossMessages: Record<string, Text> = {
  USER_CANCEL: {
    ko: '고객이 결제창을 닫았습니다. 다시 결제할 수 있습니다.',
    en: 'The customer closed the payment window. You can take payment again.',
  },
  PAY_PROCESS_CANCELED: {
    ko: '고객이 결제를 취소했습니다. 다시 결제할 수 있습니다.',
    en: 'The customer cancelled the payment. You can take payment again.',
  },
  PAYMENT_REQUEST_ABORTED: {
    ko: '결제창이 닫혔습니다. 다시 결제할 수 있습니다.',
    en: 'The payment window was closed. You can take payment again.',
  },
  PAY_PROCESS_ABORTED: {
    ko: '결제 승인 중 문제가 생겼습니다. 다시 시도해 주세요.',
    en: 'Approval failed during payment. Please try again.',
  },
  REJECT_CARD_COMPANY: {
    ko: '카드사에서 결제를 거절했습니다. 다른 카드로 결제해 주세요.',
    en: 'The card company declined the payment. Please use another card.',
  },
  REJECT_CARD_PAYMENT: {
    ko: '한도 초과 또는 잔액 부족으로 거절되었습니다. 다른 카드로 결제해 주세요.',
    en: 'Declined: over the limit or insufficient balance. Please use another card.',
  },
  INVALID_CARD_EXPIRATION: {
    ko: '카드 유효기간이 맞지 않습니다. 카드를 확인하거나 다른 카드로 결제해 주세요.',
    en: 'The card expiry date is invalid. Check the card or use another one.',
  },
  INVALID_REJECT_CARD: {
    ko: '사용할 수 없는 카드입니다. 다른 카드로 결제해 주세요.',
    en: 'This card cannot be used. Please use another card.',
  },
  INVALID_STOPPED_CARD: {
    ko: '정지된 카드입니다. 다른 카드로 결제해 주세요.',
    en: 'This card is suspended. Please use another card.',
  },
  INVALID_CARD_NUMBER: {
    ko: '카드 번호가 올바르지 않습니다. 다른 카드로 결제해 주세요.',
    en: 'The card number is invalid. Please use another card.',
  },
  INVALID_CARD_LOST_OR_STOLEN: {
    ko: '분실 또는 도난 신고된 카드입니다. 다른 카드로 결제해 주세요.',
    en: 'This card was reported lost or stolen. Please use another card.',
  },
  EXCEED_MAX_PAYMENT_AMOUNT: {
    ko: '결제 한도를 넘었습니다. 다른 카드로 결제해 주세요.',
    en: 'The payment limit was exceeded. Please use another card.',
  },
  EXCEED_MAX_DAILY_PAYMENT_COUNT: {
    ko: '하루 결제 횟수를 넘었습니다. 다른 카드로 결제해 주세요.',
    en: 'The daily payment count was exceeded. Please use another card.',
  },
  BELOW_MINIMUM_AMOUNT: { ko: '카드 결제는 100원 이상부터 가능합니다.', en: 'Card payments must be at least ₩100.' },
  CARD_PROCESSING_ERROR: {
    ko: '카드사 처리 중 오류가 났습니다. 다시 시도하거나 다른 카드를 사용해 주세요.',
    en: 'The card company had an error. Try again or use another card.',
  },
  PROVIDER_ERROR: {
    ko: '카드사 일시 오류입니다. 잠시 후 다시 결제해 주세요.',
    en: 'Temporary card company error. Please take payment again shortly.',
  },
  FDS_ERROR: {
    ko: '위험 거래로 차단되었습니다. 다른 결제 수단을 사용해 주세요.',
    en: 'Blocked as a risky transaction. Please use another payment method.',
  },
  NOT_FOUND_PAYMENT_SESSION: {
    ko: '결제 시간이 만료되었습니다. 청구된 금액은 없습니다. 다시 결제해 주세요.',
    en: 'The payment session expired. Nothing was charged. Please take payment again.',
  },
  UNAUTHORIZED_KEY: {
    ko: '토스페이먼츠 키가 올바르지 않습니다. 관리자에게 설정 확인을 요청하세요.',
    en: 'The Toss Payments key is not valid. Ask a manager to check the settings.',
  },
  INVALID_API_KEY: {
    ko: '토스페이먼츠 키가 올바르지 않습니다. 관리자에게 설정 확인을 요청하세요.',
    en: 'The Toss Payments key is not valid. Ask a manager to check the settings.',
  },
  INVALID_CLIENT_KEY: {
    ko: '토스페이먼츠 클라이언트 키가 올바르지 않습니다. 관리자에게 문의하세요.',
    en: 'The Toss Payments client key is not valid. Ask a manager.',
  },
  FAILED_INTERNAL_SYSTEM_PROCESSING: {
    ko: '토스페이먼츠 일시 오류입니다. 잠시 후 다시 시도해 주세요.',
    en: 'Temporary Toss Payments error. Please try again shortly.',
  },
  FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING: {
    ko: '결제가 완료되지 않았습니다. 다시 시도해 주세요.',
    en: 'The payment did not complete. Please try again.',
  },
  NOT_CANCELABLE_AMOUNT: {
    ko: '환불할 수 있는 금액을 넘었습니다. 환불하지 않았습니다.',
    en: 'More than can be refunded. Nothing was refunded.',
  },
  NOT_MATCHES_REFUNDABLE_AMOUNT: {
    ko: '토스페이먼츠의 환불 가능 금액이 달라졌습니다. 주문을 다시 열어 확인해 주세요. 환불하지 않았습니다.',
    en: 'The refundable amount at Toss Payments changed. Reopen the order and check. Nothing was refunded.',
  },
  NOT_CANCELABLE_PAYMENT: {
    ko: '환불할 수 없는 결제입니다. 카드사에 문의하도록 안내해 주세요.',
    en: 'This payment cannot be refunded. The customer should contact their card company.',
  },
  EXCEED_MAX_REFUND_DUE: {
    ko: '환불 가능 기간이 지났습니다. 환불하지 않았습니다.',
    en: 'The refund period has passed. Nothing was refunded.',
  },
  NOT_ALLOWED_PARTIAL_REFUND: {
    ko: '이 결제는 부분 환불을 할 수 없습니다. 전액 환불만 가능합니다.',
    en: 'This payment cannot be refunded in part; only in full.',
  },
  REFUND_REJECTED: {
    ko: '카드사가 환불을 거절했습니다. 환불하지 않았습니다.',
    en: 'The card company refused the refund. Nothing was refunded.',
  },
  UNKNOWN_PAYMENT_ERROR: {
    ko: '결제에 실패했습니다. 반복되면 카드사에 문의하도록 안내해 주세요.',
    en: 'The payment failed. If it repeats, the customer should contact their card company.',
  },
};

const codeMessages: Record<PosErrorCode, Text> = {
  INVALID_INPUT: { ko: '요청 내용이 올바르지 않습니다.', en: 'The request was not valid.' },
  EMPTY_CART: { ko: '장바구니가 비어 있습니다. 상품을 담아 주세요.', en: 'The cart is empty. Add a product first.' },
  UNKNOWN_PRODUCT: {
    ko: '판매하지 않는 상품이 있습니다. 장바구니를 확인해 주세요.',
    en: 'The cart holds a product that is not for sale. Check the cart.',
  },
  ORDER_NOT_FOUND: { ko: '주문을 찾을 수 없습니다.', en: 'The order was not found.' },
  ORDER_ALREADY_PAID: { ko: '이미 결제가 끝난 주문입니다.', en: 'This order is already paid.' },
  ORDER_WRONG_MODE: {
    ko: '이 주문은 다른 모드(교육/실제)에서 만들어져 지금은 결제할 수 없습니다. 새 주문으로 다시 담아 주세요.',
    en: 'This order was rung up in the other mode (training/live) and cannot be paid now. Ring it up again.',
  },
  STOCK_SHORT: {
    ko: '남은 재고보다 많이 팔 수 없습니다. 수량을 줄여 주세요.',
    en: 'The cart holds more of a product than is left in stock. Lower the quantity.',
  },
  PRODUCT_SOLD_OUT: {
    ko: '품절된 상품이 있습니다. 장바구니에서 빼 주세요.',
    en: 'The cart holds a sold-out product. Remove it first.',
  },
  OPTION_INVALID: {
    ko: '상품 옵션이 올바르지 않습니다. 옵션을 다시 골라 주세요.',
    en: 'A product’s options are not valid. Pick them again.',
  },
  AMOUNT_MISMATCH: {
    ko: '결제 금액이 주문 금액과 다릅니다. 결제를 진행하지 않았습니다.',
    en: 'The payment amount does not match the order. Nothing was charged.',
  },
  PAYMENT_MISMATCH: {
    ko: '결제 정보가 이 주문의 것이 아닙니다. 결제를 진행하지 않았습니다. 다시 결제해 주세요.',
    en: 'That payment does not belong to this order. Nothing was charged for it. Please take payment again.',
  },
  PAYMENT_DECLINED: {
    ko: '결제가 거절되었습니다. 다른 카드로 결제해 주세요.',
    en: 'The payment was declined. Please use another card.',
  },
  PAYMENT_EXPIRED: {
    ko: '결제 시간이 만료되었습니다. 청구된 금액은 없습니다. 다시 결제해 주세요.',
    en: 'The payment session expired. Nothing was charged. Please take payment again.',
  },
  PAYMENT_TEMPORARY_FAILURE: {
    ko: '일시적인 오류로 결제하지 못했습니다. 다시 시도해 주세요.',
    en: 'A temporary error stopped the payment. Please try again.',
  },
  PAYMENT_CANCELED_BY_CUSTOMER: {
    ko: '고객이 결제를 취소했습니다. 다시 결제할 수 있습니다.',
    en: 'The customer cancelled the payment. You can take payment again.',
  },
  TOSS_UNREACHABLE: {
    ko: '토스페이먼츠에 연결할 수 없습니다. 네트워크를 확인한 뒤 다시 시도해 주세요.',
    en: 'Cannot reach Toss Payments. Check the network and try again.',
  },
  TOSS_CONFIGURATION: {
    ko: '결제 설정에 문제가 있습니다. 관리자에게 문의하세요.',
    en: 'Payment settings are wrong. Ask a manager.',
  },
  PAYMENT_COMPENSATED: {
    ko: '결제는 승인되었지만 주문을 저장하지 못해 결제를 자동 취소했습니다. 고객에게 청구되지 않습니다.',
    en: 'The payment was approved but the sale could not be saved, so it was cancelled automatically. The customer is not charged.',
  },
  MANAGER_REQUIRED: {
    ko: '관리자 PIN으로 잠금을 풀어야 할 수 있는 일입니다.',
    en: 'A manager must unlock with their PIN first.',
  },
  PIN_WRONG: { ko: 'PIN이 맞지 않습니다. 다시 입력해 주세요.', en: 'That PIN is not right. Try again.' },
  SIGN_IN_NEEDED: {
    ko: '계산대에 로그인한 직원이 없습니다. PIN으로 로그인해 주세요.',
    en: 'Nobody is signed in at the register. Sign in with your PIN.',
  },
  NAME_SIGN_IN_OFF: {
    ko: '이름 선택으로 로그인할 수 없습니다. PIN으로 로그인해 주세요.',
    en: 'Signing in by picking a name is off. Sign in with your PIN.',
  },
  PIN_LOCKED: {
    ko: 'PIN을 여러 번 잘못 입력해 잠시 잠겼습니다. 표시된 시간 뒤에 다시 시도해 주세요.',
    en: 'Too many wrong PINs: unlocking is paused. Try again after the time shown.',
  },
  SETUP_DONE: {
    ko: '이미 관리자가 등록되어 있습니다. 관리자로 잠금을 풀어 직원을 추가하세요.',
    en: 'A manager already exists. Unlock as a manager to add staff.',
  },
  CATALOG_START_CLOSED: {
    ko: '처음 시작할 때만 고를 수 있습니다(체험용 카페 메뉴는 교육 모드에서만). 상품은 상품 관리 화면에서 바꾸세요.',
    en: 'This can be chosen on a first start only (the demo café in training mode only). Change products on the Catalog screen.',
  },
  PIN_TAKEN: {
    ko: '다른 직원이 쓰는 PIN입니다. 다른 PIN을 정해 주세요.',
    en: 'Another member of staff uses that PIN. Choose another one.',
  },
  LAST_MANAGER: {
    ko: '마지막 관리자는 비활성화할 수 없습니다. 다른 관리자를 먼저 추가하세요.',
    en: 'The last manager cannot be deactivated. Add another manager first.',
  },
  TRAINING_MANAGER_LIMITED: {
    ko: '교육용 관리자는 실제 매장에 남는 변경(직원, 설정, 키, 모드, 상품)을 할 수 없습니다. 실제 관리자 PIN으로 잠금을 해제하세요.',
    en: 'The training manager cannot make changes that stay with the real shop (staff, settings, keys, mode, products). Unlock with a real manager’s PIN.',
  },
  TOSS_KEY_REJECTED: {
    ko: '토스페이먼츠가 이 시크릿 키를 거부했습니다. 키를 확인해 주세요. 저장하지 않았습니다.',
    en: 'Toss Payments refused this secret key. Check the key; nothing was saved.',
  },
  LIVE_KEYS_MISSING: {
    ko: '실제 결제로 바꾸려면 먼저 토스페이먼츠 키를 저장해 주세요.',
    en: 'Save the Toss Payments keys before switching to live payments.',
  },
  LIVE_NEEDS_MANAGER: {
    ko: '실제 결제로 바꾸기 전에 설정 → 직원에서 사장님을 실제 관리자로 등록해 주세요.',
    en: 'Before switching to live payments, register the owner as a real manager under Settings → Staff.',
  },
  PAYMENT_IN_FLIGHT: {
    ko: '진행 중인 결제가 끝난 뒤에 바꿀 수 있습니다.',
    en: 'Wait until the payment under way has finished.',
  },
  CASH_NOT_ENOUGH: {
    ko: '받은 금액이 결제 금액보다 적습니다. 받은 금액을 다시 입력해 주세요.',
    en: 'The cash received is less than the amount due. Enter the amount received again.',
  },
  CASH_RECEIPT_REFUSED: {
    ko: '현금영수증이 발급되지 않았습니다. 번호를 확인한 뒤 판매 내역에서 다시 발급해 주세요. 판매는 기록되었습니다.',
    en: 'The cash receipt was not issued. Check the number and issue it again from the sales history. The sale is recorded.',
  },
  CASH_RECEIPT_NOT_ALLOWED: {
    ko: '이 주문에는 현금영수증을 발급할 수 없습니다 (현금 결제가 아니거나 이미 발급됨).',
    en: 'A cash receipt cannot be issued for this order (not a cash sale, or already issued).',
  },
  CASH_RECEIPT_FULLY_REFUNDED: {
    ko: '전액 환불된 판매입니다. 고객에게 돌려준 금액에는 현금영수증을 발급할 수 없습니다.',
    en: 'This sale was refunded in full: no cash receipt can be issued for money given back to the customer.',
  },
  CASH_RECEIPT_PENDING: {
    ko: '먼저 요청한 현금영수증을 토스페이먼츠가 발급했는지 아직 확인하지 못했습니다. 확인될 때까지 다른 번호나 종류로는 발급할 수 없습니다. 같은 번호와 종류로 다시 요청하거나 잠시 후 다시 시도해 주세요.',
    en: 'Toss has not yet confirmed whether it issued the cash receipt asked for first. Until it does, none can be issued to another number or of another type. Ask again with the same number and type, or try again shortly.',
  },
  CASH_RECEIPT_ALREADY_ISSUED: {
    ko: '이 판매의 현금영수증은 이미 발급되었고 그대로 유효합니다. 다른 번호나 종류로 다시 발급할 수 없습니다.',
    en: 'This sale’s cash receipt was already issued and stays valid. It cannot be issued again to another number or of another type.',
  },
  ORDER_ABANDONED: {
    ko: '이 주문은 더 이상 결제할 수 없어 정리되었습니다. 결제를 다시 눌러 새 주문으로 진행해 주세요.',
    en: 'This order can no longer be paid and was closed. Press Pay again to start a new one.',
  },
  HELD_CART_NOT_FOUND: {
    ko: '보류한 주문을 찾을 수 없습니다. 이미 불러왔거나 삭제되었습니다.',
    en: 'That held order is not there any more: it was already resumed or discarded.',
  },
  HELD_CARTS_FULL: {
    ko: '보류한 주문이 너무 많습니다. 먼저 보류 목록에서 불러오거나 삭제해 주세요.',
    en: 'Too many orders are on hold. Resume or discard some in the held list first.',
  },
  REGISTER_NOT_EMPTY: {
    ko: '장바구니에 상품이 있습니다. 지금 장바구니를 보류하거나 비운 뒤 불러와 주세요.',
    en: 'The cart is not empty. Hold or clear the current cart before resuming another.',
  },
  COUPON_UNKNOWN: { ko: '등록되지 않은 쿠폰 번호입니다.', en: 'This coupon code does not exist.' },
  COUPON_MISTYPED: {
    ko: '쿠폰 번호가 잘못 입력되었습니다. 한 글자씩 다시 확인해 주세요.',
    en: 'The coupon code was mistyped. Check it character by character.',
  },
  COUPON_NOT_YET_VALID: { ko: '아직 사용 기간이 시작되지 않은 쿠폰입니다.', en: 'This coupon is not valid yet.' },
  COUPON_EXPIRED: { ko: '사용 기간이 끝난 쿠폰입니다.', en: 'This coupon has expired.' },
  COUPON_USED: { ko: '이미 사용된 쿠폰입니다.', en: 'This coupon has already been used.' },
  COUPON_RESERVED: {
    ko: '다른 결제 중인 주문이 이 쿠폰을 사용하고 있습니다.',
    en: 'Another open order is already using this coupon.',
  },
  COUPON_VOIDED: { ko: '사용이 중지된 쿠폰입니다.', en: 'This coupon has been voided.' },
  COUPON_BELOW_MINIMUM: {
    ko: '쿠폰 최소 주문 금액에 미치지 못합니다.',
    en: 'The order is below the coupon’s minimum.',
  },
  COUPON_NOT_APPLICABLE: {
    ko: '장바구니에 이 쿠폰을 쓸 수 있는 상품이 없습니다.',
    en: 'Nothing in the cart qualifies for this coupon.',
  },
  COUPON_WINDOW_INVALID: {
    ko: '사용 기간이 올바르지 않습니다. 시작과 끝 날짜를 확인해 주세요.',
    en: 'The validity window is not right. Check the start and end.',
  },
  COUPON_ELSEWHERE: {
    ko: '다른 계산대에서 이미 사용했거나 결제 중인 쿠폰입니다.',
    en: 'This coupon was used, or is held by an open order, at another register.',
  },
  COUPON_STORE_OFFLINE: {
    ko: '공유 저장소에 연결할 수 없어 쿠폰을 쓸 수 없습니다. 쿠폰 없이 계속 판매할 수 있습니다.',
    en: 'Coupons need the shared store, which is offline. You can go on selling without a coupon.',
  },
  DISCOUNT_INVALID: { ko: '할인 내용이 올바르지 않습니다.', en: 'That discount is not valid.' },
  DISCOUNT_NEEDS_MANAGER: {
    ko: '한도를 넘는 할인이라 관리자 승인이 필요합니다.',
    en: 'This discount is above the limit and needs a manager’s approval.',
  },
  DISCOUNT_APPROVAL_INVALID: {
    ko: '이 할인 승인을 찾을 수 없습니다. 다시 관리자 승인을 받아 주세요.',
    en: 'This discount approval cannot be found. Ask a manager to approve it again.',
  },
  DISCOUNT_APPROVAL_USED: {
    ko: '이 할인 승인은 이미 다른 주문에 쓰였습니다. 승인은 한 번만 쓸 수 있으니 다시 관리자 승인을 받아 주세요.',
    en: 'This discount approval was already used on another order; an approval is good for one order. Ask a manager to approve it again.',
  },
  DISCOUNT_APPROVAL_EXPIRED: {
    ko: '할인 승인 후 15분이 지나 만료되었습니다. 다시 관리자 승인을 받아 주세요.',
    en: 'The discount approval expired 15 minutes after it was given. Ask a manager to approve it again.',
  },
  DISCOUNT_APPROVAL_OTHER_CART: {
    ko: '승인받은 뒤 장바구니(상품·수량·가격)가 바뀌었습니다. 지금 장바구니로 다시 관리자 승인을 받아 주세요.',
    en: 'The cart (items, quantities or prices) changed after the approval. Ask a manager to approve the discount for this cart.',
  },
  DISCOUNT_APPROVAL_OTHER_MODE: {
    ko: '교육 모드와 실제 판매 사이에서는 할인 승인을 함께 쓸 수 없습니다. 다시 관리자 승인을 받아 주세요.',
    en: 'A discount approval cannot cross between training and live sales. Ask a manager to approve it again.',
  },
  BELOW_CARD_MINIMUM: {
    ko: '할인 후 금액이 100원 미만이라 카드로 결제할 수 없습니다. 할인을 조정해 주세요.',
    en: 'After discounts the total is under ₩100, too little for a card. Adjust the discount.',
  },
  PART_OVER_REST: {
    ko: '남은 결제 금액보다 많이 받을 수 없습니다. 금액을 다시 입력해 주세요.',
    en: 'That is more than is left to pay. Enter the amount again.',
  },
  PART_BELOW_CARD_MINIMUM: {
    ko: '카드로 나눠 받을 금액은 100원 이상이어야 합니다. 금액을 다시 입력해 주세요.',
    en: 'A card part must be at least ₩100. Enter the amount again.',
  },
  PART_UNDER_WAY: {
    ko: '진행 중인 카드 결제가 끝난 뒤에 다음 결제를 받을 수 있습니다.',
    en: 'Finish the card payment under way before taking the next part.',
  },
  PART_NOT_OPEN: {
    ko: '이 결제는 이미 끝났습니다. 주문의 결제 내역을 확인해 주세요.',
    en: 'This part is no longer open. Check the payments of the order.',
  },
  ORDER_PAID_IN_PARTS: {
    ko: '나눠서 결제하는 중인 주문입니다. 남은 금액을 나눠 결제로 받아 주세요.',
    en: 'This order is being paid in parts. Take the rest as another part.',
  },
  CASH_PART_TAKEN: {
    ko: '이 주문은 이미 현금으로 일부를 받았습니다. 남은 금액은 카드로 받아 주세요.',
    en: 'Part of this order was already paid in cash. Take the rest by card.',
  },
  REFUND_NOT_PAID: { ko: '결제가 끝난 주문만 환불할 수 있습니다.', en: 'Only a paid order can be refunded.' },
  REFUND_INVALID: {
    ko: '환불할 상품이나 수량이 이 주문과 맞지 않습니다.',
    en: 'Those lines or quantities do not match this order.',
  },
  REFUND_EXCEEDS_BALANCE: {
    ko: '남은 결제 금액보다 많이 환불할 수 없습니다. 환불하지 않았습니다.',
    en: 'That is more than is left to refund. Nothing was refunded.',
  },
  REFUND_NOTHING_LEFT: {
    ko: '이 주문은 이미 전액 환불되었습니다.',
    en: 'This order has already been refunded in full.',
  },
  REFUND_IN_FLIGHT: {
    ko: '이 주문의 이전 환불 결과를 아직 확인하는 중입니다. 잠시 후 다시 시도해 주세요.',
    en: 'An earlier refund of this order is still being settled with Toss. Try again shortly.',
  },
  REFUND_STORE_OFFLINE: {
    ko: '공유 저장소에 연결할 수 없어 다른 계산대의 주문은 환불할 수 없습니다. 이 계산대의 주문은 환불할 수 있습니다.',
    en: 'The shared store is offline, so an order from another register cannot be refunded. This register’s own orders can.',
  },
  REFUND_PART_REQUIRED: {
    ko: '나눠서 결제한 주문입니다. 환불할 결제(카드 또는 현금)를 골라 주세요. 환불하지 않았습니다.',
    en: 'This order was paid in parts. Choose which payment to refund. Nothing was refunded.',
  },
  REFUND_DECLINED: {
    ko: '토스페이먼츠가 환불을 거절했습니다. 환불하지 않았습니다.',
    en: 'Toss Payments refused the refund. Nothing was refunded.',
  },
  DAY_ALREADY_CLOSED: {
    ko: '이미 마감한 영업일입니다. 마감 보고서(Z)를 다시 볼 수 있습니다.',
    en: 'This business day is already closed. Its Z report can be viewed again.',
  },
  DAY_NOT_STARTED: {
    ko: '아직 시작하지 않은 영업일은 마감할 수 없습니다.',
    en: 'A business day that has not started yet cannot be closed.',
  },
  DAY_HAS_OPEN_WORK: {
    ko: '토스페이먼츠와 확인 중인 결제나 환불이 있어 아직 마감할 수 없습니다. 잠시 후 다시 시도해 주세요.',
    en: 'A payment or refund is still being settled with Toss Payments, so the day cannot be closed yet. Try again shortly.',
  },
  DAY_CLOSE_IN_TRAINING: {
    ko: '교육 모드에서는 영업일을 마감할 수 없습니다. 중간 보고서(X)와 연습 마감(Z)은 해 볼 수 있습니다.',
    en: 'A business day cannot be closed in training mode. The X report and a practice close (Z) can be made.',
  },
  DAY_PRACTICE_OUTSIDE_TRAINING: {
    ko: '연습 마감은 교육 모드에서만 할 수 있습니다.',
    en: 'A practice close can only be made in training mode.',
  },
  DRAWER_NOT_OPEN: {
    ko: '열려 있는 시재가 없습니다. 먼저 시작 시재를 세어 시재를 열어 주세요.',
    en: 'No cash drawer shift is open. Count the opening float and open the drawer first.',
  },
  DRAWER_ALREADY_OPEN: {
    ko: '시재가 이미 열려 있습니다. 지금 시재를 마감한 뒤 새로 열어 주세요.',
    en: 'A cash drawer shift is already open. Close it before opening a new one.',
  },
  DRAWER_SHORT_FOR_PAID_OUT: {
    ko: '서랍에 있어야 할 현금보다 많이 출금할 수 없습니다.',
    en: 'You cannot pay out more than the drawer should hold.',
  },
  CATALOG_CONFLICT: {
    ko: '상품 목록과 맞지 않는 변경입니다. 내용을 확인해 주세요.',
    en: 'That change does not fit the catalog. Check what you entered.',
  },
  DISPLAY_NOT_CONNECTED: {
    ko: '그 모니터가 지금 연결되어 있지 않습니다. 목록을 새로 읽고 다시 골라 주세요.',
    en: 'That monitor is not connected now. Read the list again and choose again.',
  },
  KEY_STORAGE_UNAVAILABLE: {
    ko: '이 컴퓨터는 키를 암호화해 저장할 수 없어 저장하지 않았습니다.',
    en: 'This computer cannot encrypt the key, so it was not saved.',
  },
  KEY_STORAGE_UNENCRYPTED: {
    ko: '이 컴퓨터에서는 키가 암호화되지 않은 채 저장됩니다. 그래도 저장하려면 경고에 동의해 주세요.',
    en: 'On this computer the key would be stored without real encryption. Accept the warning to store it anyway.',
  },
  KEYRING_LOCKED: {
    ko: '운영체제 키체인(키링)이 잠겨 있거나 아직 준비되지 않았습니다. 저장된 키는 그대로 있고 아무것도 바뀌지 않았습니다. 컴퓨터 로그인 암호로 키링을 잠금 해제한 뒤 다시 시도해 주세요.',
    en: 'The operating system keychain (keyring) is locked or not ready yet. The saved key is untouched and nothing was changed. Unlock the keyring with the computer’s login password and try again.',
  },
  APP_CLOSING: {
    ko: '앱을 종료하는 중이라 요청을 처리하지 않았습니다.',
    en: 'The app is shutting down; the request was not processed.',
  },
  STORE_WRITE_REFUSED: {
    ko: '디스크가 저장을 거부해 이 작업을 기록하지 못했습니다. 관리자에게 알려 주세요.',
    en: 'The disk refused the write, so this was not recorded. Tell the manager.',
  },
  STORE_FILE_CORRUPT: {
    ko: '저장된 파일 하나가 손상되어 읽을 수 없습니다. 파일은 그대로 두었습니다. 관리자에게 알려 주세요.',
    en: 'A stored file is damaged and cannot be read. It was left as it is. Tell the manager.',
  },
  SHARED_STORE_UNREACHABLE: {
    ko: '공유 저장소(PostgreSQL)에 연결하지 못했습니다. 주소와 서버를 확인해 주세요. 아무것도 저장하지 않았습니다.',
    en: 'Could not connect to the shared store (PostgreSQL). Check the address and the server. Nothing was saved.',
  },
  SHARED_STORE_SCHEMA_NEWER: {
    ko: '공유 저장소가 이 POS보다 새 버전으로 바뀌어 있습니다. 이 POS를 업데이트해 주세요. 아무것도 바꾸지 않았습니다.',
    en: 'The shared store was set up by a newer version of Toss POS. Update this register. Nothing was changed.',
  },
  FORBIDDEN: { ko: '허용되지 않은 요청입니다.', en: 'This request is not allowed.' },
  INTERNAL: { ko: '알 수 없는 오류가 났습니다. 다시 시도해 주세요.', en: 'Something went wrong. Please try again.' },
};

type Detailed = (details: PosErrorDetails, locale: Locale) => string | null;

function text(details: PosErrorDetails, key: string): string | null {
  const value = details[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function won(details: PosErrorDetails, key: string, locale: Locale): string | null {
  const value = details[key];
  return typeof value === 'number' ? formatWon(value, locale) : null;
}

function time(details: PosErrorDetails, key: string): string | null {
  const value = text(details, key);
  return value === null ? null : formatSeoulTime(value);
}

/** A 현금영수증 as the cashier knows it: its kind (in English words for English) and the masked number. */
function cashReceiptNamed(details: PosErrorDetails, locale: Locale): string | null {
  const type = text(details, 'type');
  const identity = text(details, 'identity');
  if (type === null || identity === null) return null;
  const kind =
    locale === 'ko' ? type : type === '소득공제' ? 'income deduction' : type === '지출증빙' ? 'expense proof' : null;
  return kind === null ? null : `${kind}, ${identity}`;
}

/** Sentences that say what the person can act on: since when, until when, which order, how many won. */
const detailedMessages: Partial<Record<PosErrorCode, Detailed>> = {
  STOCK_SHORT: (d, locale) => {
    const name = text(d, locale === 'ko' ? 'nameKo' : 'nameEn');
    const left = d.left;
    if (name === null || typeof left !== 'number') return null;
    if (left <= 0) return locale === 'ko' ? `${name}: 재고가 없습니다(품절).` : `${name} is out of stock (sold out).`;
    return locale === 'ko'
      ? `${name}: 남은 재고는 ${left}개입니다. 그보다 많이 팔 수 없습니다.`
      : `${name}: only ${left} left in stock. You cannot sell more than that.`;
  },
  DRAWER_SHORT_FOR_PAID_OUT: (d, locale) => {
    const holds = won(d, 'holds', locale);
    if (holds === null) return null;
    return locale === 'ko'
      ? `서랍에 있어야 할 현금은 ${holds}입니다. 그보다 많이 출금할 수 없습니다. 금액을 확인하거나 먼저 입금해 주세요.`
      : `The drawer should hold ${holds}: you cannot pay out more than that. Check the amount, or pay cash in first.`;
  },
  CASH_RECEIPT_PENDING: (d, locale) => {
    const first = cashReceiptNamed(d, locale);
    if (first === null) return null;
    return locale === 'ko'
      ? `먼저 요청한 현금영수증(${first})을 토스페이먼츠가 발급했는지 아직 확인하지 못했습니다. 확인될 때까지 다른 번호나 종류로는 발급할 수 없습니다. 같은 번호와 종류로 다시 요청하거나 잠시 후 다시 시도해 주세요.`
      : `Toss has not yet confirmed whether it issued the cash receipt asked for first (${first}). Until it does, none can be issued to another number or of another type. Ask again with the same number and type, or try again shortly.`;
  },
  CASH_RECEIPT_ALREADY_ISSUED: (d, locale) => {
    const issued = cashReceiptNamed(d, locale);
    if (issued === null) return null;
    return locale === 'ko'
      ? `이 판매의 현금영수증은 이미 발급되었고(${issued}) 그대로 유효합니다. 다른 번호나 종류로 다시 발급할 수 없습니다.`
      : `This sale’s cash receipt was already issued (${issued}) and stays valid. It cannot be issued again to another number or of another type.`;
  },
  PART_OVER_REST: (d, locale) => {
    const left = won(d, 'left', locale);
    if (left === null) return null;
    return locale === 'ko'
      ? `남은 결제 금액은 ${left}입니다. 그보다 많이 받을 수 없습니다.`
      : `${left} is left to pay: a part cannot be more than that.`;
  },
  DAY_HAS_OPEN_WORK: (d, locale) => {
    const partlyPaid = d.partlyPaid;
    if (typeof partlyPaid !== 'number' || partlyPaid === 0) return null;
    return locale === 'ko'
      ? `나눠서 결제하다 남은 금액을 받지 못한 주문이 ${partlyPaid}건 있어 마감할 수 없습니다. 남은 금액을 받거나 받은 결제를 환불한 뒤 마감해 주세요.`
      : `${partlyPaid} ${partlyPaid === 1 ? 'order is' : 'orders are'} only partly paid, so the day cannot be closed. Take the rest, or refund what was paid, then close.`;
  },
  COUPON_NOT_YET_VALID: (d, locale) => {
    const from = time(d, 'validFrom');
    if (from === null) return null;
    return locale === 'ko'
      ? `아직 사용할 수 없는 쿠폰입니다. ${from}부터 사용할 수 있습니다.`
      : `This coupon is not valid yet. It can be used from ${from}.`;
  },
  COUPON_EXPIRED: (d, locale) => {
    const until = time(d, 'validUntil');
    if (until === null) return null;
    return locale === 'ko'
      ? `사용 기간이 끝난 쿠폰입니다. ${until}에 만료되었습니다.`
      : `This coupon has expired. It expired at ${until}.`;
  },
  COUPON_USED: (d, locale) => {
    const at = time(d, 'usedAt');
    const order = text(d, 'orderId');
    if (at === null || order === null) return null;
    return locale === 'ko'
      ? `이미 사용된 쿠폰입니다. ${at}에 주문 ${order}에서 사용되었습니다.`
      : `This coupon has already been used, at ${at} on order ${order}.`;
  },
  COUPON_RESERVED: (d, locale) => {
    const order = text(d, 'orderId');
    if (order === null) return null;
    return locale === 'ko'
      ? `이미 사용 중인 쿠폰입니다. 결제 중인 다른 주문(${order})에 적용되어 있습니다.`
      : `This coupon is already in use: open order ${order} holds it.`;
  },
  COUPON_VOIDED: (d, locale) => {
    const at = time(d, 'voidedAt');
    if (at === null) return null;
    return locale === 'ko' ? `사용이 중지된 쿠폰입니다 (${at} 중지).` : `This coupon was voided at ${at}.`;
  },
  COUPON_BELOW_MINIMUM: (d, locale) => {
    const minimum = won(d, 'minimum', locale);
    const short = won(d, 'shortBy', locale);
    if (minimum === null || short === null) return null;
    return locale === 'ko'
      ? `이 쿠폰은 ${minimum} 이상 주문에 쓸 수 있습니다. ${short} 더 담아야 합니다.`
      : `This coupon needs an order of at least ${minimum}: ${short} more is needed.`;
  },
  COUPON_ELSEWHERE: (d, locale) => {
    const register = text(d, 'register');
    const state = text(d, 'state');
    if (register === null || (state !== 'used' && state !== 'held')) return null;
    if (state === 'used')
      return locale === 'ko'
        ? `다른 계산대(${register})에서 이미 사용된 쿠폰입니다.`
        : `This coupon was already used at another register (${register}).`;
    return locale === 'ko'
      ? `다른 계산대(${register})에서 결제 중인 주문이 이 쿠폰을 잡고 있습니다.`
      : `An open order at another register (${register}) holds this coupon.`;
  },
  COUPON_WINDOW_INVALID: (d, locale) => {
    const reason = text(d, 'reason');
    if (reason === 'ends-first')
      return locale === 'ko' ? '사용 기간의 끝은 시작보다 늦어야 합니다.' : 'The window must end after it starts.';
    if (reason === 'over')
      return locale === 'ko'
        ? '이미 끝난 사용 기간입니다. 끝 날짜를 오늘 이후로 정해 주세요.'
        : 'That window is already over. End it today or later.';
    if (reason === 'not-a-date')
      return locale === 'ko' ? '없는 날짜나 시각입니다.' : 'That date or time does not exist.';
    return null;
  },
  OPTION_INVALID: (d, locale) => {
    const product = text(d, 'product') ?? '';
    const reason = text(d, 'reason');
    if (reason === 'too-few' || reason === 'too-many') {
      const group = text(d, 'group') ?? '';
      const min = d['min'];
      const max = d['max'];
      return locale === 'ko'
        ? `${product}의 ${josa(group, '은/는')} ${min === max ? `${min}개` : `${min}–${max}개`}를 골라야 합니다.`
        : `${product}: pick ${min === max ? `${min}` : `${min}–${max}`} of ${group}.`;
    }
    const option = text(d, 'option') ?? '';
    if (reason === 'sold-out')
      return locale === 'ko'
        ? `${product}의 옵션 ${josa(option, '은/는')} 품절입니다.`
        : `${product}: ${option} is sold out.`;
    if (reason === 'not-offered')
      return locale === 'ko'
        ? `${product}에는 ${option} 옵션이 없습니다.`
        : `${product} does not come with the option ${option}.`;
    return null;
  },
  CATALOG_CONFLICT: catalogConflictMessage,
  DISCOUNT_INVALID: (d, locale) => {
    const reason = text(d, 'reason');
    if (reason === 'over-amount') {
      const net = won(d, 'net', locale);
      return locale === 'ko'
        ? `할인 금액이 할인할 금액${net === null ? '' : `(${net})`}보다 큽니다.`
        : `The discount is more than the amount${net === null ? '' : ` (${net})`} it comes off.`;
    }
    if (reason === 'over-100')
      return locale === 'ko' ? '할인율은 100%를 넘을 수 없습니다.' : 'A discount cannot be more than 100%.';
    if (reason === 'no-line')
      return locale === 'ko' ? '장바구니에 없는 상품입니다.' : 'That product is not in the cart.';
    return null;
  },
  STORE_WRITE_REFUSED: (d, locale) => {
    const reason = text(d, 'reason');
    const path = text(d, 'path') ?? '';
    const why =
      reason === 'permission'
        ? { ko: '쓸 권한이 없습니다', en: 'permission denied' }
        : reason === 'full'
          ? { ko: '디스크가 가득 찼습니다', en: 'the disk is full' }
          : reason === 'read-only'
            ? { ko: '읽기 전용 디스크입니다', en: 'the disk is read-only' }
            : reason === 'io-error'
              ? { ko: '디스크 입출력 오류가 났습니다', en: 'the disk reported an input/output error' }
              : null;
    if (why === null) return null;
    const failing = reason === 'io-error';
    return locale === 'ko'
      ? `저장하지 못했습니다: ${why.ko}${path === '' ? '' : ` (${path})`}. 이 작업은 기록되지 않았습니다. ${failing ? '디스크 상태를 확인한 뒤' : '공간을 비우거나 쓰기 권한을 준 뒤'} 다시 해 주세요.`
      : `Could not save: ${why.en}${path === '' ? '' : ` (${path})`}. This was not recorded. ${failing ? 'Check the disk (it may be failing)' : 'Free some space or give write access'}, then try again.`;
  },
  SHARED_STORE_UNREACHABLE: (d, locale) => {
    const reason = text(d, 'reason');
    const why =
      reason === 'url'
        ? {
            ko: '주소가 postgres://로 시작하는 연결 문자열이 아닙니다',
            en: 'the address is not a postgres:// connection string',
          }
        : reason === 'auth'
          ? { ko: '사용자 이름이나 비밀번호가 맞지 않습니다', en: 'the user name or password was refused' }
          : reason === 'database'
            ? { ko: '그런 데이터베이스가 없습니다', en: 'there is no such database' }
            : reason === 'unreachable'
              ? { ko: '서버가 응답하지 않습니다', en: 'the server does not answer' }
              : null;
    if (why === null) return null;
    return locale === 'ko'
      ? `공유 저장소(PostgreSQL)에 연결하지 못했습니다: ${why.ko}. 아무것도 저장하지 않았습니다.`
      : `Could not connect to the shared store (PostgreSQL): ${why.en}. Nothing was saved.`;
  },
  STORE_FILE_CORRUPT: (d, locale) => {
    const file = text(d, 'file');
    const line = d['line'];
    if (file === null) return null;
    const where =
      typeof line === 'number' ? (locale === 'ko' ? `${file}의 ${line}번째 줄` : `${file}, line ${line}`) : file;
    return locale === 'ko'
      ? `저장된 파일(${where})이 손상되어 읽을 수 없습니다. 파일은 그대로 두었습니다. 프로그램을 닫고 npm run doctor를 실행하면 손상된 줄을 격리 파일로 옮깁니다(지우지 않습니다).`
      : `A stored file (${where}) is damaged and cannot be read. It was left as it is. Close Toss POS and run npm run doctor: it moves the bad line into a quarantine file (never deleting it).`;
  },
  REFUND_EXCEEDS_BALANCE: (d, locale) => {
    const balance = won(d, 'balance', locale);
    if (balance === null) return null;
    return locale === 'ko'
      ? `남은 결제 금액 ${balance}까지만 환불할 수 있습니다.`
      : `Only ${balance} is left to refund.`;
  },
  REFUND_NOTHING_LEFT: (d, locale) => {
    if (text(d, 'reason') !== 'nothing-paid') return null;
    return locale === 'ko'
      ? '쿠폰·할인으로 0원 결제된 주문이라 환불할 금액이 없습니다.'
      : 'Paid 0 won by coupon or discount: there is nothing to refund.';
  },
  DISCOUNT_APPROVAL_INVALID: (d, locale) => {
    if (text(d, 'reason') !== 'other-discount') return null;
    return locale === 'ko'
      ? '승인받은 할인과 방식·값·대상·사유가 다릅니다. 바꾼 할인으로 다시 관리자 승인을 받아 주세요.'
      : 'This is not the discount that was approved (type, value, line or reason differ). Ask a manager to approve this one.';
  },
  DISCOUNT_APPROVAL_USED: (d, locale) => {
    const order = text(d, 'orderId');
    if (order === null) return null;
    return locale === 'ko'
      ? `이 할인 승인은 이미 주문 ${order}에 쓰였습니다. 승인은 한 번만 쓸 수 있으니 다시 관리자 승인을 받아 주세요.`
      : `This discount approval was already used on order ${order}; an approval is good for one order. Ask a manager to approve it again.`;
  },
  DISCOUNT_APPROVAL_EXPIRED: (d, locale) => {
    const at = time(d, 'expiredAt');
    if (at === null) return null;
    return locale === 'ko'
      ? `할인 승인이 ${at}에 만료되었습니다. 다시 관리자 승인을 받아 주세요.`
      : `The discount approval expired at ${at}. Ask a manager to approve it again.`;
  },
  DISCOUNT_APPROVAL_OTHER_MODE: (d, locale) => {
    const approvedIn = text(d, 'approvedIn');
    if (approvedIn === 'training') {
      return locale === 'ko'
        ? '교육 모드에서 받은 할인 승인은 실제 판매에 쓸 수 없습니다. 다시 관리자 승인을 받아 주세요.'
        : 'A discount approved in training cannot be used on a live sale. Ask a manager to approve it again.';
    }
    if (approvedIn === 'live') {
      return locale === 'ko'
        ? '실제 판매 중에 받은 할인 승인은 교육 모드에서 쓸 수 없습니다. 다시 관리자 승인을 받아 주세요.'
        : 'A discount approved on a live sale cannot be used in training. Ask a manager to approve it again.';
    }
    return null;
  },
  DISCOUNT_NEEDS_MANAGER: (d, locale) => {
    const limit = won(d, 'won', locale);
    const percent = d['percent'];
    if (limit === null || typeof percent !== 'number') return null;
    return locale === 'ko'
      ? `${percent}% 또는 ${josa(limit, '을/를')} 넘는 할인은 관리자 PIN으로 승인해야 합니다.`
      : `Discounts above ${percent}% or ${limit} need a manager’s PIN.`;
  },
};

// Codes come from outside (Toss): look up own entries only, never Object.prototype members.
function tossMessage(code: string): Text | undefined {
  return Object.hasOwn(tossMessages, code) ? tossMessages[code] : undefined;
}

/** The sentence to show a cashier for an error: Toss's specific reason first, else ours. */
export function describeError(error: Pick<PosErrorData, 'code' | 'tossCode' | 'details'>, locale: Locale): string {
  const specific = error.tossCode === undefined ? undefined : tossMessage(error.tossCode);
  if (specific) return specific[locale];
  const detailed = error.details === undefined ? null : (detailedMessages[error.code]?.(error.details, locale) ?? null);
  return detailed ?? codeMessages[error.code][locale];
}

/** Same, for an error the Toss SDK threw in the renderer (it only has Toss's code). */
export function describeSdkError(tossCode: string, locale: Locale): string | undefined {
  return tossMessage(tossCode)?.[locale];
}
