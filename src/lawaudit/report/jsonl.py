"""JSON Lines: one check per line, each a JSON object with the file's `path` followed by the
check's contract fields (as in --format json); a file that could not be read is one line
`{"path": …, "error": …}`. Streams: each line is written as its file's result arrives, so
`grep`, `jq -c` and databases can take a batch of any size. Passing checks are included.
"""

from __future__ import annotations

import json

from lawaudit.model import FileResult


def file_lines(f: FileResult, encoding: str | None = None) -> str:
    """One file's lines (`encoding` is for formats that quote the file again)."""
    from lawaudit.report.json import check_dict

    if f.error:
        rows = [{"path": f.path, "error": f.error}]
    else:
        # a claims file's check gives the report it points into as its path, and the file audited
        rows = [
            {"path": f.path, **check_dict(c)} | ({"file": f.path} if c.path else {})
            for c in f.checks
        ]
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
