"""The portal's URL patterns as the resolver holds them, for tests that must miss none.

Tests read the patterns from `django.urls.get_resolver()` rather than from a list kept by
hand, so a URL added by an app, a hook or a Wagtail upgrade is tested without anyone
remembering to add it.
"""

import inspect
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from wagtail_modeladmin.options import ModelAdmin


@dataclass(frozen=True)
class Pattern:
    route: str  # as ResolverMatch.route spells it: the patterns' strings joined
    name: str  # namespaced, as ResolverMatch.view_name spells it ("" when unnamed)
    callback: object

    @property
    def key(self) -> str:
        return f"{self.route} [{self.name}]" if self.name else self.route


def url_patterns(resolver=None, route="", namespaces=()) -> list[Pattern]:
    """Every pattern reachable from the root resolver, depth first, in resolving order."""
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        joined = URLResolver._join_route(route, str(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            found.extend(url_patterns(entry, joined, inner))
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else ""
            found.append(Pattern(joined, name, entry.callback))
    return found


def model_admin_of(pattern: Pattern) -> ModelAdmin | None:
    """The registered ModelAdmin a pattern's view belongs to, if any."""
    # Wagtail wraps every admin URL's view in require_admin_access.
    view = inspect.unwrap(pattern.callback)
    owner = getattr(view, "__self__", None) or getattr(view, "model_admin", None)
    return owner if isinstance(owner, ModelAdmin) else None


def registered_model_admins() -> list[ModelAdmin]:
    """The ModelAdmins registered with Wagtail, one per list, in menu order."""
    admins = []
    for pattern in url_patterns():
        owner = model_admin_of(pattern)
        if owner is not None and inspect.unwrap(pattern.callback).__name__ == "index_view":
            admins.append(owner)
    return admins
