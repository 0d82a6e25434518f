#!/bin/bash
# check-report.sh: the golden incident reports (tests/report/golden/, written by
# tests/report/test_incident: three scenarios and an answer holding a script, a fence and an
# escape sequence) checked by tools other than ours:
#   - every .json validates against docs/report-schema.json (python3 jsonschema), and the
#     schema itself is a valid draft 2020-12 schema;
#   - every .html is well-formed XML (xmllint --noout) and holds no http:// or https://, no
#     <script and no src= (self-contained: nothing runs, nothing is fetched);
#   - every .md names its scenario's root cause in its Summary section.
# Needs no root and no network.  Exit 77 (skipped) when xmllint or python3-jsonschema is missing.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
golden=${REPORT_GOLDEN_DIR:-$top/tests/report/golden} # another directory: to prove a check fails
schema=$top/docs/report-schema.json
fail=0

command -v xmllint >/dev/null || { echo "SKIP: xmllint missing (apt-get install libxml2-utils)"; exit 77; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "SKIP: python3-jsonschema missing"; exit 77; }

bad() { echo "FAIL: $*"; fail=1; }

# The root cause each golden scenario must name.
declare -A cause=([md5-mismatch-ios]=md5_mismatch [crc-rising-ios]=interface_errors
                  [forced-tunneling-ios]=forced_tunneling)

python3 - "$schema" "$golden"/*.json <<'EOF' || fail=1
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(e.path))
    for e in errors:
        print(f"FAIL: {path}: {'/'.join(map(str, e.path))}: {e.message}")
    bad += len(errors)
    if not errors:
        print(f"ok: {path} validates against the schema")
sys.exit(1 if bad else 0)
EOF

n=0
for html in "$golden"/*.html; do
    n=$((n + 1))
    xmllint --noout "$html" || bad "$html is not well-formed XML"
    grep -qiE 'https?://' "$html" && bad "$html holds a URL"
    grep -qi '<script' "$html" && bad "$html holds a script"
    grep -qi 'src=' "$html" && bad "$html loads something (src=)"
    echo "ok: $html"
done

for name in "${!cause[@]}"; do
    md=$golden/$name.md
    [ -f "$md" ] || { bad "$md missing"; continue; }
    # The Summary section: from "## Summary" to the next level-2 heading.
    sed -n '/^## Summary$/,/^## Steps$/p' "$md" | grep -q "\`${cause[$name]}\`" \
        || bad "$md: the Summary does not name ${cause[$name]}"
    echo "ok: $md names ${cause[$name]}"
done

[ "$n" -ge 4 ] || bad "expected 4 golden HTML files (3 scenarios, 1 hostile answer), found $n"
exit $fail
