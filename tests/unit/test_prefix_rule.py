"""The hub derives a region's 发文字号 prefixes exactly as the client's office settings default them, so
a county's devices ask for the prefixes the hub says are its own (a rule in two places, kept equal)."""

from __future__ import annotations

from types import SimpleNamespace

from app.domain.regions import RegionRegistry
from app.services import office_settings
from server.services.prefixes import DEFAULT_SUFFIXES, default_prefixes


def test_the_hub_and_the_client_share_one_table_of_suffixes():
    assert dict(DEFAULT_SUFFIXES) == dict(office_settings.PREFIX_SUFFIXES)


def test_every_shipped_region_gets_the_same_default_prefixes_on_both_sides():
    registry = RegionRegistry.load_default()
    for region in registry.all():
        profile = SimpleNamespace(regions=registry, office=SimpleNamespace(region_code=region.code,
                                                                           name=f"{region.name}发展和改革局"))
        assert office_settings.defaults(profile)["prefixes"] == default_prefixes(region.short_name), region.code
    assert default_prefixes("双")["forward_letter"] == "双发改函"
    assert default_prefixes("楚市")["receipt"] == "楚市发改受"
