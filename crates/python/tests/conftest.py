"""Fixtures: a small labeled corpus of invented sentences (no dataset rows), and the `stance`
binary when the workspace has built it."""

import itertools
import os
import pathlib
import random

import pytest

PLACES = ["Aldova", "Bremin", "Corsa", "Dunmore", "Estrel", "Faleth", "Gorran", "Hollis"]
TEMPLATES = {
    "military": [
        "The army launched air strikes on rebel positions near {place}.",
        "Troops shelled the port of {place} overnight and vowed to crush the militants.",
        "The general ordered an offensive to retake {place} by force.",
    ],
    "negotiation": [
        "Envoys agreed to resume peace talks in {place} next week.",
        "Mediators in {place} pushed both sides toward a ceasefire deal.",
        "The ministers called for dialogue and reconciliation in {place}.",
    ],
    "neutral": [
        "The ministry published the census figures for {place} on Monday.",
        "A new bridge opened in {place} after two years of work.",
        "Schools in {place} reopened after the winter holiday.",
    ],
}


def corpus(n_per_label=24, seed=7):
    """`(texts, labels)`: invented sentences, shuffled with a fixed seed."""
    rows = []
    for label, templates in TEMPLATES.items():
        pairs = itertools.islice(itertools.cycle(itertools.product(templates, PLACES)), n_per_label)
        rows.extend((template.format(place=place), label) for template, place in pairs)
    random.Random(seed).shuffle(rows)
    texts, labels = zip(*rows)
    return list(texts), list(labels)


@pytest.fixture
def labeled():
    return corpus()


@pytest.fixture
def stance_binary():
    """The `stance` binary the workspace built (`cargo build --release`), or a skip."""
    path = pathlib.Path(__file__).resolve().parents[3] / "target" / "release" / "stance"
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI builds it before the Python tests")
        pytest.skip(f"{path} is missing: run `cargo build --release -p stance-cli` to compare with the CLI")
    return str(path)
