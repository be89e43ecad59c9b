"""Regenerate the README's rule table from the rules: `python -m tests.update_readme`."""

import re

from tests.conftest import ROOT
from tests.test_readme import rule_table

path = ROOT / "README.md"
text = path.read_text(encoding="utf-8")
block = re.compile(r"(<!-- rules:start.*?-->\n)(.*?)(\n<!-- rules:end -->)", re.S)
path.write_text(block.sub(lambda m: m.group(1) + rule_table() + m.group(3), text), encoding="utf-8")
