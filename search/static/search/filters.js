/* The facet sidebar is open by default, which works without JavaScript; on a phone it starts
 * folded so the results come first. */
(function () {
    "use strict";
    var filters = document.getElementById("search-filters");
    if (filters && window.matchMedia && window.matchMedia("(max-width: 575.98px)").matches) {
        filters.open = false;
    }
})();
