/**
 * The hosted page's inline CSS and script. Both are allowed by a per-response CSP nonce; the
 * page loads nothing else. Colours meet WCAG AA contrast (body text 16:1, buttons ≥ 4.5:1) and
 * every control shows a visible focus ring.
 */
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f3f4f6}
main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.5rem;margin:0 0 .25rem}
.merchant{color:#374151;margin:0 0 1.5rem}
dl{display:grid;grid-template-columns:1fr auto;gap:.5rem 1rem;margin:0 0 1.5rem}
dt{color:#374151}dd{margin:0;font-weight:600;text-align:right}
.total{font-size:1.25rem}
.actions{display:grid;gap:.75rem}
form{margin:0}
button{width:100%;font:inherit;font-weight:600;padding:.75rem 1rem;border-radius:8px;border:2px solid transparent;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}
.pay{background:#1d4ed8;color:#fff}
.pay:hover{background:#1e40af}
.decline{background:#fff;color:#991b1b;border-color:#991b1b}
.cancel{background:#fff;color:#374151;border-color:#6b7280}
.secondary{background:#fff;color:#1d4ed8;border-color:#1d4ed8}
button:disabled{opacity:.6;cursor:progress}
.alert{background:#fef2f2;color:#991b1b;border:1px solid #fca5a5;border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}
.note{color:#4b5563;font-size:.875rem;margin:1.5rem 0 0}
a{color:#1d4ed8}
`;

/**
 * In an iframe the buttons submit with fetch and report to the parent with postMessage
 * ({type: "payment_success" | "payment_error", paymentSessionId, invoiceId}) instead of
 * navigating the frame. The ids are not secrets, so the message goes to any parent origin.
 */
export const IFRAME_SCRIPT = `
(function () {
  if (window.top === window) return;
  var main = document.querySelector("main");
  var sessionId = main.getAttribute("data-session");
  var invoiceId = main.getAttribute("data-invoice");
  var status = document.getElementById("status");
  function report(type, reason) {
    var message = { type: type, paymentSessionId: sessionId, invoiceId: invoiceId };
    if (reason) message.reason = reason;
    window.parent.postMessage(message, "*");
  }
  function setButtons(disabled) {
    document.querySelectorAll("button").forEach(function (b) { b.disabled = disabled; });
  }
  var FAILURES = {
    decline: ["card_declined", "Your card was declined. Try again or use another card."],
    "insufficient-funds": ["insufficient_funds", "Your card has insufficient funds. Try again or use another card."],
    "authentication-fail": ["authentication_failed", "Your bank could not authenticate this payment. Try again or use another card."]
  };
  var PAYS = { pay: true, hold: true, "authentication-confirm": true };
  document.querySelectorAll("form[data-action]").forEach(function (form) {
    var action = form.getAttribute("data-action");
    // Starting authentication only changes the page: the form posts as usual and the frame shows the next screen.
    if (action === "authenticate") return;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      setButtons(true);
      fetch(form.action, { method: "POST", headers: { accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (outcome) {
          var paid = outcome.status === "completed" || outcome.status === "processing";
          if (PAYS[action] && paid) {
            report("payment_success");
            status.textContent = "Payment received. You can close this window.";
            document.querySelector(".actions").remove();
            return;
          }
          var failure = FAILURES[action];
          report("payment_error", failure ? failure[0] : action === "cancel" ? "cancelled" : outcome.status);
          if (failure) {
            if (action === "authentication-fail") { window.location.reload(); return; }
            status.className = "alert";
            status.textContent = failure[1];
            setButtons(false);
          } else {
            status.textContent = "Payment cancelled.";
            document.querySelector(".actions").remove();
          }
        })
        .catch(function () {
          report("payment_error", "network");
          setButtons(false);
        });
    });
  });
})();
`;
