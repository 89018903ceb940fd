#!/bin/sh
# The console's whole flow in headless Chromium (console_flow_test.py), with Debian's python3
# (where python3-selenium is), whatever python3 comes first on the PATH.
export HOME="${TEST_TMPDIR:-/tmp}"
exec /usr/bin/python3 "$(dirname "$0")/console_flow_test.py" "$@"
