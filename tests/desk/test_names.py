"""Status names kept per profile: a round trip, and a damaged file is set aside, not trusted."""

from __future__ import annotations

from b24desk.api.types import CrmEntityType, StatusName
from b24desk.desk.names import StatusNamesFile


def test_names_round_trip_and_junk_is_set_aside(tmp_path):
    kept = StatusNamesFile(tmp_path / "names" / "p.json")
    assert kept.load() == {}
    names = {CrmEntityType.DEAL: {"C1:NEW": StatusName("Новая", "#39A8EF", "process", "Сервис")}}
    kept.save(names)
    assert kept.load() == names
    for junk in (b"{", b'{"deal": {"NEW": [1, 2]}}', b'{"invoice": {}}', b"[]"):
        kept.path.write_bytes(junk)
        assert kept.load() == {}
        assert not kept.path.exists()  # set aside beside it, for a look, never read again
