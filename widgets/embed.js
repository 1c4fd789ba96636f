/*! Parvis embed loader. Paste once per page:
 *    <script src="https://PARVIS_HOST/embed.js" async></script>
 *  then place <div data-parvis-widget="WIDGET_ID"></div> where a widget goes.
 *  The API origin is taken from this script's own src, so a self-hosted copy
 *  works unchanged. The loader never throws into the host page. */
(function () {
  "use strict";

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
      warn("embed.js must be loaded by a <script src=…> tag");
      return;
    }
    var origin = new URL(script.src).origin;
    var base = origin + "/pkg/parvis_widgets";
    var module = null;

    // Loads the JS glue and the wasm once, on first need.
    function loadWidgets() {
      if (!module) {
        module = import(base + ".js").then(function (glue) {
          return glue.default({ module_or_path: base + "_bg.wasm" }).then(function () {
            return glue;
          });
        });
      }
      return module;
    }

    // Mounts every placeholder not yet seen; safe to call repeatedly.
    function mountPending() {
      var found = document.querySelectorAll("[data-parvis-widget]:not([data-parvis-state])");
      if (!found.length) return;
      Array.prototype.forEach.call(found, function (el) {
        el.setAttribute("data-parvis-state", "loading");
      });
      loadWidgets().then(
        function (glue) {
          Array.prototype.forEach.call(found, function (el) {
            try {
              glue.mount(el, origin);
              el.setAttribute("data-parvis-state", "mounted");
            } catch (error) {
              el.setAttribute("data-parvis-state", "failed");
              warn("could not mount widget " + el.getAttribute("data-parvis-widget"), error);
            }
          });
        },
        function (error) {
          module = null;
          Array.prototype.forEach.call(found, function (el) {
            el.setAttribute("data-parvis-state", "failed");
          });
          warn("could not load the widgets from " + origin, error);
        }
      );
    }

    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", mountPending);
    } else {
      mountPending();
    }
    // Page builders insert content late: mount placeholders as they appear.
    new MutationObserver(mountPending).observe(document.documentElement, {
      childList: true,
      subtree: true,
    });
  } catch (error) {
    warn("could not start", error);
  }
})();
