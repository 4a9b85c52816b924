/* The card page: Stripe.js turns the card into a token, the server charges it and says what
 * happened; only when the bank asks for 3-D Secure does the browser confirm the payment, after
 * which the server reads its status again. Works with Stripe.js and localstripe's stand-in. */
(function () {
  "use strict";
  var form = document.getElementById("card_payment");
  if (!form || typeof Stripe === "undefined") return;
  var config = JSON.parse(document.getElementById("stripe_config").textContent);
  var stripe = Stripe(config.publishableKey);
  var cardElement = stripe.elements().create("card");
  var button = document.getElementById("card_pay");
  var message = document.getElementById("card_message");
  var csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  cardElement.mount("#card_element");
  button.disabled = false;

  function show(text) {
    message.textContent = text || "";
    message.hidden = !text;
    button.disabled = false;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken},
      body: JSON.stringify(body || {})
    }).then(function (response) {
      if (!response.ok) throw new Error(response.statusText);
      return response.json();
    });
  }

  function follow(result) {
    if (result.redirect) {
      window.location.assign(result.redirect);
    } else if (result.status === "requires_action") {
      return stripe.confirmCardPayment(result.client_secret).then(function () {
        // Whatever the browser was told, the server decides from Stripe's own record.
        return post(config.confirmUrl).then(follow);
      });
    } else {
      show(result.message);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (button.disabled) return;
    show("");
    button.disabled = true;
    stripe.createToken(cardElement).then(function (tokenResult) {
      if (tokenResult.error) {
        show(tokenResult.error.message || form.dataset.cardInvalid);
        return;
      }
      return post(form.action, {token: tokenResult.token.id}).then(follow);
    }).catch(function () {
      show(form.dataset.networkError);
    });
  });
})();
