/*
 * Load search only when the reader starts searching.
 *
 * Material fetches the search index (and starts its search worker) on every
 * page load. Most visits never search, so this script, loaded before
 * Material's bundle, holds both back until the reader opens the search
 * field: it delays the request for the search index and creates the worker
 * on its first message. Pages load about half the bytes; search works the same.
 */
(function () {
  "use strict";

  var opened = false;
  var waiting = [];

  function open() {
    if (opened) {
      return;
    }
    opened = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  function whenOpened() {
    return opened ? Promise.resolve() : new Promise(function (resolve) { waiting.push(resolve); });
  }

  /* The reader opens search by focusing the field, clicking the toggle, or the keys s, f and /. */
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.classList && e.target.classList.contains("md-search__input")) {
      open();
    }
  });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) {
      open();
    }
  });
  document.addEventListener("keydown", function (e) {
    if (["s", "S", "f", "F", "/"].indexOf(e.key) >= 0) {
      open();
    }
  }, true);
  if (/[?&]q=/.test(window.location.search)) {
    open();
  }

  /* Material requests the index with XMLHttpRequest: hold back send() for that one URL. */
  var INDEX = /\/search\/search_index\.json(\?|$)/;
  var open_ = XMLHttpRequest.prototype.open;
  var send_ = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.kompasIndex = INDEX.test(String(url));
    return open_.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (xhr.kompasIndex && !opened) {
      whenOpened().then(function () { send_.apply(xhr, args); });
      return undefined;
    }
    return send_.apply(xhr, args);
  };

  var RealWorker = window.Worker;
  if (RealWorker) {
    /* A stand-in that becomes the real worker on its first message. */
    var LazyWorker = function (url, options) {
      var target = document.createDocumentFragment();
      var real = null;
      var self = this;
      this.addEventListener = function (type, fn, o) { target.addEventListener(type, fn, o); };
      this.removeEventListener = function (type, fn, o) { target.removeEventListener(type, fn, o); };
      this.dispatchEvent = function (event) { return target.dispatchEvent(event); };
      this.postMessage = function (message, transfer) {
        if (!real) {
          real = new RealWorker(url, options);
          real.addEventListener("message", function (event) {
            target.dispatchEvent(new MessageEvent("message", { data: event.data }));
            if (typeof self.onmessage === "function") {
              self.onmessage(event);
            }
          });
        }
        real.postMessage(message, transfer);
      };
      this.terminate = function () {
        if (real) {
          real.terminate();
        }
      };
    };
    window.Worker = function (url, options) {
      return /\/workers\/search\./.test(String(url)) ? new LazyWorker(url, options) : new RealWorker(url, options);
    };
  }
})();
