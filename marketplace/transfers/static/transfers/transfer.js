/* The transfer page: copy buttons for the account details, and a quiet check every few seconds
 * of whether the bank's money has arrived, after which the page shows the confirmed parcels. */
(function () {
  "use strict";
  var page = document.getElementById("transfer_page");
  if (!page) return;
  var details = page.querySelector(".transfer-details");

  function copied(button) {
    var label = button.textContent;
    button.textContent = details ? details.getAttribute("data-copied") : label;
    window.setTimeout(function () { button.textContent = label; }, 1500);
  }

  page.addEventListener("click", function (event) {
    var button = event.target.closest(".transfer-copy");
    if (!button) return;
    var text = button.getAttribute("data-copy");
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button); });
    } else {
      var field = document.createElement("textarea");
      field.value = text;
      document.body.appendChild(field);
      field.select();
      document.execCommand("copy");
      field.remove();
      copied(button);
    }
  });

  var statusUrl = page.getAttribute("data-status-url");
  if (!statusUrl) return;
  function check() {
    fetch(statusUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : {status: "awaiting"}; })
      .then(function (result) {
        if (result.status === "awaiting") window.setTimeout(check, 5000);
        else window.location.reload();
      })
      .catch(function () { window.setTimeout(check, 10000); });
  }
  window.setTimeout(check, 5000);
})();
