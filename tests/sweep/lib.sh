# Shared by the sweep shell tests. Needs SUPPLYSIM (the binary) and SOURCE_DIR (the repository).
set -u
: "${SUPPLYSIM:?set SUPPLYSIM to the supplysim binary}"
: "${SOURCE_DIR:?set SOURCE_DIR to the repository}"
DATA="$SOURCE_DIR/tests/sweep/data"
WORK=$(mktemp -d /tmp/supplysim-sweep-test.XXXXXX)
cleanup_work() { rm -rf "$WORK"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
# Same indicator values and run table (compared by value with h5diff; the `created` attribute differs).
same_results() {
    h5diff -q "$1" "$2" /indicators || fail "/indicators differ between $1 and $2"
    h5diff -q "$1" "$2" /runs || fail "/runs differ between $1 and $2"
}
# expect_exit CODE PATTERN command...: runs it, checks the exit code and that stderr matches PATTERN.
expect_exit() {
    local code=$1 pattern=$2; shift 2
    local out rc=0
    out=$("$@" 2>&1) || rc=$?
    [ "$rc" = "$code" ] || fail "expected exit $code from '$*', got $rc: $out"
    echo "$out" | grep -q -- "$pattern" || fail "expected '$pattern' in the output of '$*': $out"
}
