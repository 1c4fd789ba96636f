/*! Parvis sign-in window's last page (/oidc/callback): hands the outcome
 *  of a resident's sign-in with the city's identity provider to the widget
 *  that opened this window, then closes it.
 *  The outcome is in the page as JSON (#parvis-outcome): either a grant the
 *  widget sends with its ballots, or an error name. It is posted to the
 *  page's origin recorded when the sign-in started, never to "*", so no
 *  other page that might have become the opener can read a grant. */
(function () {
  "use strict";
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", post, { once: true });
  } else {
    post();
  }

  function post() {
    var element = document.getElementById("parvis-outcome");
    if (!element) return;
    if (!window.opener) {
      // The page that opened this window cut the link (its
      // Cross-Origin-Opener-Policy): the outcome cannot reach the widget.
      var lost = document.getElementById("parvis-no-opener");
      if (lost) lost.hidden = false;
      return;
    }
    var outcome;
    try {
      outcome = JSON.parse(element.textContent);
    } catch (error) {
      return;
    }
    var origin = outcome.origin;
    delete outcome.origin;
    window.opener.postMessage(outcome, origin);
    // A grant stays usable only in the widget: this window has no more use.
    window.close();
  }
})();
