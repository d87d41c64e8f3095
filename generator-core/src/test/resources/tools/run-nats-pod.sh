#!/bin/sh
# Starts one nats-server in the network namespace this script runs in (unshare --net: only a
# loopback interface, so no test traffic can leave the machine), waits for its liveness endpoint,
# (up to a minute, a bound only for a server that never comes up), saves what the monitor port
# reports, and stops it with SIGINT (lame duck off, exit code 0).
# Usage: run-nats-pod.sh NATS_SERVER CONFIG MONITOR_PORT LIVENESS_PATH OUT_DIR
set -eu
server=$1 config=$2 port=$3 liveness=$4 out=$5
ip link set lo up
"$server" -c "$config" >"$out/server.log" 2>&1 &
pid=$!
i=0
until curl -sf "http://127.0.0.1:$port$liveness" >"$out/liveness.json" 2>/dev/null; do
  i=$((i + 1))
  if [ $i -ge 600 ] || ! kill -0 $pid 2>/dev/null; then
    break
  fi
  sleep 0.1
done
curl -s "http://127.0.0.1:$port$liveness" >"$out/liveness.json" || true
curl -s "http://127.0.0.1:$port/varz" >"$out/varz.json" || true
curl -s "http://127.0.0.1:$port/jsz" >"$out/jsz.json" || true
kill -INT $pid 2>/dev/null || true
status=0
wait $pid || status=$?
echo "$status" >"$out/exit"
