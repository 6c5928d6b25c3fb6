"""Checks shared by the browser tests: nothing runs off the screen sideways, axe finds no
serious accessibility fault, and the two screens the portal is made for.

axe-core comes from npm (`package.json`, installed by `make install` into `node_modules/`) and
is injected into the page under test by Playwright; nothing is downloaded at run time. The
contexts that use it are opened with `bypass_csp=True`, since the injected script is inline
and the portal's Content-Security-Policy rightly forbids that.
"""

from pathlib import Path

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


def new_context(browser, viewport: dict):
    """A Russian-speaking context at the viewport, a phone's touch screen for the narrow one."""
    phone = viewport["width"] < 600
    return browser.new_context(
        viewport=viewport,
        is_mobile=phone,
        has_touch=phone,
        locale="ru-RU",
        timezone_id="Europe/Moscow",
        bypass_csp=True,
    )


# A short CSS path of an element, for failure messages.
_PATH = """
    const name = (element) => {
        let text = element.tagName.toLowerCase();
        if (element.id) return text + "#" + element.id;
        for (const cls of Array.from(element.classList).slice(0, 3)) text += "." + cls;
        return text;
    };
    const path = (element) => {
        const parts = [];
        for (let node = element; node && node !== document.body && parts.length < 4;
             node = node.parentElement) {
            parts.unshift(name(node));
            if (node.id) break;
        }
        return parts.join(" > ");
    };
"""

# Elements wider than the viewport on their right, outermost first, except those inside an
# ancestor that clips or scrolls sideways on purpose (a table wrapper with overflow-x: auto).
_OVERFLOW = (
    """
() => {
    const width = document.documentElement.clientWidth;
    const contained = (element) => {
        for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== "visible") return true;
        }
        return false;
    };
"""
    + _PATH
    + """
    const offenders = [];
    const flagged = new Set();
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
        if (getComputedStyle(element).position === "fixed") continue;
        if (contained(element)) continue;
        let parent = element.parentElement;
        while (parent && !flagged.has(parent)) parent = parent.parentElement;
        flagged.add(element);
        if (parent) continue;
        offenders.push(`${path(element)} (right edge ${Math.round(box.right)} px)`);
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        width: width,
        offenders: offenders.slice(0, 12),
    };
}
"""
)


def sideways_overflow(page) -> list[str]:
    """What runs off the screen on the right, or an empty list when nothing does."""
    found = page.evaluate(_OVERFLOW)
    problems = []
    if found["scrollWidth"] > found["width"]:
        problems.append(f"the page is {found['scrollWidth']} px wide in a {found['width']} px view")
    return problems + found["offenders"]


def assert_no_sideways_overflow(page) -> None:
    problems = sideways_overflow(page)
    assert not problems, f"{page.url} overflows sideways:\n  " + "\n  ".join(problems)


# Tables wider than the wrapper that scrolls them: on a phone a visitor would have to scroll
# sideways to read a row, which the public tables and the cabinet are laid out to avoid.
_WIDE_TABLES = (
    """
() => {
"""
    + _PATH
    + """
    const found = [];
    for (const table of document.querySelectorAll("main table")) {
        const wrapper = table.parentElement;
        if (!wrapper || table.offsetParent === null) continue;
        if (table.scrollWidth > wrapper.clientWidth + 1) {
            found.push(`${path(table)} is ${table.scrollWidth} px wide in ${wrapper.clientWidth} px`);
        }
    }
    return found;
}
"""
)


# A box that scrolls or clips sideways (a list's wrapper) yet is shorter than what it holds: its
# last rows are cut off, buttons included, with no scroll bar to reach them.
_CLIPPED_BOTTOMS = (
    """
() => {
"""
    + _PATH
    + """
    const found = [];
    for (const element of document.querySelectorAll("body *")) {
        // The page's own scroller (Wagtail's <main>) is meant to scroll up and down.
        if (element.matches("main, main#main")) continue;
        const style = getComputedStyle(element);
        if (!["auto", "hidden", "scroll", "clip"].includes(style.overflowY)) continue;
        if (element.clientHeight === 0 || element.scrollHeight <= element.clientHeight + 1) continue;
        if (["auto", "scroll"].includes(style.overflowY) && style.overflowX === "visible") continue;
        if (!element.querySelector("table")) continue;
        found.push(`${path(element)}: ${element.scrollHeight - element.clientHeight}px of its table cut off below`);
    }
    return found.slice(0, 12);
}
"""
)


def clipped_bottoms(page) -> list[str]:
    return page.evaluate(_CLIPPED_BOTTOMS)


def tables_wider_than_their_wrapper(page) -> list[str]:
    return page.evaluate(_WIDE_TABLES)


# Words broken across lines inside cells, buttons, labels and headings, such as a name set in
# a squeezed column one syllable a line or a button reading «Про смо тр». Words too long for
# any line (a file name, a link) may break and are not counted.
_BROKEN_WORDS = (
    """
() => {
"""
    + _PATH
    + r"""
    const selector = "td, th, button, a.button, .button, label, h1, h2, h3, dt, dd";
    const found = [];
    for (const element of document.querySelectorAll(selector)) {
        if (element.getClientRects().length === 0) continue;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement.closest(selector) !== element) continue;
            const words = /[^\s\u00ad\u2010-\u2015\/-]+/g;
            let match;
            let broken = null;
            while (!broken && (match = words.exec(node.data))) {
                if (match[0].length < 4 || match[0].length > 30) continue;
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set(
                    Array.from(range.getClientRects())
                        .filter((box) => box.width > 0)
                        .map((box) => Math.round(box.bottom))
                );
                if (lines.size > 1) broken = match[0];
            }
            if (broken) {
                found.push(`${path(element)}: «${broken}» is broken across lines`);
                break;
            }
        }
    }
    return found.slice(0, 12);
}
"""
)


def broken_words(page) -> list[str]:
    return page.evaluate(_BROKEN_WORDS)


def overlapping(page, first: str, second: str) -> list[str]:
    """A problem when the first visible element matching each selector overlap on screen."""
    boxes = [page.locator(selector).first.bounding_box() for selector in (first, second)]
    if None in boxes:
        return []
    a, b = boxes
    if (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    ):
        return [f"{first} and {second} overlap"]
    return []


def _axe_source() -> Path:
    if not AXE.exists():
        pytest.fail(
            f"axe-core is not installed ({AXE} is missing): run `make install`, "
            "which runs `npm ci` from package.json",
            pytrace=False,
        )
    return AXE


_RUN_AXE = """
async () => {
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
}
"""


def axe_violations(page) -> list[str]:
    """axe's serious and critical violations on the page, one line each."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(_axe_source()))
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(violation["targets"])
        for violation in page.evaluate(_RUN_AXE)
        if violation["impact"] in BLOCKING_IMPACTS
    ]


def assert_no_serious_axe_violations(page) -> None:
    problems = axe_violations(page)
    assert not problems, f"{page.url}: axe finds\n  " + "\n  ".join(problems)
