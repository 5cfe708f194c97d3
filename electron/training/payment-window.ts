import { z } from 'zod';
import { formatWon } from '../../shared/domain/money';
import { escapeHtml } from './html';
import { ORDER_ID_PATTERN } from './payment-object';
import { TEST_CARDS } from './test-cards';

/** What the SDK script puts in the window's query string. */
export const windowQuerySchema = z
  .object({
    orderId: z.string().regex(ORDER_ID_PATTERN),
    orderName: z.string().min(1).max(100),
    amount: z.coerce.number().int().positive(),
    // requestPayment's taxFreeAmount (면세); absent from windows opened without it.
    taxFreeAmount: z.coerce.number().int().nonnegative().default(0),
    clientKey: z.string().min(1).max(200),
    // location.origin of the checkout page; custom schemes (app://pos) are fine.
    parentOrigin: z.string().regex(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+$/i),
    requestId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  })
  .refine((query) => query.taxFreeAmount <= query.amount, 'the tax-free part is at most the amount');

export type WindowQuery = z.infer<typeof windowQuerySchema>;

function formatCardNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1-');
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: system-ui, 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif; color: #191f28; background: #fff; }
  main { padding: 20px 24px; }
  header { display: flex; align-items: center; justify-content: space-between; }
  h1 { font-size: 18px; margin: 0; color: #0064ff; }
  .close { border: 0; background: #f2f4f6; border-radius: 8px; padding: 8px 12px; font-size: 14px; cursor: pointer; }
  .order { margin: 20px 0; padding: 16px; background: #f9fafb; border-radius: 12px; }
  .order-name { font-size: 14px; color: #4e5968; }
  .amount { font-size: 24px; font-weight: 700; margin-top: 4px; }
  label { display: block; font-size: 14px; margin-bottom: 6px; }
  input { width: 100%; font-size: 18px; padding: 12px; border: 1px solid #d1d6db; border-radius: 8px; letter-spacing: 1px; }
  input[aria-invalid="true"] { border-color: #f04452; }
  .error { min-height: 20px; color: #f04452; font-size: 13px; margin: 6px 0; }
  .pay { width: 100%; border: 0; border-radius: 10px; padding: 14px; font-size: 17px; font-weight: 700; color: #fff; background: #0064ff; cursor: pointer; }
  .pay:disabled { background: #90c2ff; cursor: wait; }
  h2 { font-size: 13px; color: #4e5968; margin: 20px 0 8px; }
  ul { list-style: none; margin: 0; padding: 0; }
  .test-card { width: 100%; text-align: left; border: 0; background: none; padding: 4px 0; font-size: 13px; cursor: pointer; color: #333d4b; }
  .test-card code { font-size: 13px; margin-right: 8px; }
`;

/** Runs inside the window; talks to the simulator by fetch and to the SDK by postMessage. */
const SCRIPT = `(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('sim-config').textContent);
  var form = document.getElementById('pay-form');
  var input = document.getElementById('card-number');
  var errorText = document.getElementById('card-error');
  var pay = document.getElementById('pay');
  var busy = false;
  var settled = false;

  function showError(text) {
    errorText.textContent = text;
    input.setAttribute('aria-invalid', 'true');
  }
  function clearError() {
    errorText.textContent = '';
    input.removeAttribute('aria-invalid');
  }
  // Results go only to the page that opened the window, never to '*'.
  function tell(message) {
    if (settled) return;
    message.source = 'toss-sim';
    message.requestId = config.requestId;
    try {
      parent.postMessage(message, config.parentOrigin);
      settled = true;
    } catch (e) {
      showError('결제 화면에 결과를 전달하지 못했습니다. / could not reach the checkout page');
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy || settled) return;
    busy = true;
    pay.disabled = true;
    clearError();
    fetch('/sim/authorize', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        clientKey: config.clientKey, orderId: config.orderId, orderName: config.orderName,
        amount: config.amount, taxFreeAmount: config.taxFreeAmount, cardNumber: input.value
      })
    })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        if (typeof result.paymentKey === 'string') {
          tell({ type: 'success', paymentKey: result.paymentKey });
        } else if (result.error && result.error.code === 'INVALID_CARD_NUMBER') {
          showError(result.error.message);
          input.select();
        } else if (result.error) {
          tell({ type: 'fail', code: result.error.code, message: result.error.message });
        } else {
          showError('알 수 없는 응답입니다. / unexpected response');
        }
      })
      .catch(function () {
        showError('결제 서버에 연결하지 못했습니다. / could not reach the payment server');
      })
      .then(function () {
        busy = false;
        pay.disabled = settled;
      });
  });

  document.getElementById('close').addEventListener('click', function () { tell({ type: 'cancel' }); });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') tell({ type: 'cancel' });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-card]'), function (button) {
    button.addEventListener('click', function () {
      input.value = button.getAttribute('data-card');
      clearError();
      input.focus();
    });
  });
  input.addEventListener('input', clearError);
  // Chromium ignores autofocus, and focus() before the frame itself has focus, in a
  // cross-origin frame; the SDK focuses the frame on load, and then the field takes over.
  input.focus();
  window.addEventListener('focus', function () {
    if (document.activeElement === document.body) input.focus();
  });
})();`;

/** The payment window page shown inside the SDK's iframe. */
export function paymentWindowHtml(query: WindowQuery, nonce: string): string {
  const config = JSON.stringify({
    orderId: query.orderId,
    orderName: query.orderName,
    amount: query.amount,
    taxFreeAmount: query.taxFreeAmount,
    clientKey: query.clientKey,
    parentOrigin: query.parentOrigin,
    requestId: query.requestId,
  }).replace(/</g, '\\u003c');
  const cards = TEST_CARDS.map((card) => {
    const shown = formatCardNumber(card.number);
    return `<li><button type="button" class="test-card" data-card="${shown}" data-testid="test-card-${card.number}"><code>${shown}</code>${escapeHtml(card.description.ko)} / ${escapeHtml(card.description.en)}</button></li>`;
  }).join('\n        ');

  return `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>토스페이먼츠 결제창 (교육용)</title>
    <style nonce="${nonce}">${STYLE}</style>
  </head>
  <body>
    <main>
      <header>
        <h1>토스페이먼츠 (교육용)</h1>
        <button type="button" id="close" class="close" data-testid="close">닫기</button>
      </header>
      <section class="order">
        <div class="order-name" data-testid="order-name">${escapeHtml(query.orderName)}</div>
        <div class="amount" data-testid="amount">${escapeHtml(formatWon(query.amount))}</div>${
          query.taxFreeAmount > 0
            ? `\n        <div class="order-name" data-testid="tax-free-amount">면세 / tax-free ${escapeHtml(formatWon(query.taxFreeAmount))}</div>`
            : ''
        }
      </section>
      <form id="pay-form" novalidate>
        <label for="card-number">카드 번호 / card number</label>
        <input id="card-number" data-testid="card-number" inputmode="numeric" autocomplete="off" autofocus
          maxlength="23" placeholder="4330-0000-0000-0001" aria-describedby="card-error">
        <p id="card-error" class="error" role="alert" data-testid="card-error"></p>
        <button type="submit" id="pay" class="pay" data-testid="pay">결제하기</button>
      </form>
      <section>
        <h2>테스트 카드 / test cards</h2>
        <ul>
        ${cards}
        </ul>
      </section>
    </main>
    <script type="application/json" id="sim-config">${config}</script>
    <script nonce="${nonce}">${SCRIPT}</script>
  </body>
</html>
`;
}
