"""Reading a routines file: each way it can be refused, in the words and with the place the
user is shown."""

from __future__ import annotations

import json
import os

import pytest

from psoas_desktop.core.routine_reading import (
    MAX_FILE_BYTES,
    MAX_PROBLEMS_PER_FILE,
    RoutineFileError,
    exists_or_link,
    json_path,
    read_document,
    schema_problems,
    shorten,
    text_problems,
)


def refusal(path) -> list[str]:
    with pytest.raises(RoutineFileError) as refused:
        read_document(path)
    assert refused.value.path == path
    assert str(refused.value) == "\n".join(refused.value.problems)
    return refused.value.problems


def test_a_place_in_a_document_is_named_as_a_path() -> None:
    assert json_path(["routines", 0, "hold"]) == "routines[0].hold"
    assert json_path([3, "a"]) == "[3].a"
    assert json_path([]) == "(top level)"
    assert json_path(["a\nb"]) == "'a\\nb'"


def test_a_long_message_is_cut_with_an_ellipsis() -> None:
    assert shorten("x" * 240) == "x" * 240
    cut = shorten("y" * 300)
    assert len(cut) == 240 and cut.endswith("y…")


def test_an_empty_file_and_a_blank_one(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text("  \n\t", encoding="utf-8")
    assert refusal(path) == [f"{path}: the file is empty"]


def test_text_that_is_not_utf8_is_refused_by_line_and_byte(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b'{\n "a":\n "\xff"}')
    assert refusal(path) == [f"{path}: line 3: not UTF-8 text (byte 10)"]


def test_a_byte_order_mark_is_allowed(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"exercises": [], "routines": []}).encode())
    assert read_document(path) == {"exercises": [], "routines": []}


def test_json_that_cannot_be_parsed_names_line_and_column(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"routines": [\n  1,,\n]}', encoding="utf-8")
    (problem,) = refusal(path)
    assert problem.startswith(f"{path}: line 2 column 5: not valid JSON (")


def test_numbers_json_does_not_allow(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"routines": NaN}', encoding="utf-8")
    assert refusal(path) == [f"{path}: a number cannot be read (NaN is not a number JSON "
                             "allows)"]


def test_nesting_too_deep_to_read(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert refusal(path) == [f"{path}: nested too deeply to read"]


def test_a_file_over_the_limit_is_not_read(tmp_path) -> None:
    path = tmp_path / "r.json"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    assert refusal(path) == [f"{path}: file is {MAX_FILE_BYTES + 1:,} bytes; the limit is "
                             f"{MAX_FILE_BYTES:,}"]


def test_a_folder_cannot_be_read(tmp_path) -> None:
    (problem,) = refusal(tmp_path)
    assert problem.startswith(f"{tmp_path}: cannot be read (")


def test_links_that_lead_nowhere(tmp_path) -> None:
    gone = tmp_path / "gone.json"
    gone.symlink_to(tmp_path / "missing.json")
    assert exists_or_link(gone) and not exists_or_link(tmp_path / "missing.json")
    assert refusal(gone) == [f"{gone}: a link to {tmp_path / 'missing.json'}, which does not "
                             "exist"]
    loop = tmp_path / "loop.json"
    os.symlink(loop, loop)
    assert refusal(loop) == [f"{loop}: a link that loops back on itself"]


def test_schema_and_text_problems_are_named_by_place_and_capped(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"routines": "no"}), encoding="utf-8")
    problems = refusal(path)
    assert problems and all(p.startswith(f"{path}: routines: ") for p in problems)
    many = {"exercises": [{"id": 1}] * 50, "routines": []}
    assert len(schema_problems(many)) == MAX_PROBLEMS_PER_FILE
    texts = {"notes": ["bad\x01"] * 30}
    assert len(text_problems(texts)) == MAX_PROBLEMS_PER_FILE
    assert text_problems(texts)[0] == "notes[0]: a control character (U+0001) at character 4"


def test_without_the_schema_check_any_object_is_read(tmp_path) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"routines": "no"}), encoding="utf-8")
    assert read_document(path, check_schema=False) == {"routines": "no"}
