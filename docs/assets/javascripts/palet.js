/*
 * Light/dark palette: skip work that changes nothing.
 *
 * On every page load Material's palette component marks <body> as
 * "switching" (to turn transitions off), sets the colour attributes again
 * with the values they already have, and removes the mark. Each of these
 * changes makes the browser restyle the whole page, also when no colour
 * changes. Loaded before Material's bundle, this script lets a colour
 * attribute (scheme, primary, accent) through only when its value changes,
 * and sets the switching mark just before such a change. Other attributes
 * (such as data-md-color-media, which no style uses) pass as they are. A real
 * switch (the toggle, or the device turning dark) works as before.
 *
 * Material also adds a <meta name="color-scheme"> to the page and fills it
 * with the scheme in use. Any change to such a meta element restyles the
 * whole page. A light page looks the same with or without it, so this script
 * holds the element back until it says something other than "light" (a dark
 * scheme); from then on it is in the page and follows every switch.
 */
(function () {
  "use strict";

  var body = document.body;
  if (!body) {
    return;
  }
  var SWITCHING = "data-md-color-switching";
  var COLORS = ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"];
  var set = body.setAttribute;
  var remove = body.removeAttribute;
  var pending = false;

  body.setAttribute = function (name, value) {
    if (name === SWITCHING) {
      pending = true;
      return undefined;
    }
    if (COLORS.indexOf(name) >= 0) {
      if (this.getAttribute(name) === String(value)) {
        return undefined;
      }
      if (pending) {
        pending = false;
        set.call(this, SWITCHING, "");
      }
    }
    return set.call(this, name, value);
  };

  body.removeAttribute = function (name) {
    if (name === SWITCHING) {
      pending = false;
    }
    return remove.call(this, name);
  };

  var head = document.head;
  var append = head.appendChild;
  head.appendChild = function (node) {
    if (!node || node.nodeName !== "META" || node.getAttribute("name") !== "color-scheme" || node.parentNode) {
      return append.call(this, node);
    }
    Object.defineProperty(node, "content", {
      configurable: true,
      get: function () {
        return node.getAttribute("content") || "";
      },
      set: function (value) {
        node.setAttribute("content", value);
        if (!node.parentNode && String(value) !== "light") {
          append.call(head, node);
        }
      }
    });
    if (node.getAttribute("content") && node.getAttribute("content") !== "light") {
      append.call(head, node);
    }
    return node;
  };
})();
