/* Suggestions for the header search box, as an ARIA 1.2 combobox with a listbox popup.
 *
 * Progressive enhancement: without this script the box is a plain search form.
 * Keys: Down/Up move through suggestions, Enter opens the chosen one (or searches
 * what was typed when none is chosen), Escape closes the list, then clears the box.
 * Requests are debounced, cancelled when outdated, and remembered per text.
 */
(function () {
    "use strict";

    var DELAY_MS = 180;
    var MIN_LETTERS = 2;

    function setUp(form) {
        var input = form.querySelector("input[name=q]");
        var list = form.querySelector("[role=listbox]");
        var status = form.querySelector("[role=status]");
        if (!input || !list || !window.fetch) {
            return;
        }
        var url = form.getAttribute("data-suggest-url");
        var cache = {};
        var timer = null;
        var controller = null;
        var active = -1;
        var options = [];

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", list.id);

        function letters(text) {
            return (text.match(/[\p{L}\p{N}]/gu) || []).length;
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function announce(count) {
            if (!status) {
                return;
            }
            var template = count === 1 ? status.getAttribute("data-one") : status.getAttribute("data-many");
            status.textContent = count ? template.replace("%(count)s", count) : "";
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index < 0) {
                input.removeAttribute("aria-activedescendant");
            } else {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({block: "nearest"});
            }
        }

        function show(suggestions) {
            list.textContent = "";
            options = suggestions.map(function (suggestion, i) {
                var option = document.createElement("li");
                option.id = list.id + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.className = "site-search__suggestion";
                option.textContent = suggestion.title;
                option.setAttribute("data-url", suggestion.url);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();  // keep the focus in the box
                    window.location.assign(suggestion.url);
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
            } else {
                close();
            }
            announce(options.length);
        }

        function fetchSuggestions(text) {
            if (cache.hasOwnProperty(text)) {
                show(cache[text]);
                return;
            }
            if (controller) {
                controller.abort();
            }
            controller = window.AbortController ? new AbortController() : null;
            fetch(url + "?q=" + encodeURIComponent(text), {
                headers: {"Accept": "application/json"},
                signal: controller ? controller.signal : undefined
            })
                .then(function (response) {
                    return response.ok ? response.json() : {suggestions: []};
                })
                .then(function (data) {
                    cache[text] = data.suggestions || [];
                    if (input.value.trim() === text) {
                        show(cache[text]);
                    }
                })
                .catch(function () { /* aborted or offline: the form still works */ });
        }

        input.addEventListener("input", function () {
            var text = input.value.trim();
            window.clearTimeout(timer);
            if (letters(text) < MIN_LETTERS) {
                close();
                return;
            }
            timer = window.setTimeout(function () { fetchSuggestions(text); }, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && options.length;
            if (event.key === "ArrowDown" || event.key === "Down") {
                if (!open && options.length) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                if (options.length) {
                    event.preventDefault();
                    highlight(active + 1 < options.length ? active + 1 : 0);
                }
            } else if (event.key === "ArrowUp" || event.key === "Up") {
                if (open) {
                    event.preventDefault();
                    highlight(active > 0 ? active - 1 : options.length - 1);
                }
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    window.location.assign(options[active].getAttribute("data-url"));
                }
            } else if (event.key === "Escape" || event.key === "Esc") {
                if (open) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    input.value = "";
                }
            }
        });

        input.addEventListener("blur", close);
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll("form[data-suggest-url]"), setUp);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
