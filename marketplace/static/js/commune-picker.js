/* Address forms: choosing a province brings back the page with that province's communes.
 * Without JavaScript the "show the communes" button does the same; with it the button is hidden
 * and a change of province presses it. */
(function () {
  "use strict";
  var province = document.getElementById("id_province");
  var button = document.getElementById("show-communes");
  if (province && button) {
    button.classList.add("d-none");
    province.addEventListener("change", function () { button.click(); });
  }
})();
