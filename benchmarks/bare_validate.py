"""The bare validation pass, the anchor of `praktijkenbank valideer` (bench_validate.py).

What any validator of these records must do at least: read every file, load
its front matter with PyYAML's C loader, check it against the kind's JSON
Schema compiled by fastjsonschema. No line numbers, no Dutch messages, no
cross-record checks. Prints the number of records and of invalid ones.

    python benchmarks/bare_validate.py <folder with .md records>
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import fastjsonschema
import yaml

SCHEMA = Path(__file__).resolve().parents[1] / "tools" / "praktijkenbank" / "data" / "schema"


def main(folder: str) -> int:
    schema = json.loads((SCHEMA / "praktijk.schema.json").read_text(encoding="utf-8"))
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    check = fastjsonschema.compile(schema, use_default=False)
    count = invalid = 0
    for path in sorted(Path(folder).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, _body = text.split("---\n", 2)
        meta = yaml.load(front, Loader=yaml.CSafeLoader)
        try:
            check(json.loads(json.dumps(meta, default=str)))  # dates as text, like the schema expects
        except fastjsonschema.JsonSchemaException:
            invalid += 1
        count += 1
    print(f"{count} records, {invalid} invalid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
