"""Shared fixtures: the example municipality is built once per test session, for real
(pandoc and typst run; nothing is mocked)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.build import build, check_folder

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "musterkreis"


@pytest.fixture(scope="session")
def concept():
    return check_folder(EXAMPLE).concept


@pytest.fixture(scope="session")
def raw_inputs() -> dict[str, dict]:
    """The example's YAML as plain data, read independently of the pipeline's loader."""
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLE.glob("*.yaml")}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("musterkreis")
    written = build(EXAMPLE, out, "konzept").paths
    return {p.suffix: p for p in written}


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A private copy of the example that a test may edit."""
    target = tmp_path / "kommune"
    shutil.copytree(EXAMPLE, target)
    return target


def edit_yaml(folder: Path, name: str, change) -> None:
    """Load a file of a copied example, let `change` modify the data, write it back."""
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
