#!/usr/bin/env bash
# Build dist/pos/ with PyInstaller (build.spec), then check the folder runs on its own:
# --version, --help of every command, the resources inside, and the sandbox answering a
# signed orderquery over HTTP. Exits non-zero on the first failure. Every program it starts
# runs in a session of its own, and the script ends it with all its processes (the relay's
# worker, the cashier's servers) before going on, and on any failure.
#
#   tools/build_and_smoke.sh [PYINSTALLER]     (default: .venv/bin/pyinstaller)
#
# Prints the build time and the folder's size. Needs curl and python3 (the system's: only to
# pick a free port and to sign the request, never to run the app).
set -euo pipefail
cd "$(dirname "$0")/.."

PYINSTALLER=${1:-.venv/bin/pyinstaller}
DIST=dist/pos
EXE=$DIST/pos
fail() { echo "build_and_smoke: FAIL: $*" >&2; exit 1; }
ok() { echo "build_and_smoke: ok: $*"; }

[ -x "$PYINSTALLER" ] || fail "no pyinstaller at $PYINSTALLER"
command -v curl >/dev/null || fail "curl is needed"
command -v setsid >/dev/null || fail "setsid (util-linux) is needed"
command -v ps >/dev/null || fail "ps (procps) is needed"

start=$(date +%s)
"$PYINSTALLER" --noconfirm --clean --log-level WARN build.spec
seconds=$(( $(date +%s) - start ))
[ -x "$EXE" ] || fail "$EXE was not built"
echo "build_and_smoke: build time ${seconds}s; $DIST is $(du -sh "$DIST" | cut -f1)"

# The bundle must not find the developer's Python or the source tree by accident.
SMOKE_HOME=$(mktemp -d)
STARTED=()  # the programs started in the background: each one's pid is its session's id
# Whether a process of session $1 is still running (a zombie waiting to be reaped is not).
session_alive() {
    ps -e -o sid= -o stat= | awk -v sid="$1" '$1 == sid && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}
# End a program started by `start` and every process of its session: SIGTERM, then wait for
# the session to be empty (the relay's worker ends after the relay). SIGKILL after 10 s;
# returns 1 if that was needed.
end_session() {
    local pid=$1 _ status=0
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        session_alive "$pid" || break
        sleep 0.1
    done
    if session_alive "$pid"; then
        kill -KILL -- "-$pid" 2>/dev/null || true
        status=1
    fi
    wait "$pid" 2>/dev/null || true
    return "$status"
}
cleanup() {
    local pid
    for pid in "${STARTED[@]}"; do end_session "$pid" || true; done
    STARTED=()
    rm -rf "$SMOKE_HOME"
}
trap cleanup EXIT
EXE_PATH=$(pwd)/$EXE
run() {
    (cd "$SMOKE_HOME" && exec env -i PATH=/usr/bin:/bin HOME="$SMOKE_HOME" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$EXE_PATH" "$@")
}
# Start the bundle in the background, in a session of its own (setsid does not fork here:
# the subshell leads no group), so STARTED_PID is the program's pid and its session's id.
# Not `run ... &`: that forks a subshell for the function, whose pid is not the program's.
start() {
    (cd "$SMOKE_HOME" && exec setsid env -i PATH=/usr/bin:/bin HOME="$SMOKE_HOME" \
        LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@") &
    STARTED_PID=$!
    STARTED+=("$STARTED_PID")
}
stop() {
    local pid kept=()
    for pid in "${STARTED[@]}"; do [ "$pid" = "$1" ] || kept+=("$pid"); done
    STARTED=("${kept[@]}")
    end_session "$1" || fail "$2 did not end within 10 s of SIGTERM (killed)"
}

version=$(run --version)
expected="pos $(sed -n 's/^__version__ = "\(.*\)"$/\1/p' pos/__init__.py)"
[ "$version" = "$expected" ] || fail "--version printed '$version', expected '$expected'"
ok "--version: $version"

for command in "" sandbox relay export reconcile; do
    # shellcheck disable=SC2086 # an empty $command is no argument
    run $command --help >"$SMOKE_HOME/help.txt" || fail "pos $command --help failed"
    grep -q "usage: pos" "$SMOKE_HOME/help.txt" || fail "pos $command --help printed no usage"
done
ok "--help of pos and its commands"

if run export --date not-a-date --output x.csv 2>"$SMOKE_HOME/err.txt"; then
    fail "a bad date was accepted"
fi
grep -q "pos: error:" "$SMOKE_HOME/err.txt" || fail "a bad date gave no one-line error"
ok "bad input exits non-zero with one line"

internal=$DIST/_internal
for file in resources/style.qss resources/sounds/paid.wav resources/i18n/pos_zh_CN.qm \
    resources/i18n/pos_en.qm PySide6/QtCharts.abi3.so PySide6/QtMultimedia.abi3.so; do
    [ -e "$internal/$file" ] || fail "$file is missing from the bundle"
done
for unwanted in QtWebEngineCore QtQuick Qt3DCore QtPdf QtQml; do
    if find "$internal" -name "*${unwanted}*" | grep -q .; then
        fail "$unwanted was bundled (excluded in build.spec)"
    fi
done
ok "resources, translations, QtCharts and QtMultimedia inside; WebEngine, Quick, 3D, PDF out"

# The sandbox from the bundle, on a free port, answering a signed orderquery (§3.2): an order
# that does not exist must come back as a signed result_code=FAIL, err_code=ORDERNOTEXIST.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start "$EXE_PATH" sandbox --port "$port" >"$SMOKE_HOME/sandbox.out" 2>&1
SANDBOX_PID=$STARTED_PID
for _ in $(seq 1 100); do
    grep -q "sandbox on http://127.0.0.1:$port" "$SMOKE_HOME/sandbox.out" && break
    kill -0 "$SANDBOX_PID" 2>/dev/null || fail "the sandbox exited: $(cat "$SMOKE_HOME/sandbox.out")"
    sleep 0.1
done
grep -q "sandbox on http://127.0.0.1:$port" "$SMOKE_HOME/sandbox.out" \
    || fail "the sandbox did not start on port $port"
# The documented test merchant and key of §2.3 (the sandbox's default merchant).
request=$(python3 - <<'EOF'
import hashlib, secrets
fields = {"appid": "wxd930ea5d5a258f4f", "mch_id": "10000100",
          "nonce_str": secrets.token_hex(16), "out_trade_no": "SMOKE" + secrets.token_hex(8)}
text = "&".join(f"{k}={fields[k]}" for k in sorted(fields)) + "&key=192006250b4c09247ec02edce69f6a2d"
fields["sign"] = hashlib.md5(text.encode()).hexdigest().upper()
print("<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + "</xml>")
EOF
)
reply=$(curl -sS --max-time 10 -X POST -H 'Content-Type: text/xml' --data "$request" \
    "http://127.0.0.1:$port/pay/orderquery") || fail "no HTTP answer from the sandbox"
for part in "<return_code><![CDATA[SUCCESS]]></return_code>" "<result_code><![CDATA[FAIL]]></result_code>" \
    "<err_code><![CDATA[ORDERNOTEXIST]]></err_code>" "<sign>"; do
    case "$reply" in *"$part"*) ;; *) fail "unexpected sandbox reply: $reply" ;; esac
done
ok "sandbox from the bundle answered orderquery with ORDERNOTEXIST over HTTP"
# SIGTERM: a background job of a script ignores SIGINT, so Ctrl-C's signal would not reach it.
stop "$SANDBOX_PID" "the sandbox"

# `pos relay` from the bundle: its worker process is this same binary run again (spawn), so
# a signed notification answered SUCCESS proves the bundle can start it and commit through it.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start WECHATPAY_APPID=wxd930ea5d5a258f4f WECHATPAY_MCH_ID=10000100 \
    WECHATPAY_API_KEY=192006250b4c09247ec02edce69f6a2d \
    "$EXE_PATH" relay --port "$port" --database "$SMOKE_HOME/relay-smoke.sqlite3" \
    >"$SMOKE_HOME/relay.out" 2>&1
RELAY_PID=$STARTED_PID
for _ in $(seq 1 200); do
    curl -sf --max-time 2 "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 "$RELAY_PID" 2>/dev/null || fail "the relay exited: $(tail -5 "$SMOKE_HOME/relay.out")"
    sleep 0.1
done
notification=$(python3 - <<'EOF'
import hashlib, secrets
fields = {"appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "nonce_str": secrets.token_hex(16),
          "out_trade_no": "SMOKE" + secrets.token_hex(8), "result_code": "SUCCESS",
          "return_code": "SUCCESS", "time_end": "20240601123105", "total_fee": "2550",
          "cash_fee": "2550", "trade_type": "NATIVE", "openid": "o1", "bank_type": "OTHERS",
          "transaction_id": "42" + str(secrets.randbelow(10**26)).zfill(26)}
text = "&".join(f"{k}={fields[k]}" for k in sorted(fields)) + "&key=192006250b4c09247ec02edce69f6a2d"
fields["sign"] = hashlib.md5(text.encode()).hexdigest().upper()
print("<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + "</xml>")
EOF
)
reply=$(curl -sS --max-time 10 -X POST -H 'Content-Type: text/xml' --data "$notification" \
    "http://127.0.0.1:$port/wechatpay/notify") || fail "no HTTP answer from the relay"
case "$reply" in
    *"<return_code><![CDATA[SUCCESS]]></return_code>"*) ;;
    *) fail "unexpected relay reply: $reply ($(tail -5 "$SMOKE_HOME/relay.out"))" ;;
esac
ok "relay from the bundle verified and committed a notification in its worker process"
stop "$RELAY_PID" "the relay (and its worker)"

# The cashier itself, headless (offscreen Qt), on a fresh home: it must open its database and
# start the embedded sandbox and relay (their databases appear), and still be running.
# An (empty) settings file: an installed till, so no first-run dialog waits for a click.
rm -rf "$SMOKE_HOME/.local" "$SMOKE_HOME/.config"
mkdir -p "$SMOKE_HOME/.config/wechatpay-pos"
: >"$SMOKE_HOME/.config/wechatpay-pos/settings.toml"
start "$EXE_PATH" >"$SMOKE_HOME/cashier.out" 2>&1
CASHIER_PID=$STARTED_PID
data=$SMOKE_HOME/.local/share/wechatpay-pos
for _ in $(seq 1 200); do
    [ -e "$data/pos.sqlite3" ] && [ -e "$data/relay.sqlite3" ] && break
    kill -0 "$CASHIER_PID" 2>/dev/null || fail "the cashier exited: $(tail -5 "$SMOKE_HOME/cashier.out")"
    sleep 0.1
done
[ -e "$data/relay.sqlite3" ] || fail "the cashier did not start its embedded relay"
sleep 1
kill -0 "$CASHIER_PID" 2>/dev/null || fail "the cashier stopped: $(tail -5 "$SMOKE_HOME/cashier.out")"
ok "the cashier window starts from the bundle (offscreen) with its embedded sandbox and relay"
stop "$CASHIER_PID" "the cashier"
ok "the sandbox, the relay and the cashier ended with all their processes"
echo "build_and_smoke: all checks passed (build ${seconds}s, $(du -sh "$DIST" | cut -f1))"
