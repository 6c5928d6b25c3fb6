"""The Content-Security-Policy header, and the few inline scripts of Wagtail's admin it trusts.

django-csp writes the policy of `CONTENT_SECURITY_POLICY` on every response. Our own templates
have no inline code at all: scripts and styles are static files, so the public pages need no
nonce and the anonymous page cache never stores one (see portal/page_cache.py).

Wagtail 8's admin still writes inline initialisers into its HTML: a chooser widget renders
`<script>new DocumentChooser("id", {...});</script>`, a date field
`<script>initDateChooser("id", {...});</script>`, an inline panel
`<script>(function() { var panel = new InlinePanel(JSON.parse("...")); })();</script>`. They
come from Python widgets that never see the request, so no template can give them the nonce.
Allowing 'unsafe-inline' for them would allow any injected script too. Instead this middleware
gives the request's nonce to exactly those scripts, recognised by their whole text: a call of
one known initialiser whose arguments are literals (a JSON value, a JavaScript string), so a
recognised script can start a widget and can do nothing else. Any other inline script stays
blocked; an initialiser that a Wagtail upgrade changes shows up as a violation in
portal/tests/test_browser_csp.py.

On the admin's pages the directives of `CONTENT_SECURITY_POLICY_ADMIN` replace the general
ones: what Wagtail's own screens need and the public pages do not (see the settings).
"""

import json
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.urls import reverse

# A double-quoted JavaScript string literal on one line, and no "<" anywhere in the script, so
# the browser's HTML parser ends the script exactly where this module does.
_STRING = r'"(?:[^"\\\r\n]|\\[^\r\n])*"'
_JSON = r"(\{.*\})"
_INITIALISERS = (
    # wagtailadmin/widgets/date_input.html, time_input.html, datetime_input.html
    re.compile(rf"(?:initDateChooser|initTimeChooser|initDateTimeChooser)\({_STRING}, {_JSON}\);"),
    # wagtail.admin.widgets.BaseChooser.render_js_init
    re.compile(
        rf"new (?:Chooser|PageChooser|DocumentChooser|ImageChooser|SnippetChooser)"
        rf"\({_STRING}, {_JSON}\);"
    ),
    # wagtail.admin.widgets.workflows.AdminTaskChooser.render_js_init
    re.compile(rf"createTaskChooser\({_STRING}\);"),
    # wagtailadmin/panels/inline_panel.html, multiple_chooser_panel.html
    re.compile(
        rf"\(function\(\) \{{\s*var panel = new (?:InlinePanel|MultipleChooserPanel)"
        rf"\(JSON\.parse\({_STRING}\)\);\s*\}}\)\(\);"
    ),
)
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def is_wagtail_initialiser(script: str) -> bool:
    """Whether an inline script is one of Wagtail's widget initialisers and nothing more."""
    script = script.strip()
    if "<" in script:
        return False
    for pattern in _INITIALISERS:
        match = pattern.fullmatch(script)
        if match is None:
            continue
        if not match.groups():
            return True
        try:
            return isinstance(json.loads(match.group(1)), dict)
        except ValueError:
            return False
    return False


def nonce_wagtail_initialisers(html: str, nonce: str) -> str:
    def add_nonce(match: re.Match) -> str:
        if not is_wagtail_initialiser(match.group(1)):
            return match.group(0)
        return f'<script nonce="{nonce}">{match.group(1)}</script>'

    return _INLINE_SCRIPT.sub(add_nonce, html)


def is_admin_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own directives and its initialisers nonced."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if (
            is_admin_request(request)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            html = response.content.decode(response.charset)
            if "<script>" in html:
                # The lazy nonce is made, and named in the header, only if a script takes it.
                response.content = nonce_wagtail_initialisers(html, request.csp_nonce)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_request(request):
            admin = getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", {}).get("DIRECTIVES", {})
            parts.replace = {**admin, **(parts.replace or {})}
        return parts
