#!/usr/bin/env bash
# Smoke test: starts the real Tandem binary on a virtual X display with an empty
# database and home directory, waits for the "Tandem" window, takes a screenshot
# (bin/smoke.png) and checks that something was drawn, then asks the app to quit
# and expects it to exit with status 0. Then it makes a password-protected
# example file, starts the app on it, types the password into the page that
# asks for it and checks that the file was opened.
#
# Environment:
#   TANDEM_BIN     use this binary instead of building bin/tandem
#   SMOKE_TIMEOUT  seconds to wait for the window (default 30)
set -euo pipefail

# A relative TANDEM_BIN means relative to where the script was started.
if [[ -n ${TANDEM_BIN:-} && $TANDEM_BIN != /* ]]; then
	TANDEM_BIN=$PWD/$TANDEM_BIN
fi
cd "$(dirname "$0")/.."

timeout_s=${SMOKE_TIMEOUT:-30}
out=bin/smoke.png # and bin/smoke-window.png

pass() { echo "smoke: PASS: $*"; }
fail() {
	echo "smoke: FAIL: $*" >&2
	if [[ -s ${tmp:-}/tandem.log ]]; then
		echo "smoke: --- output of the app ---" >&2
		tail -n 40 "$tmp/tandem.log" >&2
	fi
	exit 1
}

for tool in Xvfb xdotool import identify; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing; run scripts/deps.sh"
done

if [[ -n ${TANDEM_BIN:-} ]]; then
	bin=$TANDEM_BIN
	[[ -x $bin ]] || fail "TANDEM_BIN=$bin is not an executable file"
else
	bin=bin/tandem
	go build -o "$bin" . || fail "go build failed"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tandem-smoke.XXXXXX")
xvfb_pid=
app_pid=
cleanup() {
	set +e
	if [[ -n $app_pid ]]; then
		kill -KILL "$app_pid" 2>/dev/null
		wait "$app_pid" 2>/dev/null
	fi
	if [[ -n $xvfb_pid ]]; then
		kill "$xvfb_pid" 2>/dev/null
		wait "$xvfb_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# Start Xvfb on a free display; it writes the display number it chose to fd 3.
# -br gives a plain black root window, so an empty screen has a single colour.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -br 3>"$tmp/display" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
	[[ -s $tmp/display ]] && break
	kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
	sleep 0.1
done
[[ -s $tmp/display ]] || fail "Xvfb did not report a display within 10 s"
export DISPLAY=":$(head -n 1 "$tmp/display")"
echo "smoke: Xvfb running on $DISPLAY"

# start_app DB runs the app on DB with a throw-away home, so no real user
# data or settings are touched, and in German, the users' first language.
mkdir -p "$tmp/home"
start_app() {
	HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
		XDG_CACHE_HOME="$tmp/home/.cache" LANGUAGE='' LC_ALL='' LC_MESSAGES='' LANG=de_DE.UTF-8 \
		TANDEM_PASSWORD='' "$bin" --db "$1" </dev/null >>"$tmp/tandem.log" 2>&1 &
	app_pid=$!
}

# wait_window waits for the app's window and sets win.
wait_window() {
	started=$SECONDS
	win=
	while ((SECONDS - started < timeout_s)); do
		kill -0 "$app_pid" 2>/dev/null || fail "the app exited before showing a window"
		win=$(xdotool search --onlyvisible --name '^Tandem' 2>/dev/null | head -n 1 || true)
		[[ -n $win ]] && return
		sleep 0.5
	done
	fail "no window named \"Tandem\" within $timeout_s s"
}

# stop_app quits the way a desktop session does on logout: Fyne handles
# SIGTERM by closing its windows and returning from ShowAndRun, so main can
# close the database. The app must exit within 10 s with status 0.
stop_app() {
	kill -TERM "$app_pid"
	for _ in $(seq 100); do
		kill -0 "$app_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$app_pid" 2>/dev/null && fail "the app did not exit within 10 s after SIGTERM"
	local status=0
	wait "$app_pid" || status=$?
	app_pid=
	((status == 0)) || fail "the app exited with status $status"
}

start_app "$tmp/smoke.db"
wait_window
pass "window \"$(xdotool getwindowname "$win")\" shown after $((SECONDS - started)) s"

# Screenshot of the whole screen; retry for a few seconds until the window has been painted.
sleep 1
colours=0
for _ in $(seq 10); do
	import -window root "$tmp/smoke.png" 2>>"$tmp/tandem.log" || fail "screenshot failed"
	colours=$(identify -format '%k' "$tmp/smoke.png")
	((colours > 50)) && break
	sleep 1
done
mkdir -p "$(dirname "$out")"
cp "$tmp/smoke.png" "$out"
((colours > 50)) || fail "the screen looks blank ($colours colours); see $out"
pass "screenshot has $colours colours, saved to $out"
# The window alone, handy for the README.
import -window "$win" "${out%.png}-window.png" 2>>"$tmp/tandem.log" || true

kill -0 "$app_pid" 2>/dev/null || fail "the app died after showing its window"

stop_app
pass "the app exited cleanly"

# Fyne logs this when widgets are touched outside fyne.Do.
if grep -q 'Error in Fyne call thread' "$tmp/tandem.log"; then
	fail "the app updated the UI from a goroutine without fyne.Do"
fi

# A password-protected file: the window asks for the password; typed in, it
# opens the file.
secure="$tmp/Geschützte Daten/tandem.db"
TANDEM_PASSWORD='Geheimnis 2026' "$bin" demo --db "$secure" >>"$tmp/tandem.log" 2>&1 ||
	fail "tandem demo with TANDEM_PASSWORD failed"
start_app "$secure"
wait_window
sleep 2
import -window root "${out%.png}-password.png" 2>>"$tmp/tandem.log" || true
# The window remembers the file it opened in its preferences, written at exit.
opened() { grep -rqF 'Geschützte Daten' "$tmp/home/.config" 2>/dev/null; }
xdotool windowfocus "$win" 2>/dev/null || true
xdotool type --delay 20 'Geheimnis 2026'
xdotool key Return
sleep 3
import -window root "${out%.png}-opened.png" 2>>"$tmp/tandem.log" || true
stop_app
opened || fail "typing the password did not open the protected file; see ${out%.png}-opened.png"
pass "the protected file opened after the password was typed"

echo "smoke: PASS"
