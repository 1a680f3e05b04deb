"""Closing a profile's database (``Store.close``) forgets the data key bound to it: a later opening of the
same file (after a restore, by the repair, by another profile object) must bring its own key, and the
closed profile's key does not stay reachable for writing personal data."""

from __future__ import annotations

from app.security.fieldcrypt import maybe_cipher_for
from app.services.profile import open_profile


def test_closing_the_profile_unbinds_its_data_key(office):
    profile = office.profile
    engine = profile.store.engine
    assert maybe_cipher_for(engine) is profile.store.cipher is not None
    home = profile.files.home
    profile.close()
    assert maybe_cipher_for(engine) is None
    again = open_profile(home, daily_backup=False)
    try:
        assert maybe_cipher_for(again.store.engine) is again.store.cipher
    finally:
        again.close()
    assert maybe_cipher_for(again.store.engine) is None
