"""Who owns a 发文字号 prefix on the hub (``server.services.prefixes``), as ``admin prefix list`` shows it and a
device's numbering asks it: a region's default prefixes by the rule, nobody's when no short name gives
it, nobody's but both candidates' when two short names give it (a clash the administrator is told of),
the administrator's word over the rule; and per region the prefix in effect for each document kind."""

from __future__ import annotations

import pytest

from server.errors import HubError
from server.services import admin, prefixes

pytest_plugins = ("tests.sync_fixtures", "tests.hub_database")  # memory_keyring, hub_database


def _in(hub, func, *args):
    with hub.database.reader() as session:
        return func(session, *args)


def test_the_rule_an_unowned_prefix_and_a_clash(hub_database):
    hub = hub_database
    assert _in(hub, prefixes.owner_of, "双发改受") == prefixes.Ownership("双发改受", "532322", "rule", ("532322",))
    assert _in(hub, prefixes.owner_of, "无人发改受") == prefixes.Ownership("无人发改受", None, "none", ())
    assert _in(hub, prefixes.clashes) == []
    hub.run(admin.add_region, "532399", "双新区", "双")  # a second region whose short name is 双
    clash = _in(hub, prefixes.owner_of, "双发改函")
    assert clash == prefixes.Ownership("双发改函", None, "clash", ("532322", "532399"))
    listed = _in(hub, prefixes.clashes)
    assert {"prefix": "双发改函", "regions": ["532322", "532399"]} in listed
    assert all(c["regions"] == ["532322", "532399"] for c in listed) and len(listed) >= 5
    with pytest.raises(HubError) as unowned:
        _in(hub, prefixes.check_use, "532322", "双发改函")
    assert (unowned.value.code, unowned.value.params) == ("prefix_unowned", {"prefix": "双发改函"})
    hub.run(admin.assign_prefix, "双发改函", "532322")
    assert {"prefix": "双发改函", "regions": ["532322", "532399"]} not in _in(hub, prefixes.clashes)
    assert _in(hub, prefixes.check_use, "532322", "双发改函").source == "admin"
    with pytest.raises(HubError) as elsewhere:
        _in(hub, prefixes.check_use, "532399", "双发改函")
    assert elsewhere.value.code == "prefix_owned_elsewhere"
    assert elsewhere.value.params == {"prefix": "双发改函", "owner": "532322", "owner_name": "双柏县"}
    assert [(o["prefix"], o["region_code"], o["source"]) for o in _in(hub, prefixes.explicit)] == [
        ("双发改函", "532322", "admin")]
    assert _in(hub, prefixes.check_use, "532300", "双发改函").region_code == "532322"  # the prefecture sees it


def test_the_prefixes_in_effect_of_one_region(hub_database):
    hub = hub_database
    hub.run(admin.set_prefix, "532322", "forward_letter", "双发改转函")
    [shuangbai] = _in(hub, prefixes.in_effect, "532322")
    assert (shuangbai["region_code"], shuangbai["name"]) == ("532322", "双柏县")
    assert shuangbai["prefixes"]["forward_letter"] == {"prefix": "双发改转函", "source": "kind"}
    assert shuangbai["prefixes"]["receipt"] == {"prefix": "双发改受", "source": "rule"}
    assert _in(hub, prefixes.kinds_using, "双发改转函") == [("532322", "forward_letter")]
    everywhere = {r["region_code"] for r in _in(hub, prefixes.in_effect)}
    assert {"532322", "532323", "532300"} <= everywhere
