"""The notebooks' prologue (perucorpus.project): paths relative to the notebook, data loaded once, on first use."""

from pathlib import Path

from conftest import ROOT

from perucorpus import project as project_module
from perucorpus.base import schemas
from perucorpus.facts import record


def test_paths_stay_relative_so_outputs_name_no_machine_folder():
    project = project_module.Project()
    assert (project.data, project.figures) == (Path("../data"), Path("../figures"))


def test_each_data_set_is_built_on_first_use_and_then_kept(monkeypatch):
    calls = []
    real = project_module.Collection.table

    def counting(self, name):
        calls.append(name)
        return real(self, name)

    monkeypatch.setattr(project_module.Collection, "table", counting)
    project = project_module.Project(ROOT)
    assert calls == []  # nothing is read until a notebook asks for it
    first = project.memberships
    assert project.memberships is first and "memberships.csv" in calls
    assert project.references is project.references and project.references.index.name == "ref_id"


def test_a_file_the_collection_does_not_list_is_read_with_the_schema_given():
    project = project_module.Project(ROOT)
    assert list(project.table("derived/term_counts.csv", schemas.TERM_COUNTS).columns) == list(schemas.TERM_COUNTS.columns)


def test_the_summary_layer_comes_from_the_projects_own_positions_and_record():
    project = project_module.Project(ROOT)
    assert project.names["jeri2025_mnna_intent"] == "the 2025 news report"
    assert set(project.record_facts) == set(record.FACTS)
    assert len(project.summaries) == len(set(zip(project.positions["dimension"], project.positions["era"])))
