"""Same-run pandas baseline for bench/run.ts (run only when Debian's python3-pandas is installed).

    python3 bench/pandas-baseline.py html|excel|csv FILE...

Reads the files the way an analyst's pandas script would (read_html with lxml for the provincial
HTML-.xls export, read_excel with openpyxl for .xlsx, read_csv in a loop for the daily CSVs) and
prints one JSON line: {"files", "rows", "ms"}. The bench installs nothing; it checks the imports
first and reports "skipped" otherwise.
"""
import json
import sys
import time

import pandas as pd

mode, files = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
rows = 0
for f in files:
    if mode == "html":
        rows += sum(len(t) for t in pd.read_html(f, flavor="lxml"))
    elif mode == "excel":
        rows += sum(len(t) for t in pd.read_excel(f, sheet_name=None, header=None).values())
    elif mode == "csv":
        rows += len(pd.read_csv(f, sep=None, engine="python", header=None, encoding="utf-8-sig", on_bad_lines="skip"))
    else:
        raise SystemExit(f"unknown mode {mode}")
print(json.dumps({"files": len(files), "rows": rows, "ms": (time.perf_counter() - start) * 1000}))
