"""The shipped corpus passes its own check and meets what the datasheet promises."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from classifier.data.agreement import second_reading_agreement
from classifier.data.check import CheckReport, check_corpus
from classifier.data.corpus import load_corpus
from classifier.data.schema import LABELS, LANGS, RULES, CorpusItem
from tests.conftest import ROOT

CORPUS = ROOT / "training_data" / "corpus"
SECOND = ROOT / "training_data" / "second_reading"


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return check_corpus([CORPUS])


@pytest.fixture(scope="module")
def items() -> list[CorpusItem]:
    return load_corpus([CORPUS])


def test_data_check_passes(report: CheckReport) -> None:
    assert report.errors == []


def test_size_and_balance(report: CheckReport) -> None:
    assert report.n_items >= 3600
    for lang in LANGS:
        per_label = {
            label: sum(report.counts[(lang, label, s)] for s in ("train", "test"))
            for label in LABELS
        }
        assert sum(per_label.values()) >= 1100
        for label in ("complementary", "parallel", "constituent"):
            assert per_label[label] >= 220
        assert per_label["none"] >= 330


def test_test_split_is_about_a_fifth_of_every_cell(report: CheckReport) -> None:
    for lang in LANGS:
        for label in LABELS:
            test = report.counts[(lang, label, "test")]
            total = test + report.counts[(lang, label, "train")]
            assert 0.15 <= test / total <= 0.25, (lang, label)


def test_entities_are_varied_and_never_give_the_label_away(items: list[CorpusItem]) -> None:
    entities = Counter(item.entity for item in items if item.entity)
    assert len(entities) >= 120
    assert len({item.country for item in items if item.entity}) >= 40
    assert max(entities.values()) / len(items) <= 0.04
    labels: dict[str, set[str]] = {}
    for item in items:
        if item.entity:
            labels.setdefault(item.entity, set()).add(item.label)
    assert all(len(found) >= 2 for found in labels.values())


def test_boundary_cases_and_implicit_cues(items: list[CorpusItem]) -> None:
    boundary = [rule for rule in RULES if rule.startswith("B-")]
    assert len(boundary) == 8  # the codebook's seven settled cases, the home vote on both sides
    independence = re.compile(r"independen|استقلال|مستقل", re.IGNORECASE)
    for lang in LANGS:
        rules = Counter(item.rule for item in items if item.lang == lang)
        assert all(rules[rule] >= 10 for rule in boundary), rules
        constituent = [i for i in items if i.lang == lang and i.label == "constituent"]
        assert sum(not independence.search(i.text) for i in constituent) >= len(constituent) / 3
        complementary = [i for i in items if i.lang == lang and i.label == "complementary"]
        implicit = sum(i.rule == "B-state-delegation" for i in complementary)
        assert implicit >= len(complementary) / 3


def test_second_reading_agreement(items: list[CorpusItem]) -> None:
    agreement = second_reading_agreement(SECOND, items)
    assert set(agreement) == set(LANGS)
    assert sum(a.n for a in agreement.values()) >= 0.1 * len(items) - 1
    adjudicated = {
        json.loads(line)["id"]
        for line in (SECOND / "adjudication.jsonl").read_text(encoding="utf-8").splitlines()
    }
    by_id = {item.id: item for item in items}
    for lang, result in agreement.items():
        assert result.kappa >= 0.8, lang
        assert set(result.disagreements) <= adjudicated
    for row in (SECOND / "adjudication.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(row)
        assert by_id[record["id"]].label == record["final"]


def test_datasheet_quotes_the_measured_kappa(items: list[CorpusItem]) -> None:
    sheet = (ROOT / "training_data" / "README.md").read_text(encoding="utf-8")
    for lang, result in second_reading_agreement(SECOND, items).items():
        assert f"| {lang} | {result.n} | {result.agreed} | {result.kappa:.3f} |" in sheet


def test_cli_data_check_on_the_shipped_corpus_prints_the_table() -> None:
    from typer.testing import CliRunner

    from classifier.cli import app

    result = CliRunner(env={"COLUMNS": "200"}).invoke(
        app, ["data", "check", str(CORPUS), "--warnings", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "ok: 4089 items" in result.output
    assert re.search(r"all\s+.\s+all\s+.\s+3244\s+.\s+845\s+.\s+4089", result.output)
