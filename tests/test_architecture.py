"""The stages point one way: load → validate → model → render → export, put together only by
build.py and the command line. Read from the source (imports at run time; imports for type
checking only do not count), so a wrong arrow fails here before it tangles the code."""

from __future__ import annotations

import ast
import re
import threading
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"

#: What each part may import from the pipeline, besides itself and the shared base modules
#: (collector: the garbage collector paused while the stages build what they keep;
#: unchanged: the output folder's names and the whole build's key, which a build with nothing
#: changed takes before any stage loads; user_cache: the user's cache folder, which render and
#: export both keep derived files in).
BASE = {
    "pipeline",
    "pipeline.collector",
    "pipeline.errors",
    "pipeline.findings",
    "pipeline.formatting",
    "pipeline.products",
    "pipeline.unchanged",
    "pipeline.user_cache",
}
ALLOWED = {
    "model": set(),
    "load": {"model"},
    "validate": {"load", "model"},
    "render": {"model"},
    "export": {"render", "model"},
    "drafts": {"export", "render"},
    "terminal": {"model"},
    "scaffold": {"export", "model"},
    "migrate": {"export", "model"},
    "click_german": set(),
}
#: The parts that put the stages together.
ORCHESTRATION = {"build", "batch", "watch", "cli", "__main__"}


def _part(module: str) -> str:
    """'pipeline.model.quality.catalog' → 'model'; 'pipeline.errors' → 'errors'."""
    return module.split(".")[1] if module.count(".") else ""


def _is_module(name: str) -> bool:
    path = PACKAGE.joinpath(*name.split(".")[1:])
    return path.is_dir() or path.with_suffix(".py").is_file()


def _runtime_imports(path: Path) -> set[str]:
    """Modules of the pipeline a file imports when it runs (not under `if TYPE_CHECKING:`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for branch in ast.walk(tree)
        if isinstance(branch, ast.If) and "TYPE_CHECKING" in ast.unparse(branch.test)
        for node in ast.walk(branch)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if _is_module(f"{node.module}.{a.name}")}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pipeline")}
    return found


def _modules() -> list[tuple[str, Path]]:
    return [
        (".".join(("pipeline", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__"), p)
        for p in sorted(PACKAGE.rglob("*.py"))
    ]


@pytest.mark.parametrize(("module", "path"), _modules(), ids=[m for m, _ in _modules()])
def test_imports_point_down_the_pipeline(module, path):
    part = _part(module)
    if part in ORCHESTRATION or module in BASE:
        return
    allowed = ALLOWED[part] | {part}
    imported = {m for m in _runtime_imports(path) if _part(m) and m not in BASE}
    parts = {_part(m) for m in imported if f"pipeline.{_part(m)}" not in BASE}
    assert parts <= allowed, f"{module} importiert {sorted(parts - allowed)}"


def test_base_modules_import_no_stage():
    for module in BASE - {"pipeline"}:
        path = PACKAGE / f"{module.split('.')[1]}.py"
        stages = {_part(m) for m in _runtime_imports(path)} & set(ALLOWED)
        assert not stages, f"{module} importiert {sorted(stages)}"


def test_every_part_is_placed():
    """A new top-level module or package must say where it stands in the pipeline."""
    parts = {_part(m) for m, _ in _modules()} - {""}
    known = set(ALLOWED) | ORCHESTRATION | {m.split(".")[1] for m in BASE if "." in m}
    assert parts <= known, sorted(parts - known)


#: lxml.html's own parsing functions and element factory, which share one parser of the module.
SHARED_HTML_PARSER = re.compile(
    r"lxml\.html\.(fromstring|fragment_fromstring|fragments_fromstring|document_fromstring|Element)\("
)


def test_html_is_parsed_by_the_threads_own_parser():
    """Worker threads parse HTML while the main thread bookmarks the next document: every parse
    and every new element goes through pipeline.render.fragments, whose parser is the thread's
    own (a libxml2 parser shared by two threads crashed builds)."""
    shared = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "fragments.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SHARED_HTML_PARSER.search(line)
    ]
    assert shared == []


def test_each_thread_parses_with_a_parser_of_its_own():
    from pipeline.render import fragments

    here = fragments._parser()
    elsewhere: list[object] = []
    worker = threading.Thread(target=lambda: elsewhere.append(fragments._parser()))
    worker.start()
    worker.join()
    assert fragments._parser() is here
    assert elsewhere and elsewhere[0] is not here
    parsed = fragments.fragment("<p>Ä &amp; <b>ß</b></p>", "main")
    assert parsed.tag == "main" and parsed[0].text_content() == "Ä & ß"


def test_the_model_is_left_alone_by_the_collector_only_while_documents_are_converted():
    """gc.freeze keeps the model out of the collector's rounds during the export, and the
    collector makes none of its own; afterwards (also after a failure) nothing stays frozen and
    the collector runs again, or a long `watch` would hold what it built."""
    import gc

    from pipeline.export import model_left_alone

    assert gc.get_freeze_count() == 0 and gc.isenabled()
    with model_left_alone():
        assert gc.get_freeze_count() > 0 and not gc.isenabled()
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    with pytest.raises(RuntimeError), model_left_alone():
        raise RuntimeError
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    gc.disable()  # whoever switched the collector off keeps it off
    try:
        with model_left_alone():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_checking_and_rendering_run_without_rounds_of_the_collector(monkeypatch, tmp_path):
    """Loading, checking and rendering build what lives until the files are written; the
    collector makes no rounds meanwhile (pipeline.collector) and runs again afterwards."""
    import gc

    from pipeline import build, render, validate

    seen: dict[str, bool] = {}
    check, render_products = validate.check, render.render_products

    def checking(*args, **kwargs):
        seen["check"] = gc.isenabled()
        return check(*args, **kwargs)

    def rendering(*args, **kwargs):
        seen["render"] = gc.isenabled()
        return render_products(*args, **kwargs)

    monkeypatch.setattr(validate, "check", checking)
    monkeypatch.setattr(render, "render_products", rendering)
    checked = build.check_folder(Path(__file__).resolve().parent.parent / "inputs" / "musterkreis")
    assert gc.isenabled()
    build.prepare_export(checked, tmp_path / "aus", build.Request(only="konzept"))
    assert seen == {"check": False, "render": False} and gc.isenabled()


@pytest.mark.slow
def test_a_build_converts_with_the_model_frozen_and_thaws_it(monkeypatch, tmp_path):
    import gc

    from pipeline.build import build
    from pipeline.export import to_pdf

    frozen: list[tuple[int, bool]] = []
    typst_body = to_pdf.typst_body

    def noting(*args, **kwargs):
        frozen.append((gc.get_freeze_count(), gc.isenabled()))
        return typst_body(*args, **kwargs)

    monkeypatch.setattr(to_pdf, "typst_body", noting)
    build(Path(__file__).resolve().parent.parent / "inputs" / "musterkreis", tmp_path / "aus", only="konzept")
    assert frozen and all(count > 0 and not collecting for count, collecting in frozen)
    assert gc.get_freeze_count() == 0 and gc.isenabled()
