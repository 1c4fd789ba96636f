/*! Parvis framed page (/embed/{id}): tells the parent page how tall the
 *  widget is, so its iframe fits the content with no inner scrollbar.
 *  Two messages, both carrying only a height:
 *  - Parvis' own, for embed.js on the parent page: {type, widget, height};
 *  - WordPress', for embeds it discovered through oEmbed, which its
 *    wp-embed.js resizes: {message: "height", value, secret}, the secret
 *    coming from the "#?secret=…" WordPress adds to the iframe's address.
 *  Sent to any origin: a sandboxed frame cannot know its parent's, and a
 *  height reveals nothing.
 *
 *  It also keeps the widget's forms working in a sandbox without
 *  "allow-forms" (WordPress gives "allow-scripts" only): there the browser
 *  blocks a form's submission before its submit event, so the widget would
 *  never hear of it. A submit button's click is turned into that submit
 *  event directly; the widget's forms never navigate anyway. */
(function () {
  "use strict";
  // The page's body may still be arriving (this script is async in <head>).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }

  function start() {
    var secret = (/[#&?]secret=([A-Za-z0-9]+)/.exec(location.hash) || [])[1];
    var placeholder = document.querySelector("[data-parvis-widget]");
    var widget = placeholder ? placeholder.getAttribute("data-parvis-widget") : "";
    var last = -1;

    function height() {
      return Math.ceil(document.documentElement.getBoundingClientRect().height);
    }

    function post(force) {
      if (window.parent === window) return;
      var value = height();
      if (value === last && !force) return;
      last = value;
      try {
        window.parent.postMessage({ type: "parvis:height", widget: widget, height: value }, "*");
        if (secret) {
          window.parent.postMessage({ message: "height", value: value, secret: secret }, "*");
        }
      } catch (_) {
        /* a parent that went away: nothing to tell */
      }
    }

    // Within the widget's shadow root (kept by the takeover), capture phase.
    function submitInPlace(event) {
      var target = event.target;
      var button = target && target.closest ? target.closest("button") : null;
      if (!button || button.type !== "submit" || !button.form) return;
      event.preventDefault();
      var init = { bubbles: true, cancelable: true, submitter: button };
      var submit = typeof SubmitEvent === "function" ? new SubmitEvent("submit", init) : new Event("submit", init);
      button.form.dispatchEvent(submit);
    }
    if (placeholder && placeholder.shadowRoot) {
      placeholder.shadowRoot.addEventListener("click", submitInPlace, true);
    }

    if ("ResizeObserver" in window) {
      new ResizeObserver(function () {
        post(false);
      }).observe(document.documentElement);
    }
    // A parent's listener may start after the first messages (WordPress'
    // sits at the end of its page): say it again a few times.
    [0, 500, 1500, 4000].forEach(function (delay) {
      setTimeout(function () {
        post(true);
      }, delay);
    });
    // WordPress says "ready" once its listener is in place: answer it.
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (event.source === window.parent && data && data.message === "ready") post(true);
    });
  }
})();
