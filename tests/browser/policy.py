"""Content-Security-Policy violations seen by a browser tab."""

import re

# Records every violation of the page and of its frames, before any script of theirs runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
window.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(
    [event.effectiveDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber].join(" ")
  );
}, true);
"""


def watch(tab):
    """Collect the violations (events and console errors) of a tab."""
    tab.console_errors = []
    tab.on(
        "console",
        lambda message: (
            tab.console_errors.append(message.text)
            if re.search(r"Content[- ]Security[- ]Policy", message.text)
            else None
        ),
    )
    tab.add_init_script(RECORD_VIOLATIONS)
    return tab


def violations(tab):
    tab.wait_for_load_state("networkidle")
    found = []
    for frame in tab.frames:
        try:
            found += frame.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: BLE001,S112 - a cross-origin or closed frame records nothing of ours
            continue
    return found + tab.console_errors
