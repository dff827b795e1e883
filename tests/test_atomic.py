"""Atomic writes: the old file or the new one, never a truncated one (perucorpus.base.atomic)."""

import pytest

from perucorpus.base import atomic


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "table.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic.replacing(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["table.csv"]


def test_write_atomic_replaces_the_file_with_the_bytes_given_and_creates_the_folder(tmp_path):
    target = tmp_path / "new" / "page.html"
    assert atomic.write_atomic(target, "ا\r\nb\n") == target
    assert target.read_bytes() == "ا\r\nb\n".encode()
