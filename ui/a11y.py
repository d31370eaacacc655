"""What Streamlit's own page leaves short of WCAG 2.2 AA, fixed in one place (``docs/accessibility.md``).

``CSS`` and ``SCRIPT`` are added to every page by ``ui.layout.apply``:

- 1.4.3 Contrast: Streamlit draws captions (and code inside them) faded (opacity 0.6, #828180 on
  white: 3.9:1); they are drawn opaque in ``CAPTION_COLOUR`` (6.9:1 on white, 6.6:1 on the code
  background #fafafa).
- 2.4.7 Focus visible: a focused link, button, input or tab gets a 2 px outline in the primary colour
  even where Streamlit's style removes it.
- 1.3.1 Info and relationships (axe ``list`` / ``listitem``): Streamlit's page navigation is a
  ``<ul>`` whose children are ``<div>`` section wrappers holding the ``<li>`` items, which screen
  readers cannot read as one list. The script gives each section wrapper ``role="list"`` and the
  outer ``<ul>`` ``role="none"``, re-applied when Streamlit redraws the navigation.
"""

from __future__ import annotations

CAPTION_COLOUR = "#5c5b59"

CSS = f"""<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] code,
[data-testid="stWidgetLabel"] [data-testid="stCaptionContainer"] {{ color: {CAPTION_COLOUR} !important; opacity: 1 !important; }}
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
summary:focus-visible, [role="tab"]:focus-visible, [role="option"]:focus-visible, [tabindex]:focus-visible {{
  outline: 2px solid #ff4b4b !important; outline-offset: 1px;
}}
</style>"""

SCRIPT = """<script>
(() => {
  const doc = document;
  if (doc.documentElement.dataset.pantauA11y) return;
  doc.documentElement.dataset.pantauA11y = "1";
  const fix = () => {
    for (const nav of doc.querySelectorAll('ul[data-testid="stSidebarNavItems"]')) {
      if (![...nav.children].some(child => child.tagName !== "LI")) continue;
      if (nav.getAttribute("role") !== "none") nav.setAttribute("role", "none");
      for (const child of nav.children) {
        if (child.tagName !== "LI" && child.querySelector(":scope > li") && child.getAttribute("role") !== "list") {
          child.setAttribute("role", "list");
        }
      }
    }
  };
  new MutationObserver(fix).observe(doc.body, {childList: true, subtree: true});
  fix();
})();
</script>"""
