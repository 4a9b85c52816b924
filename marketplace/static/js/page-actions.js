/* What Oscar's templates did with onclick=, onchange= and onload= attributes, which the
 * Content-Security-Policy forbids: the templates mark the element with a data- attribute and
 * the listeners below, on the document, act for every such element, present or added later.
 *
 *   <a href="..." data-history-back>        goes back a page (the link is the no-JavaScript way)
 *   <a href="#" data-close-window>          closes the pop-up window it is in
 *   <select data-submit-on-change>          submits its form when another option is chosen
 *   <img data-upload-preview data-error="..."> an image field's preview: hides the field's
 *                                           [data-upload-button] once loaded, shows it and
 *                                           says why when the chosen file is no image
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    if (target.closest("[data-history-back]")) {
      event.preventDefault();
      window.history.back();
    } else if (target.closest("[data-close-window]")) {
      event.preventDefault();
      window.close();
    }
  });

  document.addEventListener("change", function (event) {
    var select = event.target;
    if (select instanceof HTMLSelectElement && select.hasAttribute("data-submit-on-change") && select.form) {
      select.form.submit();
    }
  });

  // The button beside the preview (Oscar's dashboard copies the field for each new image,
  // renumbering ids, so it is found by place rather than by id).
  function uploadButtonOf(target) {
    if (!(target instanceof HTMLImageElement) || !target.hasAttribute("data-upload-preview")) return null;
    return target.parentElement.querySelector("[data-upload-button]");
  }

  // load and error do not bubble: listen while they travel down (capture).
  document.addEventListener("load", function (event) {
    var button = uploadButtonOf(event.target);
    if (button) button.hidden = true;
  }, true);

  document.addEventListener("error", function (event) {
    var button = uploadButtonOf(event.target);
    if (button && event.target.getAttribute("src")) {
      button.hidden = false;
      window.alert(event.target.getAttribute("data-error"));
    }
  }, true);
})();
