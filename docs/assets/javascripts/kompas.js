/*
 * Kompas Aanpak Mensenhandel: reading progress, notes and sharing.
 *
 * No dependencies, no server: everything stays in this browser's localStorage.
 * Each feature has one versioned key. Older versions are migrated when read;
 * data that cannot be read is kept aside under "<key>.onleesbaar.<time>"
 * (never deleted) and the reader sees a calm message instead of a broken page.
 * Without JavaScript the controls stay hidden and every page reads normally.
 */
(function () {
  "use strict";

  var LANG = document.documentElement.lang === "en" ? "en" : "nl";
  var T = {
    nl: {
      markRead: "Markeer als gelezen",
      isRead: "Gelezen",
      progress: "{n} van {t} hoofdstukken gelezen",
      continueAt: "Verder waar je was: {title}",
      reset: "Voortgang wissen",
      resetConfirm: "Wil je je leesvoortgang wissen?",
      saved: "Opgeslagen",
      saving: "Bezig met opslaan…",
      notSaved: "Niet opgeslagen: je browser staat opslaan niet toe.",
      unreadable: "Een deel van je opgeslagen gegevens was niet leesbaar. Het Kompas werkt gewoon verder. De oude gegevens zijn apart bewaard; je kunt ze downloaden op de pagina Mijn aantekeningen.",
      noStorage: "Je browser staat opslaan niet toe. Je voortgang en aantekeningen blijven alleen bewaard zolang deze pagina open is.",
      copied: "Link gekopieerd",
      copyFailed: "Kopiëren lukte niet. Kopieer de link uit de adresbalk.",
      noNotes: "Je hebt nog geen aantekeningen.",
      imported: "{n} aantekening(en) geïmporteerd.",
      importFailed: "Dit bestand kon niet worden gelezen. Kies een JSON-bestand dat je eerder uit het Kompas hebt geëxporteerd.",
      changed: "Gewijzigd op {date}",
      importedNote: "geïmporteerd",
      deleteConfirm: "Alle aantekeningen wissen? Exporteer ze eerst als je ze wilt bewaren."
    },
    en: {
      markRead: "Mark as read",
      isRead: "Read",
      progress: "{n} of {t} chapters read",
      continueAt: "Continue where you were: {title}",
      reset: "Clear progress",
      resetConfirm: "Do you want to clear your reading progress?",
      saved: "Saved",
      saving: "Saving…",
      notSaved: "Not saved: your browser does not allow storage.",
      unreadable: "Part of your stored data could not be read. The Kompas works as usual. The old data has been kept aside; you can download it on the page My notes.",
      noStorage: "Your browser does not allow storage. Your progress and notes are only kept while this page is open.",
      copied: "Link copied",
      copyFailed: "Copying failed. Copy the link from the address bar.",
      noNotes: "You have no notes yet.",
      imported: "{n} note(s) imported.",
      importFailed: "This file could not be read. Choose a JSON file you exported from the Kompas before.",
      changed: "Changed on {date}",
      importedNote: "imported",
      deleteConfirm: "Delete all notes? Export them first if you want to keep them."
    }
  }[LANG];

  function fmt(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  /* ---------- storage with versions, migration and a safe fallback ---------- */

  var memory = {};
  var storageOk = (function () {
    try {
      var probe = "kompas.probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (e) {
      return false;
    }
  })();

  function rawGet(key) {
    return storageOk ? window.localStorage.getItem(key) : (key in memory ? memory[key] : null);
  }

  function rawSet(key, value) {
    if (storageOk) {
      try {
        window.localStorage.setItem(key, value);
        return true;
      } catch (e) {
        return false;
      }
    }
    memory[key] = value;
    return false;
  }

  var problems = [];

  /* A store: {key, version, empty(), migrations: {oldVersion: fn(data) -> data of oldVersion+1}, valid(data)} */
  function Store(spec) {
    this.spec = spec;
  }

  Store.prototype.read = function () {
    var spec = this.spec;
    var raw = rawGet(spec.key);
    if (raw === null) {
      return spec.empty();
    }
    try {
      var parsed = JSON.parse(raw);
      if (!parsed || typeof parsed !== "object" || typeof parsed.v !== "number") {
        throw new Error("no version");
      }
      var data = parsed;
      while (data.v < spec.version) {
        var step = spec.migrations[data.v];
        if (!step) {
          throw new Error("no migration from version " + data.v);
        }
        data = step(data);
      }
      if (data.v > spec.version || !spec.valid(data)) {
        throw new Error("unexpected shape");
      }
      if (parsed.v !== data.v) {
        this.write(data);
      }
      return data;
    } catch (e) {
      var aside = spec.key + ".onleesbaar." + Date.now();
      rawSet(aside, raw);
      if (storageOk) {
        window.localStorage.removeItem(spec.key);
      }
      problems.push(aside);
      return spec.empty();
    }
  };

  Store.prototype.write = function (data) {
    data.v = this.spec.version;
    return rawSet(this.spec.key, JSON.stringify(data));
  };

  function setAsideKeys() {
    var keys = [];
    if (!storageOk) {
      return keys;
    }
    for (var i = 0; i < window.localStorage.length; i++) {
      var key = window.localStorage.key(i);
      if (key && key.indexOf(".onleesbaar.") > 0) {
        keys.push(key);
      }
    }
    return keys.sort();
  }

  var progressStore = new Store({
    key: "kompas.voortgang",
    version: 1,
    empty: function () { return { v: 1, gelezen: {}, laatst: null }; },
    migrations: {},
    valid: function (d) { return d.gelezen && typeof d.gelezen === "object" && !Array.isArray(d.gelezen); }
  });

  var notesStore = new Store({
    key: "kompas.aantekeningen",
    version: 2,
    empty: function () { return { v: 2, notities: [] }; },
    migrations: {
      /* Version 1 kept one note per page in an object: {v:1, notities: {"url": {tekst, datum}}}. */
      1: function (old) {
        var list = [];
        var map = old.notities || {};
        Object.keys(map).forEach(function (url) {
          var item = map[url] || {};
          list.push({
            id: newId(),
            pagina: url,
            titel: item.titel || url,
            tekst: String(item.tekst || ""),
            gewijzigd: item.datum || new Date().toISOString()
          });
        });
        return { v: 2, notities: list };
      }
    },
    valid: function (d) {
      return Array.isArray(d.notities) && d.notities.every(function (n) {
        return n && typeof n.pagina === "string" && typeof n.tekst === "string";
      });
    }
  });

  function newId() {
    return "n" + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  }

  /* ---------- page helpers ---------- */

  function route() {
    var el = document.getElementById("kompas-route");
    if (!el) {
      return null;
    }
    try {
      return JSON.parse(el.textContent);
    } catch (e) {
      return null;
    }
  }

  function siteRoot() {
    var el = document.getElementById("kompas-route");
    return el ? new URL(el.getAttribute("data-root"), window.location.href) : new URL("./", window.location.href);
  }

  function show(el) {
    if (el) {
      el.hidden = false;
    }
  }

  function notice(text) {
    var box = document.getElementById("kompas-melding");
    if (!box) {
      return;
    }
    box.textContent = text;
    show(box);
  }

  function download(name, type, text) {
    var blob = new Blob([text], { type: type });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 0);
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /* ---------- reading progress ---------- */

  function initProgress(info) {
    var data = progressStore.read();
    var here = document.querySelector("[data-kompas-hoofdstuk]");
    if (here) {
      var id = here.getAttribute("data-kompas-hoofdstuk");
      data.laatst = { pagina: id, titel: here.getAttribute("data-kompas-titel") || id };
      progressStore.write(data);
      var button = here.querySelector(".kompas-gelezen");
      var render = function () {
        var done = Boolean(data.gelezen[id]);
        button.setAttribute("aria-pressed", done ? "true" : "false");
        button.textContent = done ? "✓ " + T.isRead : T.markRead;
      };
      button.addEventListener("click", function () {
        if (data.gelezen[id]) {
          delete data.gelezen[id];
        } else {
          data.gelezen[id] = new Date().toISOString();
        }
        progressStore.write(data);
        render();
      });
      render();
      show(here);
    }
    document.querySelectorAll("[data-kompas-voortgang]").forEach(function (box) {
      var part = box.getAttribute("data-kompas-voortgang");
      var list = [];
      (info.delen || []).forEach(function (d) {
        if (!part || d.id === part) {
          list = list.concat(d.hoofdstukken);
        }
      });
      var n = list.filter(function (c) { return data.gelezen[c]; }).length;
      var meter = box.querySelector("progress");
      meter.max = list.length;
      meter.value = n;
      box.querySelector(".kompas-voortgang__tekst").textContent = fmt(T.progress, { n: n, t: list.length });
      var link = box.querySelector(".kompas-verder");
      if (link && data.laatst && data.laatst.pagina) {
        link.href = new URL(data.laatst.pagina, siteRoot()).href;
        link.textContent = fmt(T.continueAt, { title: data.laatst.titel });
        show(link);
      }
      var reset = box.querySelector(".kompas-wis-voortgang");
      if (reset) {
        // On a first visit there is nothing to clear yet.
        reset.disabled = !Object.keys(data.gelezen).length && !data.laatst;
        reset.addEventListener("click", function () {
          if (window.confirm(T.resetConfirm)) {
            progressStore.write({ gelezen: {}, laatst: null });
            window.location.reload();
          }
        });
      }
    });
  }

  /* ---------- notes ---------- */

  function initNotePanel() {
    var panel = document.querySelector(".kompas-notities[data-pagina]");
    if (!panel) {
      return;
    }
    var page = panel.getAttribute("data-pagina");
    var title = panel.getAttribute("data-titel") || page;
    var field = panel.querySelector("textarea");
    var status = panel.querySelector(".kompas-notities__status");
    var data = notesStore.read();
    var mine = data.notities.filter(function (n) { return n.pagina === page; });
    var note = mine[0];
    field.value = note ? note.tekst : "";
    var others = panel.querySelector(".kompas-notities__andere");
    if (mine.length > 1 && others) {
      mine.slice(1).forEach(function (n) {
        var p = document.createElement("p");
        p.textContent = n.tekst;
        others.appendChild(p);
      });
      show(others);
    }
    var timer = null;
    var save = function () {
      var fresh = notesStore.read();
      var current = fresh.notities.filter(function (n) { return n.pagina === page; })[0];
      if (!current) {
        if (!field.value.trim()) {
          status.textContent = T.saved;
          return;
        }
        current = { id: newId(), pagina: page, titel: title, tekst: "", gewijzigd: "" };
        fresh.notities.push(current);
      }
      current.tekst = field.value;
      current.titel = title;
      current.gewijzigd = new Date().toISOString();
      status.textContent = notesStore.write(fresh) ? T.saved : T.notSaved;
    };
    field.addEventListener("input", function () {
      status.textContent = T.saving;
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    });
    field.addEventListener("blur", function () {
      if (timer) {
        clearTimeout(timer);
        timer = null;
        save();
      }
    });
    show(panel);
  }

  function notesAsMarkdown(notes) {
    var out = ["# " + (LANG === "en" ? "My notes from the Kompas" : "Mijn aantekeningen uit het Kompas"), ""];
    notes.forEach(function (n) {
      out.push("## " + n.titel, "", (LANG === "en" ? "Page: " : "Pagina: ") + new URL(n.pagina, siteRoot()).href,
        fmt(T.changed, { date: String(n.gewijzigd).slice(0, 10) }), "", n.tekst, "");
    });
    return out.join("\n");
  }

  function mergeNotes(current, incoming) {
    var added = 0;
    incoming.forEach(function (n) {
      if (!n || typeof n.pagina !== "string" || typeof n.tekst !== "string") {
        return;
      }
      var same = current.filter(function (c) { return c.pagina === n.pagina; });
      if (same.some(function (c) { return c.tekst === n.tekst; })) {
        return; /* already here, nothing to add */
      }
      current.push({
        id: same.some(function (c) { return c.id === n.id; }) || !n.id ? newId() : n.id,
        pagina: n.pagina,
        titel: String(n.titel || n.pagina),
        tekst: n.tekst,
        gewijzigd: String(n.gewijzigd || new Date().toISOString()),
        herkomst: same.length ? T.importedNote : n.herkomst
      });
      added += 1;
    });
    return added;
  }

  function initNotesPage() {
    var root = document.getElementById("kompas-mijn-aantekeningen");
    if (!root) {
      return;
    }
    var list = root.querySelector(".kompas-lijst");
    var status = root.querySelector(".kompas-status");
    var render = function () {
      var data = notesStore.read();
      list.textContent = "";
      if (!data.notities.length) {
        var empty = document.createElement("p");
        empty.textContent = T.noNotes;
        list.appendChild(empty);
      }
      data.notities.slice().sort(function (a, b) {
        return a.titel.localeCompare(b.titel) || String(a.gewijzigd).localeCompare(String(b.gewijzigd));
      }).forEach(function (n) {
        var item = document.createElement("article");
        item.className = "kompas-aantekening";
        var h = document.createElement("h2");
        var a = document.createElement("a");
        a.href = new URL(n.pagina, siteRoot()).href;
        a.textContent = n.titel;
        h.appendChild(a);
        var meta = document.createElement("p");
        meta.className = "kompas-aantekening__datum";
        meta.textContent = fmt(T.changed, { date: String(n.gewijzigd).slice(0, 10) }) + (n.herkomst ? " (" + n.herkomst + ")" : "");
        var text = document.createElement("p");
        text.className = "kompas-aantekening__tekst";
        text.textContent = n.tekst;
        item.appendChild(h);
        item.appendChild(meta);
        item.appendChild(text);
        list.appendChild(item);
      });
    };
    root.querySelector(".kompas-export-md").addEventListener("click", function () {
      download("kompas-aantekeningen-" + today() + ".md", "text/markdown", notesAsMarkdown(notesStore.read().notities));
    });
    root.querySelector(".kompas-export-json").addEventListener("click", function () {
      var data = notesStore.read();
      download("kompas-aantekeningen-" + today() + ".json", "application/json", JSON.stringify(data, null, 2));
    });
    root.querySelector(".kompas-import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) {
        return;
      }
      file.text().then(function (text) {
        var incoming = JSON.parse(text);
        var notes = Array.isArray(incoming) ? incoming : incoming.notities;
        if (!Array.isArray(notes) && incoming.v === 1) {
          notes = notesStore.spec.migrations[1](incoming).notities;
        }
        if (!Array.isArray(notes)) {
          throw new Error("no notes");
        }
        var data = notesStore.read();
        var added = mergeNotes(data.notities, notes);
        notesStore.write(data);
        status.textContent = fmt(T.imported, { n: added });
        render();
      }).catch(function () {
        status.textContent = T.importFailed;
      });
      event.target.value = "";
    });
    root.querySelector(".kompas-wis-notities").addEventListener("click", function () {
      if (window.confirm(T.deleteConfirm)) {
        notesStore.write({ notities: [] });
        render();
      }
    });
    var asideBox = root.querySelector(".kompas-apart");
    var aside = setAsideKeys();
    if (aside.length && asideBox) {
      asideBox.querySelector(".kompas-export-apart").addEventListener("click", function () {
        var dump = {};
        setAsideKeys().forEach(function (k) { dump[k] = rawGet(k); });
        download("kompas-onleesbare-gegevens-" + today() + ".json", "application/json", JSON.stringify(dump, null, 2));
      });
      show(asideBox);
    }
    render();
    show(root);
  }

  /* ---------- changed since the last visit ---------- */

  var visitStore = new Store({
    key: "kompas.bezoek",
    version: 1,
    empty: function () { return { v: 1, laatst: null, vorige: null }; },
    migrations: {},
    valid: function (d) { return d.laatst === null || typeof d.laatst === "string"; }
  });

  /* A visit starts when this tab has no session mark yet. The marker compares a
     page's newest change with the end of the reader's previous visit. */
  function initVisits() {
    var data = visitStore.read();
    var fresh = false;
    try {
      fresh = !window.sessionStorage.getItem("kompas.sessie");
      window.sessionStorage.setItem("kompas.sessie", "1");
    } catch (e) {
      fresh = false;
    }
    if (fresh) {
      data.vorige = data.laatst;
    }
    var marker = document.querySelector(".kompas-gewijzigd[data-datum]");
    if (marker && data.vorige && marker.getAttribute("data-datum") > String(data.vorige).slice(0, 10)) {
      show(marker);
    }
    data.laatst = new Date().toISOString();
    visitStore.write(data);
  }

  /* ---------- sharing ---------- */

  function initShare() {
    document.querySelectorAll(".kompas-deel").forEach(function (button) {
      var status = button.parentNode.querySelector(".kompas-deel__status");
      button.addEventListener("click", function () {
        var url = window.location.href.split("#")[0];
        if (navigator.share) {
          navigator.share({ title: document.title, url: url }).catch(function () {});
          return;
        }
        var done = function (ok) { status.textContent = ok ? T.copied : T.copyFailed; };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
        } else {
          done(false);
        }
      });
      show(button.parentNode);
    });
  }

  /* ---------- start ---------- */

  function start() {
    var info = route() || { delen: [] };
    initProgress(info);
    initNotePanel();
    initNotesPage();
    initShare();
    initVisits();
    if (!storageOk) {
      notice(T.noStorage);
    } else if (problems.length) {
      notice(T.unreadable);
    }
  }

  window.kompas = {
    Store: Store,
    problems: problems,
    notice: notice,
    download: download,
    today: today,
    fmt: fmt,
    rawSet: rawSet,
    progressStore: progressStore,
    notesStore: notesStore,
    mergeNotes: mergeNotes
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
