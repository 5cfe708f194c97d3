/** Where the SDK's form POSTs the payment window, as Toss's script posts to its `/proxy/pages/load`. */
export const WINDOW_PATH = '/proxy/pages/load';

/**
 * The browser SDK served at `/v2/standard`, standing in for js.tosspayments.com/v2/standard.
 * `loadTossPayments(clientKey, {src})` injects it and calls `window.TossPayments(clientKey)`.
 * Only `payment({customerKey}).requestPayment()` in Promise mode with the iframe window is
 * simulated. The host page runs under a strict CSP, so this script uses no eval and styles
 * elements through `element.style` only.
 */
export function sdkScript(simulatorOrigin: string): string {
  return `(function () {
  'use strict';
  var SIM_ORIGIN = ${JSON.stringify(simulatorOrigin)};
  var WINDOW_PATH = ${JSON.stringify(WINDOW_PATH)};
  var FRAME_NAME = '___tosspayments_iframe___';
  var FORM_NAME = '___tosspayments_form___';
  var ANONYMOUS = '@@ANONYMOUS';
  var ORDER_ID = /^[A-Za-z0-9_-]{6,64}$/;
  var CUSTOMER_KEY = /^[A-Za-z0-9_=.@-]{2,50}$/;
  // One payment window per page, like Toss: a second request while one is open is refused.
  var active = null;

  function sdkError(code, message) {
    var error = new Error(message);
    error.name = 'TossPaymentsError';
    error.code = code;
    return error;
  }

  function validationError(request, customerKey) {
    if (!request || typeof request !== 'object') {
      return sdkError('INVALID_PARAMETERS', '결제 요청 정보가 올바르지 않습니다.');
    }
    if (request.method !== 'CARD') {
      return sdkError('NOT_SUPPORTED_METHOD', '교육용 결제창은 카드(CARD) 결제만 지원합니다.');
    }
    var amount = request.amount;
    if (!amount || typeof amount !== 'object' || !Number.isSafeInteger(amount.value) || amount.value <= 0) {
      return sdkError('INVALID_AMOUNT_VALUE', '결제 금액(amount.value)은 0보다 큰 정수여야 합니다.');
    }
    if (amount.currency !== 'KRW') {
      return sdkError('INVALID_AMOUNT_CURRENCY', '지원하지 않는 통화입니다. KRW만 사용할 수 있습니다.');
    }
    var taxFree = request.taxFreeAmount;
    if (taxFree != null && (!Number.isSafeInteger(taxFree) || taxFree < 0 || taxFree > amount.value)) {
      return sdkError('INVALID_PARAMETERS', '면세 금액(taxFreeAmount)은 0 이상, 결제 금액 이하의 정수여야 합니다.');
    }
    if (typeof request.orderId !== 'string' || !ORDER_ID.test(request.orderId)) {
      return sdkError('INVALID_PARAMETERS', '주문번호(orderId)는 영문 대소문자, 숫자, 특수문자 -, _ 로 이루어진 6자 이상 64자 이하의 문자열이어야 합니다.');
    }
    if (typeof request.orderName !== 'string' || request.orderName.length < 1 || request.orderName.length > 100) {
      return sdkError('INVALID_PARAMETERS', '주문명(orderName)은 1자 이상 100자 이하의 문자열이어야 합니다.');
    }
    if (customerKey !== ANONYMOUS && (typeof customerKey !== 'string' || !CUSTOMER_KEY.test(customerKey))) {
      return sdkError('INVALID_CUSTOMER_KEY', '구매자 ID(customerKey)는 영문 대소문자, 숫자, 특수문자 -, _, =, ., @ 로 이루어진 2자 이상 50자 이하의 문자열이거나 ANONYMOUS여야 합니다.');
    }
    if (request.successUrl != null || request.failUrl != null) {
      return sdkError('NOT_SUPPORTED_REDIRECT', '교육용 결제창은 Promise 방식만 지원합니다. successUrl, failUrl 없이 호출해주세요. (training simulator: Promise mode only)');
    }
    if (request.windowTarget != null && request.windowTarget !== 'iframe') {
      return sdkError('INVALID_PARAMETERS', '교육용 결제창은 windowTarget "iframe"만 지원합니다.');
    }
    return null;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function openWindow(owner, clientKey, request) {
    return new Promise(function (resolve, reject) {
      var requestId = randomId();
      var previousFocus = document.activeElement;

      var overlay = document.createElement('div');
      overlay.setAttribute('role', 'dialog');
      overlay.setAttribute('aria-modal', 'true');
      overlay.setAttribute('aria-label', '토스페이먼츠 결제창');
      overlay.setAttribute('data-testid', 'toss-payment-overlay');
      Object.assign(overlay.style, {
        position: 'fixed', top: '0', left: '0', right: '0', bottom: '0', zIndex: '2147483647',
        display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'rgba(0, 0, 0, 0.45)'
      });

      // Like Toss's own script: a named iframe, then a hidden form POSTed into it. The page's CSP
      // must allow the form's action (form-action) and the frame (frame-src), as with the real window.
      var iframe = document.createElement('iframe');
      iframe.name = FRAME_NAME;
      iframe.id = FRAME_NAME;
      iframe.title = '토스페이먼츠 결제창';
      iframe.setAttribute('data-testid', 'toss-payment-window');
      Object.assign(iframe.style, {
        width: 'min(440px, calc(100vw - 32px))', height: 'min(620px, calc(100vh - 32px))',
        border: '0', borderRadius: '16px', background: '#ffffff', boxShadow: '0 12px 40px rgba(0, 0, 0, 0.3)'
      });
      var form = document.createElement('form');
      form.id = FORM_NAME;
      form.method = 'post';
      form.action = SIM_ORIGIN + WINDOW_PATH;
      form.target = FRAME_NAME;
      form.style.display = 'none';
      var fields = {
        orderId: request.orderId,
        orderName: request.orderName,
        amount: String(request.amount.value),
        taxFreeAmount: String(request.taxFreeAmount || 0),
        clientKey: clientKey,
        parentOrigin: location.origin,
        requestId: requestId
      };
      Object.keys(fields).forEach(function (name) {
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = fields[name];
        form.appendChild(input);
      });
      // Give the frame keyboard focus so the card-number field takes typing straight away.
      iframe.addEventListener('load', function () { iframe.focus(); });

      function close() {
        window.removeEventListener('message', onMessage);
        overlay.remove();
        active = null;
        if (previousFocus && typeof previousFocus.focus === 'function') previousFocus.focus();
      }

      function onMessage(event) {
        if (event.origin !== SIM_ORIGIN || event.source !== iframe.contentWindow) return;
        var data = event.data;
        if (!data || data.source !== 'toss-sim' || data.requestId !== requestId) return;
        if (data.type === 'success' && typeof data.paymentKey === 'string') {
          close();
          resolve({ paymentKey: data.paymentKey, orderId: request.orderId, amount: { value: request.amount.value, currency: 'KRW' } });
        } else if (data.type === 'fail') {
          close();
          reject(sdkError(String(data.code), String(data.message)));
        } else if (data.type === 'cancel') {
          close();
          reject(sdkError('USER_CANCEL', '사용자가 결제를 취소하였습니다'));
        }
      }

      window.addEventListener('message', onMessage);
      active = {
        owner: owner,
        abort: function () {
          close();
          reject(sdkError('PAYMENT_REQUEST_ABORTED', '결제 요청이 중단되었습니다.'));
        }
      };
      overlay.appendChild(form);
      overlay.appendChild(iframe);
      document.body.appendChild(overlay);
      form.submit();
    });
  }

  function TossPayments(clientKey) {
    if (typeof clientKey !== 'string' || clientKey === '') {
      throw sdkError('INVALID_CLIENT_KEY', '클라이언트 키가 올바르지 않습니다.');
    }
    return {
      payment: function (init) {
        var customerKey = init ? init.customerKey : undefined;
        var payment = {
          requestPayment: function (request) {
            if (active) {
              return Promise.reject(sdkError('INVALID_METHOD_TRANSACTION', '이미 진행 중인 결제 요청이 있습니다.'));
            }
            var error = validationError(request, customerKey);
            return error ? Promise.reject(error) : openWindow(payment, clientKey, request);
          },
          destroy: function () {
            if (!active || active.owner !== payment) {
              return Promise.reject(sdkError('NO_ACTIVE_PAYMENT_REQUEST', '진행 중인 결제 요청이 없습니다.'));
            }
            active.abort();
            return Promise.resolve();
          }
        };
        return payment;
      }
    };
  }

  TossPayments.ANONYMOUS = ANONYMOUS;
  window.TossPayments = TossPayments;
})();
`;
}
