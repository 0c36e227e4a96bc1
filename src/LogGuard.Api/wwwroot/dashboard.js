// The dashboard reads LogGuard's own JSON API and redraws every few seconds. Every figure on the page comes from it.
(() => {
  "use strict";

  const refreshMs = 5000;
  const runsShown = 200; // newest monitor runs charted: enough for hours of history, few enough to stay quick
  const keyStorage = "logguard.apiKey";
  const charts = new Map();

  const $ = (id) => document.getElementById(id);

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value ?? "";
    if (className) element.className = className;
    return element;
  }

  function row(cells, className) {
    const tr = document.createElement("tr");
    if (className) tr.className = className;
    for (const cell of cells) tr.append(cell instanceof Node ? cell : text("td", cell));
    return tr;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString() : "";
  }

  function duration(fromIso) {
    let seconds = Math.max(0, Math.round((Date.now() - new Date(fromIso).getTime()) / 1000));
    const parts = [];
    for (const [unit, size] of [["d", 86400], ["h", 3600], ["min", 60]]) {
      if (seconds >= size) {
        parts.push(Math.floor(seconds / size) + " " + unit);
        seconds %= size;
      }
    }
    return parts.length ? parts.join(" ") : seconds + " s";
  }

  function percent(value) {
    return value == null ? "–" : (100 * value).toFixed(1) + "%";
  }

  class KeyRequired extends Error {}

  async function get(path) {
    const headers = { Accept: "application/json" };
    const key = sessionStorage.getItem(keyStorage);
    if (key) headers["X-Api-Key"] = key;
    const response = await fetch(path, { headers });
    if (response.status === 401) throw new KeyRequired();
    if (!response.ok) throw new Error(path + " answered " + response.status);
    return response.json();
  }

  function showState(state) {
    const badge = $("state");
    badge.textContent = state.state;
    badge.className = "badge " + state.state;
    badge.title = state.fallbackActive ? "The rules decide; the model scores in shadow." : "";
    $("state-since").textContent = when(state.since);
    $("state-duration").textContent = duration(state.since);
    $("state-reason").textContent = state.reason;
    $("baseline").textContent = state.baseline.status + " (" + state.baseline.sampleSize + " predictions)";
    $("last-run").textContent = state.lastRun
      ? when(state.lastRun.at) + ": " + state.lastRun.predictionCount + " predictions, " + state.lastRun.severity
      : "none yet";
  }

  function showModel(model) {
    $("model-version").textContent = model.loaded ? model.version : "not loaded: " + (model.unavailableReason ?? "");
    const heldOut = model.metadata?.heldOut;
    $("model-f1").textContent = heldOut ? heldOut.f1.toFixed(3) + " on " + heldOut.count + " held-out lines" : "–";
    $("model-pr").textContent = heldOut ? heldOut.precision.toFixed(3) + " / " + heldOut.recall.toFixed(3) : "–";
    $("model-canary").textContent = model.canary
      ? (model.canary.passed ? "passed" : "FAILED") + ": golden-set accuracy " + model.canary.accuracy + " (recorded " + model.canary.recordedAccuracy + ")"
      : "–";
  }

  // One chart per key, created once and then only fed new data, so a refresh never rebuilds the page.
  function chart(key, container, series, data, height) {
    let plot = charts.get(key);
    if (!plot) {
      const width = Math.max(240, container.clientWidth - 8);
      plot = new uPlot({ width, height, series: [{}, ...series], axes: [{}, { size: 50 }], legend: { show: true } }, data, container);
      charts.set(key, plot);
    } else {
      plot.setData(data);
    }
    return plot;
  }

  function showTraffic(runs) {
    const chronological = [...runs].reverse();
    $("traffic-empty").hidden = chronological.length > 0;
    if (chronological.length === 0) return;
    const times = chronological.map((run) => new Date(run.windowEnd).getTime() / 1000);
    const linesPerSecond = chronological.map((run) => {
      const seconds = (new Date(run.windowEnd) - new Date(run.windowStart)) / 1000;
      return seconds > 0 ? run.predictionCount / seconds : null;
    });
    const suspiciousShare = chronological.map((run) => {
      const signal = run.signals.find((s) => s.name === "positive_rate");
      return signal ? 100 * signal.value : null;
    });
    chart("traffic", $("traffic-chart"), [
      { label: "lines/s", stroke: "#2563eb" },
      { label: "% suspicious", stroke: "#b3261e" },
    ], [times, linesPerSecond, suspiciousShare], 180);
  }

  function showSignals(runs) {
    const chronological = [...runs].reverse();
    const names = [...new Set(chronological.flatMap((run) => run.signals.map((s) => s.name)))];
    const container = $("signals");
    for (const name of names) {
      let box = document.getElementById("signal-" + name);
      if (!box) {
        box = document.createElement("div");
        box.id = "signal-" + name;
        box.className = "signal";
        box.append(document.createElement("h3"), document.createElement("div"));
        container.append(box);
      }
      const points = chronological.map((run) => [new Date(run.windowEnd).getTime() / 1000, run.signals.find((s) => s.name === name)]).filter((p) => p[1]);
      const latest = points[points.length - 1][1];
      const title = box.querySelector("h3");
      title.replaceChildren(text("span", name), text("span", latest.verdict, "verdict-" + latest.verdict.toLowerCase()));
      chart("signal-" + name, box.querySelector("div"), [
        { label: "window", stroke: "#2563eb" },
        { label: "baseline", stroke: "#9ca3af", dash: [4, 4] },
      ], [points.map((p) => p[0]), points.map((p) => p[1].value), points.map((p) => p[1].baseline)], 120);
    }
    if (names.length === 0 && container.childElementCount === 0) {
      container.append(text("p", "No signal yet: the monitor is still baselining or has not run.", "muted"));
    }
  }

  async function showIncidents(page) {
    const body = $("incidents");
    const details = await Promise.all(page.items.slice(0, 10).map((incident) => get("/incidents/" + incident.id)));
    body.replaceChildren(...details.map((incident) => {
      const explanation = incident.explanations[incident.explanations.length - 1];
      return row([
        String(incident.id),
        when(incident.detectedAt),
        incident.severity,
        incident.resolved ? "resolved " + when(incident.resolvedAt) : incident.acknowledgedAt ? "acknowledged" : "open",
        incident.decisionReason,
        explanation ? explanation.summary : "being written",
      ], incident.resolved ? "" : "open");
    }));
    if (details.length === 0) body.append(row([text("td", "No incident so far.", "muted")]));
  }

  function showSuspicious(lines) {
    const body = $("suspicious");
    body.replaceChildren(...lines.map((line) => row([
      when(line.timestamp),
      line.source ?? "",
      line.score.toFixed(2),
      line.decidedBy + (line.needsReview ? " (review)" : ""),
      text("td", line.line, "line"),
      line.rules.map((rule) => rule.id + ": " + rule.description).join("; ") || "model probability " + percent(line.modelProbability),
    ])));
    if (lines.length === 0) body.append(row([text("td", "No suspicious line yet.", "muted")]));
  }

  async function refresh() {
    try {
      const [state, model, runs, incidents, suspicious] = await Promise.all([
        get("/state"), get("/model"), get("/monitoring/runs?limit=" + runsShown), get("/incidents?pageSize=10"), get("/analysis/recent-suspicious?limit=20"),
      ]);
      showState(state);
      showModel(model);
      showTraffic(runs);
      showSignals(runs);
      await showIncidents(incidents);
      showSuspicious(suspicious);
      $("error").hidden = true;
      $("key-form").hidden = true;
      $("updated").textContent = "updated " + new Date().toLocaleTimeString();
    } catch (error) {
      if (error instanceof KeyRequired) {
        $("key-form").hidden = false;
      } else {
        $("error").textContent = "Could not refresh: " + error.message;
        $("error").hidden = false;
      }
    } finally {
      setTimeout(refresh, refreshMs);
    }
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(keyStorage, $("key").value);
    $("key").value = "";
    $("key-form").hidden = true;
  });

  refresh();
})();
