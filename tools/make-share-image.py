"""Make docs/assets/delen.png: the image of a link preview (Open Graph / Twitter card).

1200 x 630 pixels: the site name on the site's blue, with a band of the 17 SDG
colours (from tools/praktijkenbank/data/sdgs.yaml). Drawn by Debian's Chromium
(Playwright, as in the tests) and committed, so a build needs no image tools.
Run again after changing the site name or the colours:

    .venv/bin/python tools/make-share-image.py
"""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "delen.png"
CHROMIUM = "/usr/bin/chromium"
SIZE = {"width": 1200, "height": 630}


def page_html() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    sdgs = yaml.safe_load((ROOT / "tools" / "praktijkenbank" / "data" / "sdgs.yaml").read_text(encoding="utf-8"))
    band = "".join(f'<span style="background:{s["kleur"]}"></span>' for s in sdgs)
    return f"""<!doctype html><html lang="nl"><meta charset="utf-8"><style>
body {{ margin: 0; width: 1200px; height: 630px; background: #19486a; color: #fff;
       font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; display: flex; flex-direction: column; }}
main {{ flex: 1; display: flex; flex-direction: column; justify-content: center; padding: 0 90px; }}
h1 {{ margin: 0; font-size: 76px; line-height: 1.1; font-weight: 700; }}
p {{ margin: 34px 0 0; font-size: 34px; line-height: 1.35; color: #e8f0f6; }}
.band {{ display: flex; height: 56px; border-top: 6px solid #fff; }} .band span {{ flex: 1; }}
</style><main><h1>{html.escape(config["site_name"])}</h1>
<p>Praktijken van Vlaamse steden, gemeenten en provincies</p></main><div class="band">{band}</div></html>"""


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport=SIZE)
        page.set_content(page_html())
        page.screenshot(path=str(TARGET), omit_background=False)
        browser.close()
    print(f"{TARGET.relative_to(ROOT)} geschreven ({TARGET.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
