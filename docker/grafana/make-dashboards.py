#!/usr/bin/env python3
"""Writes the provisioned Grafana dashboards (docker/grafana/dashboards/*.json) from one short description each.

Every expression uses metric names a running node really exposes at /metrics (checked against a node on
2026-11-28: zemo_jobs_*, zemo_http_*, zemo_traffic_* when present, Payara's connection_pool_zemo_pool_* and the
base JVM metrics). Re-run after changing a panel: python3 docker/grafana/make-dashboards.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def panel(pid, title, exprs, unit="short", x=0, y=0, w=12, h=8, legend="{{node}}"):
    return {
        "id": pid, "type": "timeseries", "title": title,
        "datasource": {"type": "prometheus", "uid": "prometheus"},
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {"legend": {"displayMode": "list", "placement": "bottom"}},
        "targets": [{"refId": chr(65 + i), "expr": e, "legendFormat": l}
                    for i, (e, l) in enumerate(exprs if isinstance(exprs[0], tuple) else [(e, legend) for e in exprs])],
    }


def dashboard(uid, title, description, panels):
    laid = []
    for i, p in enumerate(panels):
        p = dict(p)
        p["id"] = i + 1
        p["gridPos"] = {"x": (i % 2) * 12, "y": (i // 2) * 8, "w": 12, "h": 8}
        laid.append(p)
    return {
        "uid": uid, "title": title, "description": description, "tags": ["zemo"],
        "schemaVersion": 39, "version": 1, "editable": False, "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {"list": [{
            "name": "node", "type": "query", "label": "node",
            "datasource": {"type": "prometheus", "uid": "prometheus"},
            "query": {"query": "label_values(jvm_uptime_seconds, node)", "refId": "node"},
            "definition": "label_values(jvm_uptime_seconds, node)",
            "includeAll": True, "multi": True, "current": {"text": "All", "value": "$__all"}, "refresh": 2}]},
        "panels": laid,
    }


N = 'node=~"$node"'


def jobs_panels(types):
    t = f'type=~"{types}"'
    return [
        panel(0, "Queued jobs", [(f"max by (type) (zemo_jobs_queued{{{t}}})", "{{type}}")]),
        panel(0, "Running jobs", [(f"max by (type) (zemo_jobs_running{{{t}}})", "{{type}}")]),
        panel(0, "Finished per minute by status",
              [(f"sum by (type, status) (rate(zemo_jobs_finished_total{{{t},{N}}}[5m])) * 60", "{{type}} {{status}}")]),
        panel(0, "Submitted per minute",
              [(f"sum by (type) (rate(zemo_jobs_submitted_total{{{t},{N}}}[5m])) * 60", "{{type}}")]),
        panel(0, "Run time p95 (ms)",
              [(f'max by (type) (zemo_jobs_duration_ms{{{t},{N},quantile="0.95"}})', "{{type}}")], unit="ms"),
        panel(0, "Queue wait p95 (ms)",
              [(f'max by (type) (zemo_jobs_queue_wait_ms{{{t},{N},quantile="0.95"}})', "{{type}}")], unit="ms"),
    ]


DASHBOARDS = {
    "zemo-api.json": dashboard("zemo-api", "Zemo API", "HTTP requests by endpoint and status, latency, pool, JVM.", [
        panel(0, "Requests per second by status",
              [(f"sum by (status) (rate(zemo_http_requests_seconds_count{{{N}}}[5m]))", "{{status}}")], unit="reqps"),
        panel(0, "Top endpoints (req/s)",
              [(f"topk(10, sum by (method, endpoint) (rate(zemo_http_requests_seconds_count{{{N}}}[5m])))",
                "{{method}} {{endpoint}}")], unit="reqps"),
        # Payara 6 renders a timer's quantiles (and _max, _mean) in nanoseconds despite the _seconds name; _sum is in
        # seconds (docs/observability.md). Hence the / 1e9 here and the mean from _sum / _count.
        panel(0, "Latency p95 by endpoint",
              [(f'max by (method, endpoint) (zemo_http_requests_seconds{{{N},quantile="0.95"}}) / 1e9',
                "{{method}} {{endpoint}}")], unit="s"),
        panel(0, "Mean latency by endpoint",
              [(f"sum by (method, endpoint) (rate(zemo_http_requests_seconds_sum{{{N}}}[5m])) / "
                f"sum by (method, endpoint) (rate(zemo_http_requests_seconds_count{{{N}}}[5m]))",
                "{{method}} {{endpoint}}")], unit="s"),
        panel(0, "5xx share",
              [(f'sum(rate(zemo_http_requests_seconds_count{{{N},status=~"5.."}}[5m])) / '
                f'sum(rate(zemo_http_requests_seconds_count{{{N}}}[5m]))', "5xx")], unit="percentunit"),
        panel(0, "Database pool: used / total",
              [(f"connection_pool_zemo_pool_usedConnection_total{{{N}}}", "used {{node}}"),
               (f"connection_pool_zemo_pool_totalConnection{{{N}}}", "total {{node}}")]),
        panel(0, "Heap used", [(f"memory_usedHeap_bytes{{{N}}}", "{{node}}")], unit="bytes"),
        panel(0, "Threads", [(f"thread_count{{{N}}}", "{{node}}")]),
        panel(0, "GC time per second", [(f"sum by (node) (rate(gc_time_seconds_total{{{N}}}[5m]))", "{{node}}")], unit="s"),
    ]),
    "zemo-jobs.json": dashboard("zemo-jobs", "Zemo jobs", "Every job type: queue, running, outcomes, timings.",
                                jobs_panels(".*") + [panel(0, "Take-overs (node loss)",
                                                           [("sum(increase(zemo_jobs_takeovers_total[1h]))", "take-overs")])]),
    "zemo-providers.json": dashboard(
        "zemo-providers", "Zemo providers (SERP, LLM)",
        "Jobs that call external providers (serp, generate, pipeline). Per-provider call metrics appear here when "
        "the adapters publish zemo_provider_* series.",
        jobs_panels("serp|generate|pipeline") + [
            panel(0, "Provider calls per second (zemo_provider_calls)",
                  [("sum by (provider, outcome) (rate(zemo_provider_calls_total[5m]))", "{{provider}} {{outcome}}")],
                  unit="reqps")]),
    "zemo-scraper.json": dashboard(
        "zemo-scraper", "Zemo scraper", "Scrape jobs; page fetch outcomes when the scraper publishes zemo_scrape_*.",
        jobs_panels("scrape|pipeline") + [
            panel(0, "Page fetches per second by outcome (zemo_scrape_fetches)",
                  [("sum by (outcome) (rate(zemo_scrape_fetches_total[5m]))", "{{outcome}}")], unit="reqps")]),
    "zemo-migration.json": dashboard(
        "zemo-migration", "Zemo migration and traffic switch",
        "Legacy import/export jobs, and the traffic switch: requests by state, shadow mismatches.",
        jobs_panels("legacy-import|legacy-export") + [
            panel(0, "Integrator requests by switch state",
                  [("sum by (state) (rate(zemo_traffic_requests_total[5m]))", "{{state}}")], unit="reqps"),
            panel(0, "Shadow comparisons by result",
                  [("sum by (result) (rate(zemo_traffic_shadow_total[5m]))", "{{result}}")], unit="reqps"),
        ]),
}

if __name__ == "__main__":
    out = os.path.join(HERE, "dashboards")
    os.makedirs(out, exist_ok=True)
    for name, d in DASHBOARDS.items():
        with open(os.path.join(out, name), "w") as f:
            json.dump(d, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print("wrote", os.path.join("docker/grafana/dashboards", name))
