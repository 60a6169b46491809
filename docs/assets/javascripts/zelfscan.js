/*
 * Zelfscan: answers, result view, export and import.
 *
 * Uses the storage layer of kompas.js (versioned key, corrupt data kept aside).
 * The questions are plain form fields in the page, so without JavaScript the
 * scan is a printable checklist; this script only adds saving and the result.
 */
(function () {
  "use strict";

  var LANG = document.documentElement.lang === "en" ? "en" : "nl";
  var T = {
    nl: {
      answered: "Je hebt {n} van de {t} vragen beantwoord.",
      of: "{n} van {t}",
      yes: "Ja",
      no: "Nee",
      noSteps: "Nog geen volgende stappen: beantwoord eerst vragen met Nee, Deels of Weet ik niet.",
      replace: "Je huidige antwoorden worden vervangen door die uit het bestand. Je huidige antwoorden blijven apart bewaard in deze browser. Doorgaan?",
      clear: "Alle antwoorden wissen? Ze blijven apart bewaard in deze browser.",
      imported: "Antwoorden geïmporteerd.",
      importFailed: "Dit bestand kon niet worden gelezen. Kies een JSON-bestand dat je eerder uit de zelfscan hebt geëxporteerd.",
      title: "Zelfscan aanpak mensenhandel",
      answerNames: { ja: "Ja", deels: "Deels", nee: "Nee", onbekend: "Weet ik niet" },
      notAnswered: "Niet beantwoord",
      reached: "Basis op orde",
      level: { basis: "Basis", verdieping: "Verdieping" }
    },
    en: {
      answered: "You have answered {n} of the {t} questions.",
      of: "{n} of {t}",
      yes: "Yes",
      no: "No",
      noSteps: "No next steps yet: first answer questions with No, Partly or Don't know.",
      replace: "Your current answers will be replaced by those in the file. Your current answers are kept aside in this browser. Continue?",
      clear: "Clear all answers? They are kept aside in this browser.",
      imported: "Answers imported.",
      importFailed: "This file could not be read. Choose a JSON file you exported from the self-assessment before.",
      title: "Self-assessment on human trafficking policy",
      answerNames: { ja: "Yes", deels: "Partly", nee: "No", onbekend: "Don't know" },
      notAnswered: "Not answered",
      reached: "Basis level reached",
      level: { basis: "Basis", verdieping: "Verdieping" }
    }
  }[LANG];
  var VALUES = ["ja", "deels", "nee", "onbekend"];
  var RANK = { nee: 0, deels: 1, onbekend: 2 };

  function start() {
    var root = document.getElementById("kompas-zelfscan");
    var dataEl = document.getElementById("kompas-scan-data");
    if (!root || !dataEl || !window.kompas) {
      return;
    }
    var k = window.kompas;
    var info = JSON.parse(dataEl.textContent);
    var ids = info.vragen.map(function (q) { return q.id; });
    var before = k.problems.length;
    var store = new k.Store({
      key: "kompas.zelfscan",
      version: 1,
      empty: function () { return { v: 1, antwoorden: {} }; },
      migrations: {},
      valid: function (d) {
        if (!d.antwoorden || typeof d.antwoorden !== "object" || Array.isArray(d.antwoorden)) {
          return false;
        }
        return Object.keys(d.antwoorden).every(function (id) {
          var a = d.antwoorden[id];
          return a && typeof a === "object" && (a.antwoord === undefined || VALUES.indexOf(a.antwoord) >= 0);
        });
      }
    });
    var data = store.read();
    if (k.problems.length > before) {
      k.notice(LANG === "en"
        ? "Your stored answers could not be read. They have been kept aside in this browser; the scan starts empty."
        : "Je opgeslagen antwoorden waren niet leesbaar. Ze zijn apart bewaard in deze browser; de scan begint leeg.");
    }

    function fill() {
      root.querySelectorAll("fieldset[data-item]").forEach(function (set) {
        var id = set.getAttribute("data-item");
        var a = data.antwoorden[id] || {};
        set.querySelectorAll("input[type=radio]").forEach(function (r) { r.checked = r.value === a.antwoord; });
        var note = set.querySelector("textarea");
        note.value = a.notitie || "";
        if (a.notitie) {
          showNote(set, true);
        }
      });
    }

    /* The note field under a question opens and closes with its button. */
    function showNote(set, open) {
      set.querySelector(".kompas-scan__notitie-knop").setAttribute("aria-expanded", open ? "true" : "false");
      set.querySelector(".kompas-scan__notitieveld").hidden = !open;
    }

    root.addEventListener("click", function (e) {
      var button = e.target.closest(".kompas-scan__notitie-knop");
      if (button) {
        showNote(button.closest("fieldset[data-item]"), button.getAttribute("aria-expanded") !== "true");
      }
    });

    function save(id) {
      var set = root.querySelector('fieldset[data-item="' + id + '"]');
      var checked = set.querySelector("input[type=radio]:checked");
      var note = set.querySelector("textarea").value;
      var entry = {};
      if (checked) {
        entry.antwoord = checked.value;
      }
      if (note) {
        entry.notitie = note;
      }
      if (entry.antwoord || entry.notitie) {
        data.antwoorden[id] = entry;
      } else {
        delete data.antwoorden[id];
      }
      data.gewijzigd = new Date().toISOString();
      store.write(data);
      render();
    }

    root.addEventListener("change", function (e) {
      var set = e.target.closest("fieldset[data-item]");
      if (set) {
        save(set.getAttribute("data-item"));
      }
    });
    root.addEventListener("input", function (e) {
      var set = e.target.closest("fieldset[data-item]");
      if (set && e.target.tagName === "TEXTAREA") {
        save(set.getAttribute("data-item"));
      }
    });

    /* The result: counts per theme and level, the verdict, and the next steps. */
    function result() {
      var themes = info.themas.map(function (t) {
        var row = { id: t.id, naam: t.naam, nummer: t.nummer, basis: [0, 0], verdieping: [0, 0] };
        info.vragen.forEach(function (q) {
          if (q.thema !== t.id) {
            return;
          }
          var a = (data.antwoorden[q.id] || {}).antwoord;
          row[q.niveau][1] += 1;
          if (a === "ja") {
            row[q.niveau][0] += 1;
          }
        });
        row.bereikt = row.basis[1] > 0 && row.basis[0] === row.basis[1];
        return row;
      });
      var steps = info.vragen.map(function (q, i) {
        return { q: q, a: (data.antwoorden[q.id] || {}).antwoord, i: i };
      }).filter(function (s) {
        return s.a in RANK;
      }).sort(function (x, y) {
        return (x.q.niveau === "basis" ? 0 : 1) - (y.q.niveau === "basis" ? 0 : 1) ||
          y.q.gewicht - x.q.gewicht || RANK[x.a] - RANK[y.a] || x.i - y.i;
      }).slice(0, 3);
      var answered = ids.filter(function (id) { return (data.antwoorden[id] || {}).antwoord; }).length;
      return { themes: themes, steps: steps, answered: answered };
    }

    var view = document.getElementById("kompas-scan-resultaat");

    function cell(pair) {
      var td = document.createElement("td");
      var p = document.createElement("progress");
      p.max = pair[1] || 1;
      p.value = pair[0];
      p.setAttribute("aria-hidden", "true");
      var span = document.createElement("span");
      span.textContent = k.fmt(T.of, { n: pair[0], t: pair[1] });
      td.appendChild(p);
      td.appendChild(document.createTextNode(" "));
      td.appendChild(span);
      return td;
    }

    function render() {
      var r = result();
      view.querySelector(".kompas-scan-samenvatting").textContent = k.fmt(T.answered, { n: r.answered, t: ids.length });
      var body = view.querySelector("tbody");
      body.textContent = "";
      r.themes.forEach(function (t) {
        var tr = document.createElement("tr");
        tr.setAttribute("data-thema", t.id);
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = t.nummer + ". " + t.naam;
        tr.appendChild(th);
        tr.appendChild(cell(t.basis)).className = "kompas-scan-basis";
        tr.appendChild(cell(t.verdieping)).className = "kompas-scan-verdieping";
        var verdict = document.createElement("td");
        verdict.className = "kompas-scan-oordeel";
        verdict.textContent = t.bereikt ? "✓ " + T.yes : T.no;
        tr.appendChild(verdict);
        body.appendChild(tr);
      });
      var list = view.querySelector(".kompas-scan-stappen");
      list.textContent = "";
      if (!r.steps.length) {
        var li = document.createElement("li");
        li.textContent = T.noSteps;
        list.appendChild(li);
      }
      r.steps.forEach(function (s) {
        var item = document.createElement("li");
        item.setAttribute("data-item", s.q.id);
        item.appendChild(document.createTextNode(s.q.stap + " "));
        var a = document.createElement("a");
        a.href = s.q.link;
        a.textContent = s.q.titel;
        item.appendChild(a);
        list.appendChild(item);
      });
      view.hidden = false;
    }

    function markdown() {
      var r = result();
      var out = ["# " + T.title, "", k.fmt(T.answered, { n: r.answered, t: ids.length }), ""];
      r.themes.forEach(function (t) {
        out.push("## " + t.nummer + ". " + t.naam, "");
        out.push("- " + T.level.basis + ": " + k.fmt(T.of, { n: t.basis[0], t: t.basis[1] }) +
          "; " + T.level.verdieping + ": " + k.fmt(T.of, { n: t.verdieping[0], t: t.verdieping[1] }) +
          "; " + T.reached + ": " + (t.bereikt ? T.yes : T.no), "");
        info.vragen.filter(function (q) { return q.thema === t.id; }).forEach(function (q) {
          var a = data.antwoorden[q.id] || {};
          out.push("- [" + T.level[q.niveau] + "] " + q.vraag + " **" + (a.antwoord ? T.answerNames[a.antwoord] : T.notAnswered) + "**" +
            (a.notitie ? "  \n  " + a.notitie.replace(/\n/g, "  \n  ") : ""));
        });
        out.push("");
      });
      return out.join("\n");
    }

    function keepAside() {
      if (Object.keys(data.antwoorden).length) {
        k.rawSet("kompas.zelfscan.vorige." + Date.now(), JSON.stringify(data));
      }
    }

    var buttons = document.getElementById("kompas-zelfscan-knoppen");
    var status = buttons.querySelector(".kompas-scan-status");
    buttons.querySelector(".kompas-scan-export-json").addEventListener("click", function () {
      k.download("kompas-zelfscan-" + k.today() + ".json", "application/json", JSON.stringify(data, null, 2));
    });
    buttons.querySelector(".kompas-scan-export-md").addEventListener("click", function () {
      k.download("kompas-zelfscan-" + k.today() + ".md", "text/markdown", markdown());
    });
    buttons.querySelector(".kompas-scan-wis").addEventListener("click", function () {
      if (window.confirm(T.clear)) {
        keepAside();
        data = { v: 1, antwoorden: {} };
        store.write(data);
        fill();
        render();
      }
    });
    buttons.querySelector(".kompas-scan-import").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      event.target.value = "";
      if (!file) {
        return;
      }
      file.text().then(function (text) {
        var incoming = JSON.parse(text);
        if (!incoming || typeof incoming.antwoorden !== "object" || Array.isArray(incoming.antwoorden)) {
          throw new Error("no answers");
        }
        var clean = {};
        Object.keys(incoming.antwoorden).forEach(function (id) {
          var a = incoming.antwoorden[id] || {};
          if (ids.indexOf(id) < 0 || (a.antwoord !== undefined && VALUES.indexOf(a.antwoord) < 0)) {
            return;
          }
          clean[id] = {};
          if (a.antwoord) {
            clean[id].antwoord = a.antwoord;
          }
          if (typeof a.notitie === "string" && a.notitie) {
            clean[id].notitie = a.notitie;
          }
        });
        if (Object.keys(data.antwoorden).length && !window.confirm(T.replace)) {
          return;
        }
        keepAside();
        data = { v: 1, antwoorden: clean, gewijzigd: incoming.gewijzigd || new Date().toISOString() };
        store.write(data);
        fill();
        render();
        status.textContent = T.imported;
      }).catch(function () {
        status.textContent = T.importFailed;
      });
    });

    fill();
    render();
    buttons.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
