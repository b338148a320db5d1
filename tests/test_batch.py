import json
import os
import subprocess
import sys

import pytest
from distributed import LocalCluster

from protestwatch.batch import open_dask_runner, split_partitions
from protestwatch.schema import Article, Result
from protestwatch.store.jobs import ingest


def extract_by_length(article: Article) -> Result:
    """Test double: one event for articles that mention a protest, dated by text length."""
    events = []
    if "protest" in article.text:
        events.append({"event_type": "protest", "sub_event_type": "peaceful_protest",
                       "date": f"2021-01-{1 + len(article.text) % 28:02d}", "date_precision": "day",
                       "location": {"name": "Town", "country": "Freedonia", "country_code": "FR",
                                    "lat": 1.0, "lon": 2.0, "precision": "place"}})
    return Result.model_validate({"article_id": article.id, "reference_date": "2021-01-31", "events": events})


def build_extractor():
    return extract_by_length


@pytest.fixture(scope="module")
def scheduler_address():
    # Threads, not processes: the same code paths in a fraction of the start-up time.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.parametrize("count, npartitions, expected_sizes", [
    (10, 3, [4, 3, 3]), (2, 4, [1, 1]), (0, 2, []), (5, 1, [5]),
])
def test_batch_split_partitions_is_contiguous(count, npartitions, expected_sizes):
    partitions = split_partitions(list(range(count)), npartitions)
    assert [len(partition) for partition in partitions] == expected_sizes
    assert [item for partition in partitions for item in partition] == list(range(count))


def test_batch_dask_runner_keeps_input_order(scheduler_address):
    articles = [Article(id=f"a{index}", text="protest" + "x" * index) for index in range(7)]
    with open_dask_runner(build_extractor, scheduler=scheduler_address) as run_batch:
        extractions = run_batch(articles).get()
    assert [extraction.article_id for extraction in extractions] == [article.id for article in articles]
    assert [extraction.result for extraction in extractions] == [extract_by_length(a) for a in articles]


def _dump(db_url):
    from protestwatch.store import Repository

    with Repository.open(db_url) as repository:
        return [(record.id, record.article_id, record.event) for record in repository.query_events()], \
            [repository.get_article(f"a{index:02d}") for index in range(15)]


def test_batch_dask_ingest_equals_local(tmp_path, scheduler_address):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{index:02d}", "text": ("protest " if index % 3 else "calm ") + "y" * index})
                            + "\n" for index in range(15)))
    local_url, dask_url = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'dask.db'}"
    local = ingest([str(path)], db_url=local_url, progress=False, extractor_factory=build_extractor)
    distributed = ingest([str(path)], db_url=dask_url, engine="dask", scheduler=scheduler_address,
                         progress=False, extractor_factory=build_extractor, batch_size=4)
    assert (distributed.read, distributed.stored, distributed.failed) == (local.read, local.stored, 0)
    assert _dump(dask_url) == _dump(local_url)


def test_batch_local_cluster_extracts_without_a_scheduler_address():
    articles = [Article(id="p", text="a protest"), Article(id="q", text="calm")]
    with open_dask_runner(build_extractor, workers=2, processes=False) as run_batch:
        assert [extraction.result for extraction in run_batch(articles).get()] == [extract_by_length(a) for a in articles]


def test_batch_local_cluster_turns_off_the_profiler_and_slows_the_ticks():
    import dask

    from protestwatch.batch import open_dask_client

    with open_dask_client(workers=1, processes=False) as client:
        settings = client.run(lambda: (dask.config.get("distributed.worker.profile.enabled"),
                                       dask.config.get("distributed.admin.tick.interval")))
    assert list(settings.values()) == [(False, "1s")]


def test_batch_extraction_does_not_depend_on_the_process_hash_seed(tmp_path):
    # Dask workers and local worker processes hash strings with different seeds: nothing
    # coded may follow a set's order. Here two riot sub-types tie for the looting's.
    article = {"id": "tie", "published": "2014-04-10", "text": (
        "Residents of Boitumelong township in Bloemhof, South Africa, blocked roads with burning tyres on Monday "
        "to protest against poor services, and police fired rubber bullets at them.\n\n"
        "On Tuesday a mob attacked foreign-owned shops in Christiana.\n\n"
        "On Wednesday several shops were looted in Wolmaransstad.")}
    source = tmp_path / "tie.jsonl"
    source.write_text(json.dumps(article) + "\n", encoding="utf-8")
    outputs = []
    for seed in ("0", "3", "4"):
        done = subprocess.run([sys.executable, "-m", "protestwatch.cli", "extract", str(source), "--quiet"],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    looting = json.loads(outputs[0])["events"][-1]
    assert (looting["location"]["name"], looting["sub_event_type"]) == ("Wolmaransstad", "violent_demonstration")
