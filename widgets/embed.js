/*! Parvis embed loader. Paste once per page:
 *    <script src="https://PARVIS_HOST/embed.js" async></script>
 *  then place <div data-parvis-widget="WIDGET_ID"></div> where a widget goes
 *  (optional: data-parvis-kind="poll|ideas|comments", which the dashboard's
 *  snippet carries so the code can load while the first view is on its way;
 *  data-lang="fr|en", data-theme="light|dark|auto"). Without data-lang the
 *  widget speaks its own language (set by staff, else the city's), not the
 *  page's: a French question keeps French buttons on an English page.
 *  The API origin is taken from this script's own src, so a self-hosted copy
 *  works unchanged. Nothing loads until a placeholder nears the viewport, and
 *  the loader never throws into the host page.
 *
 *  For each placeholder: the widget rendered by the server (a small HTML
 *  fragment) goes into its shadow root first, readable at once; then the
 *  widget's code (one bundle for the kinds on the page) takes over that same
 *  shadow root, keeping what the resident picked or typed meanwhile.
 *
 *  On a page that frames widgets instead (<iframe src=".../embed/ID">), the
 *  loader resizes each such iframe to the height its widget reports. */
(function () {
  "use strict";
  var SELECTOR = "[data-parvis-widget]:not([data-parvis-state])";
  // The bundles' content-hashed names, by kind and "all"; filled in by the build.
  var BUNDLES = {/*BUNDLES*/};

  function warn(message, cause) {
    try {
      console.warn("[parvis] " + message, cause === undefined ? "" : cause);
    } catch (_) {
      /* no console: nothing to do */
    }
  }

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  // A widget kind that has a bundle of its own.
  function isKind(name) {
    return name !== "all" && Object.prototype.hasOwnProperty.call(BUNDLES, name);
  }

  try {
    var script = document.currentScript;
    if (!script || !script.src) {
      return warn("embed.js must be loaded by a <script src=…> tag");
    }
    var origin = new URL(script.src).origin;
    var loading = Object.create(null);

    // Imports a bundle (glue and wasm): both downloads start at once, and
    // the wasm compiles as it arrives.
    function importBundle(stem) {
      var wasm = fetch(stem + ".wasm");
      wasm.then(null, function () {
        /* reported through the glue's initialisation below */
      });
      return import(stem + ".js").then(function (m) {
        return m.default({ module_or_path: wasm }).then(function () {
          return m;
        });
      });
    }

    // This loader may be up to five minutes older than the deployment that
    // serves it (its cache life), and a deployment replaces the bundles:
    // when a bundle fails, the current names are asked for once.
    function currentNames() {
      return fetch(origin + "/bundles.json", { cache: "no-store" }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      });
    }

    // Loads one bundle once, on first need.
    function loadBundle(name) {
      if (!loading[name]) {
        loading[name] = importBundle(origin + "/pkg/" + BUNDLES[name]).then(null, function (error) {
          return currentNames().then(
            function (names) {
              if (!names[name] || names[name] === BUNDLES[name]) throw error;
              BUNDLES = names;
              return importBundle(origin + "/pkg/" + names[name]);
            },
            function () {
              throw error;
            }
          );
        });
        loading[name].then(null, function () {
          delete loading[name];
        });
      }
      return loading[name];
    }

    // A kind's own bundle when every widget on the page is of that kind (as
    // far as their fragments have told), else the bundle with every kind:
    // a page never pays for kinds it does not show, nor twice for the runtime.
    function bundleFor(kind) {
      if (loading.all) return "all";
      if (isKind(kind) && loading[kind]) return kind;
      var same = Array.prototype.every.call(
        document.querySelectorAll("[data-parvis-widget]"),
        function (el) {
          return el.getAttribute("data-parvis-kind") === kind;
        }
      );
      return isKind(kind) && same ? kind : "all";
    }

    // The placeholder's data-lang, when it has one; else the server
    // renders the widget in its own language.
    function langQuery(el) {
      var tag = el.getAttribute("data-lang");
      if (!tag) return "";
      return "lang=" + (/^en([-_]|$)/i.test(tag) ? "en" : "fr") + "&";
    }

    function theme(el) {
      var asked = el.getAttribute("data-theme");
      return asked === "dark" || asked === "auto" ? asked : "light";
    }

    // A refusal the webmaster can act on: this page's site is not among the
    // city's allowed sites. One line that names the page's origin and the
    // setting, instead of the browser's bare CORS errors.
    function Refused(detail) {
      this.detail = detail;
    }

    function refusal(response) {
      return response.json().then(
        function (problem) {
          return problem && problem.code === "origin_not_allowed"
            ? new Refused(problem.detail)
            : new Error("HTTP " + response.status);
        },
        function () {
          return new Error("HTTP " + response.status);
        }
      );
    }

    // The fragment already in the placeholder: Parvis' own pages render it
    // in a declarative shadow root, so nothing is fetched.
    function fragmentInPlace(el) {
      var shadow = el.shadowRoot;
      return shadow && shadow.querySelector("script[data-parvis-seed]") ? shadow : null;
    }

    // Shows the server's rendering; resolves to its kind and seed.
    function showFragment(el) {
      var inPlace = fragmentInPlace(el);
      if (inPlace) {
        return new Promise(function (resolve) {
          resolve(prepare(el, inPlace));
        });
      }
      var url =
        origin +
        "/v1/widgets/" +
        encodeURIComponent(el.getAttribute("data-parvis-widget")) +
        "/fragment?" +
        langQuery(el) +
        "theme=" +
        theme(el);
      return fetch(url, { credentials: "omit" })
        .then(function (response) {
          if (response.status === 403) {
            return refusal(response).then(function (error) {
              throw error;
            });
          }
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        })
        .then(function (html) {
          var shadow = el.shadowRoot || el.attachShadow({ mode: "open" });
          shadow.innerHTML = html;
          return prepare(el, shadow);
        });
    }

    // Readies the server's rendering for the wait until the widget's code
    // takes over; returns its kind and seed.
    function prepare(el, shadow) {
      var root = shadow.querySelector(".parvis");
      var seed = shadow.querySelector("script[data-parvis-seed]");
      if (!root || !seed) throw new Error("not a widget fragment");
      // Until the widget takes over: choices and text can be entered
      // (they are kept), buttons wait, and no form submits the page.
      root.addEventListener("submit", function (event) {
        event.preventDefault();
      });
      each(root.querySelectorAll("button"), function (button) {
        button.disabled = true;
      });
      each(root.querySelectorAll("section.widget"), function (section) {
        section.setAttribute("aria-busy", "true");
      });
      var kind = root.getAttribute("data-parvis-kind");
      el.setAttribute("data-parvis-kind", kind);
      el.setAttribute("data-parvis-state", "shown");
      return { kind: kind, seed: seed.textContent };
    }

    // The widget's code could not load: the server's rendering stays, read-only.
    function unavailable(el) {
      var shadow = el.shadowRoot;
      var notice = shadow && shadow.querySelector("[data-parvis-unavailable]");
      if (!notice) return;
      // Shown, then written, so that screen readers announce it.
      var text = notice.textContent;
      notice.textContent = "";
      notice.hidden = false;
      setTimeout(function () {
        notice.textContent = text;
      }, 100);
      each(shadow.querySelectorAll("input, textarea, select, button"), function (control) {
        control.disabled = true;
      });
      each(shadow.querySelectorAll("section.widget"), function (section) {
        section.setAttribute("aria-busy", "false");
      });
    }

    function mount(el) {
      // Parvis' own pages render the fragment in the placeholder
      // (data-parvis-inline): wait until the parser has put it there.
      if (el.hasAttribute("data-parvis-inline") && document.readyState === "loading") {
        document.addEventListener(
          "DOMContentLoaded",
          function () {
            mount(el);
          },
          { once: true }
        );
        return;
      }
      var id = el.getAttribute("data-parvis-widget");
      // The snippet's kind, when it has one: its code downloads alongside
      // the fragment (the fragment's own kind decides in the end).
      var hinted = el.getAttribute("data-parvis-kind");
      if (isKind(hinted)) loadBundle(bundleFor(hinted));
      showFragment(el)
        .then(null, function (error) {
          if (error instanceof Refused) throw error;
          warn("could not show widget " + id + " before its code; mounting it directly", error);
          if (el.shadowRoot) el.shadowRoot.innerHTML = "";
          return { kind: isKind(hinted) ? hinted : null, seed: undefined };
        })
        .then(function (shown) {
          return loadBundle(bundleFor(shown.kind)).then(
            function (m) {
              try {
                m.mount(el, origin, shown.seed);
                el.setAttribute("data-parvis-state", "mounted");
              } catch (error) {
                el.setAttribute("data-parvis-state", "failed");
                unavailable(el);
                warn("could not mount widget " + id, error);
              }
            },
            function (error) {
              el.setAttribute("data-parvis-state", "failed");
              unavailable(el);
              warn("could not load the widgets from " + origin, error);
            }
          );
        })
        .then(null, function (error) {
          if (!(error instanceof Refused)) return warn("could not mount widget " + id, error);
          el.setAttribute("data-parvis-state", "refused");
          warn(
            "widget " + id + " cannot show on this page (" + location.origin + "): " + error.detail
          );
        });
    }

    // Iframes of framed widgets (/embed/ID) on this page follow their
    // content's height, as the framed page reports it. The frame is matched
    // by its window, not by origin: a sandboxed frame's origin is "null".
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.type !== "parvis:height" || typeof data.height !== "number") return;
      each(document.querySelectorAll("iframe"), function (frame) {
        if (frame.contentWindow !== event.source) return;
        if (frame.src.indexOf(origin + "/embed/") !== 0) return;
        var height = Math.max(120, Math.min(4000, Math.ceil(data.height)));
        frame.style.height = height + "px";
        frame.setAttribute("height", String(height));
      });
    });

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
      each(document.querySelectorAll(SELECTOR), function (el) {
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
