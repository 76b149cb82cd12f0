"""The folders the app reads and writes, from platformdirs unless the command line says else."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from psoas_desktop import APP_NAME


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path | None = None  # where rows kept on quit go if the data folder refuses them

    @classmethod
    def resolve(cls, config_dir: str | Path | None = None,
                data_dir: str | Path | None = None) -> AppPaths:
        import platformdirs

        data = Path(data_dir) if data_dir else Path(platformdirs.user_data_dir(APP_NAME))
        return cls(
            Path(config_dir) if config_dir else Path(platformdirs.user_config_dir(APP_NAME)),
            data,
            # A data folder of its own (a test's, a second profile) keeps its rows to itself.
            None if data_dir else Path(platformdirs.user_cache_dir(APP_NAME)),
        )

    @property
    def user_routines(self) -> Path:
        return self.config_dir / "routines.json"

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"
