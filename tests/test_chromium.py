"""Finding Chromium or Chrome: an explicit path first, then the usual names and places."""

import os

from perucorpus.publish import chromium


def fake_browser(folder, name):
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_the_environment_variable_wins_and_a_wrong_path_finds_nothing(tmp_path, monkeypatch):
    chosen = fake_browser(tmp_path, "my-chrome")
    monkeypatch.setenv(chromium.ENVIRONMENT, str(chosen))
    assert chromium.executable() == str(chosen)
    monkeypatch.setenv(chromium.ENVIRONMENT, str(tmp_path / "missing"))
    assert chromium.executable() is None


def test_chrome_on_the_path_is_found_when_there_is_no_chromium(tmp_path, monkeypatch):
    monkeypatch.delenv(chromium.ENVIRONMENT, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(chromium, "PLACES", ())
    assert chromium.executable() is None
    chrome = fake_browser(tmp_path, "google-chrome")
    assert chromium.executable() == str(chrome)
    assert chromium.executable() == os.path.join(tmp_path, "google-chrome")


def test_an_app_bundle_off_the_path_is_found(tmp_path, monkeypatch):
    monkeypatch.delenv(chromium.ENVIRONMENT, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    bundle = fake_browser(tmp_path, "Chromium")
    monkeypatch.setattr(chromium, "PLACES", (str(tmp_path / "nowhere"), str(bundle)))
    assert chromium.executable() == str(bundle)
