"""The portal's status, stage and pipeline names kept per profile, so the browser names codes
from the first page on, while the portal is asked again at every start."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from b24desk.api.types import CrmEntityType, StatusName, StatusNames
from b24desk.files import UnreadableFileError, read_json, set_aside
from b24desk.settings.paths import profile_file

from .file_writer import OrderedWriter

NAMES_DIR = "names"  # under the data folder: one small file per profile


def names_file(data_dir: Path, profile: str) -> Path:
    return profile_file(data_dir / NAMES_DIR, profile, ".json")


_FIELDS = ("name", "color", "semantics", "pipeline")


class StatusNamesFile:
    """One profile's names as the portal last gave them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer = OrderedWriter(path, "the status names")

    def load(self) -> StatusNames:
        """The saved names; none when there are none yet or the file was unreadable (set
        aside: names come again from the portal)."""
        try:
            data = read_json(self.path)
        except FileNotFoundError:
            return {}
        except (OSError, UnreadableFileError):
            set_aside(self.path)
            return {}
        try:
            return _parse(data)
        except (TypeError, ValueError, AttributeError):
            set_aside(self.path)
            return {}

    def save(self, names: StatusNames) -> None:
        data = {
            entity_type.value: {
                code: [getattr(status, f) for f in _FIELDS] for code, status in codes.items()
            }
            for entity_type, codes in names.items()
        }
        self._writer.write(json.dumps(data, ensure_ascii=False).encode())

    async def flush(self) -> None:
        """Wait for the names saved so far (a session closing)."""
        await self._writer.flush()

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)


def _parse(data: Any) -> StatusNames:
    if not isinstance(data, dict):
        raise TypeError(type(data).__name__)
    names: dict[CrmEntityType, dict[str, StatusName]] = {}
    for type_name, codes in data.items():
        entity_type = CrmEntityType(type_name)
        names[entity_type] = {}
        for code, fields in codes.items():
            if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
                raise ValueError(code)
            names[entity_type][str(code)] = StatusName(*fields[: len(_FIELDS)])
    return names
