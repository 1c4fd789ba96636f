/*! Parvis embed loader. Paste once per page:
 *    <script src="https://PARVIS_HOST/embed.js" async></script>
 *  then place <div data-parvis-widget="WIDGET_ID"></div> where a widget goes
 *  (optional: data-lang="fr|en", data-theme="light|dark|auto").
 *  The API origin is taken from this script's own src, so a self-hosted copy
 *  works unchanged. Nothing loads until a placeholder nears the viewport, and
 *  the loader never throws into the host page. */
(function () {
  "use strict";
  var SELECTOR = "[data-parvis-widget]:not([data-parvis-state])";

  function warn(message, cause) {
    try {
      console.warn("[parvis] " + message, cause === undefined ? "" : cause);
    } catch (_) {
      /* no console: nothing to do */
    }
  }

  try {
    var script = document.currentScript;
    if (!script || !script.src) {
      return warn("embed.js must be loaded by a <script src=…> tag");
    }
    var origin = new URL(script.src).origin;
    var base = origin + "/pkg/parvis_widgets";
    var glue = null;

    // Loads the JS glue and the wasm once, on first need.
    function loadWidgets() {
      glue =
        glue ||
        import(base + ".js").then(function (m) {
          return m.default({ module_or_path: base + "_bg.wasm" }).then(function () {
            return m;
          });
        });
      return glue;
    }

    function mount(el) {
      loadWidgets().then(
        function (m) {
          try {
            m.mount(el, origin);
            el.setAttribute("data-parvis-state", "mounted");
          } catch (error) {
            el.setAttribute("data-parvis-state", "failed");
            warn("could not mount widget " + el.getAttribute("data-parvis-widget"), error);
          }
        },
        function (error) {
          glue = null;
          el.setAttribute("data-parvis-state", "failed");
          warn("could not load the widgets from " + origin, error);
        }
      );
    }

    // Mount a placeholder once it comes within 300px of the viewport.
    var observer =
      "IntersectionObserver" in window
        ? new IntersectionObserver(
            function (entries) {
              entries.forEach(function (entry) {
                if (entry.isIntersecting) {
                  observer.unobserve(entry.target);
                  mount(entry.target);
                }
              });
            },
            { rootMargin: "300px" }
          )
        : null;

    // Finds placeholders not yet seen; safe to call repeatedly.
    function scan() {
      Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), function (el) {
        el.setAttribute("data-parvis-state", "waiting");
        if (observer) {
          observer.observe(el);
        } else {
          mount(el);
        }
      });
    }

    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", scan);
    } else {
      scan();
    }
    // Page builders insert content late: watch for new placeholders.
    new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
  } catch (error) {
    warn("could not start", error);
  }
})();
