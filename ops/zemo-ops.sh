#!/usr/bin/env bash
# The cut-over and rollback controls as commands (docs/runbooks/). Each is one API call (or a loop of them);
# read the runbooks for when to use which.
#
#   ZEMO_URL=https://zemo.internal ZEMO_TOKEN=<admin token> ops/zemo-ops.sh COMMAND [ARGS]
#
#   read-only on|off|status          PUT/GET /api/v1/admin/read-only
#   pause-all | resume-all           POST /api/v1/operator/job-types/{type}/pause|resume for every type
#   job-types                        GET  /api/v1/operator/job-types
#   drain [TIMEOUT_S]                POST /api/v1/ops/drain?timeoutSeconds=  (exit 3 when jobs still run)
#   export-logs FILE [csv|jsonl] [SINCE]   GET /api/v1/ops/job-logs
#   traffic TOKENS|USERS ID [legacy|shadow|zemo]   GET/PUT /api/v1/admin/traffic/{tokens|users}/{id}
#   traffic-list | mismatches [N]   GET /api/v1/admin/traffic, /api/v1/admin/traffic/mismatches
#   legacy-export [JSON]             POST /api/v1/admin/legacy-exports (issue 5; body passed as given)
#   health                           GET /health/ready
set -euo pipefail
: "${ZEMO_URL:?set ZEMO_URL, e.g. http://localhost:8080}"
url=${ZEMO_URL%/}
auth=(-H "Authorization: Bearer ${ZEMO_TOKEN:?set ZEMO_TOKEN to an admin token}")
call() { # METHOD PATH [BODY]: prints the answer; a 4xx/5xx prints the problem and fails
  local args=(-sS --fail-with-body -X "$1" "${auth[@]}")
  if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data "$3"); fi
  curl "${args[@]}" "$url$2"
}
types() { call GET /api/v1/operator/job-types | grep -o '"type":"[^"]*"' | cut -d'"' -f4; }

cmd=${1:-}; shift || true
case "$cmd" in
  read-only)
    case "${1:-status}" in
      on) call PUT /api/v1/admin/read-only '{"readOnly":true}' ;;
      off) call PUT /api/v1/admin/read-only '{"readOnly":false}' ;;
      *) call GET /api/v1/admin/read-only ;;
    esac; echo ;;
  pause-all|resume-all)
    verb=${cmd%-all}
    for t in $(types); do call POST "/api/v1/operator/job-types/$t/$verb" >/dev/null && echo "$verb $t"; done ;;
  job-types) call GET /api/v1/operator/job-types; echo ;;
  drain)
    out=$(call POST "/api/v1/ops/drain?timeoutSeconds=${1:-60}")
    echo "$out"
    [[ "$out" == *'"drained":true'* ]] || exit 3 ;;
  export-logs)
    file=${1:?export-logs FILE [csv|jsonl] [SINCE]}
    curl -sS --fail "${auth[@]}" -o "$file" "$url/api/v1/ops/job-logs?format=${2:-jsonl}${3:+&since=$3}"
    echo "wrote $file ($(wc -l < "$file") lines)" ;;
  traffic)
    kind=${1:?traffic tokens|users ID [STATE]}; id=${2:?id}
    if [[ -n "${3:-}" ]]; then call PUT "/api/v1/admin/traffic/$kind/$id" "{\"state\":\"$3\"}"; else call GET "/api/v1/admin/traffic/$kind/$id"; fi; echo ;;
  traffic-list) call GET /api/v1/admin/traffic; echo ;;
  mismatches) call GET "/api/v1/admin/traffic/mismatches?limit=${1:-20}"; echo ;;
  legacy-export) call POST /api/v1/admin/legacy-exports "${1:-"{}"}"; echo ;;
  health) curl -sS "$url/health/ready"; echo ;;
  *) sed -n '2,20p' "$0"; exit 2 ;;
esac
