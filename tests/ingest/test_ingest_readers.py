import io
import json

import pytest

from protestwatch.errors import InputError
from protestwatch.ingest import read_articles

PARAGRAPH = ("Thousands of workers marched through the city centre on Saturday to demand higher wages, "
             "according to the organisers. Police said the march was peaceful and no one was detained. ")
HTML = f"""<html><head><title>Workers march for wages</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="article:published_time" content="2021-05-02T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Workers march for wages</h1>
<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>
<footer>Copyright Example Gazette</footer></body></html>"""


def _lines(*records):
    return "".join((record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records)


def test_readers_jsonl_yields_articles_in_order(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(_lines({"id": "1", "text": "a", "source": "X", "extra": 1}, "", {"id": "2", "text": "b"}))
    articles = list(read_articles([str(path)]))
    assert [(a.id, a.text, a.source) for a in articles] == [("1", "a", "X"), ("2", "b", None)]


@pytest.mark.parametrize("bad_line, message", [
    ("{not json", "invalid JSON"),
    ('{"id": "x"}', "missing required field 'text'"),
    ('{"text": "x"}', "missing required field 'id'"),
    ('["a list"]', "expected a JSON object"),
    ('{"id": 7, "text": "x"}', "field 'id'"),
])
def test_readers_bad_line_names_file_and_line(tmp_path, bad_line, message):
    path = tmp_path / "articles.jsonl"
    path.write_text(_lines({"id": "1", "text": "a"}, bad_line))
    with pytest.raises(InputError) as caught:
        list(read_articles([str(path)]))
    assert str(caught.value).startswith(f"{path}:2: {message}")
    assert caught.value.code == "E001"


def test_readers_skip_errors_reports_and_goes_on(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(_lines("{broken", {"id": "2", "text": "b"}, '{"id": "3"}', {"id": "4", "text": "d"}))
    reported = []
    articles = list(read_articles([str(path)], skip_errors=True, on_error=reported.append))
    assert [a.id for a in articles] == ["2", "4"]
    assert [error.location for error in reported] == [f"{path}:1", f"{path}:3"]


def test_readers_stdin_is_json_lines():
    stdin = io.StringIO(_lines({"id": "s", "text": "from stdin"}, "{oops"))
    reader = read_articles(["-"], stdin=stdin)
    assert next(reader).id == "s"
    with pytest.raises(InputError, match="<stdin>:2"):
        next(reader)


def test_readers_text_file_id_is_stem(tmp_path):
    (tmp_path / "report-17.txt").write_text("\ufeffPeople protested.\n", encoding="utf-8")
    [article] = read_articles([str(tmp_path / "report-17.txt")])
    assert (article.id, article.text) == ("report-17", "People protested.\n")


def test_readers_html_extracts_text_title_outlet_date(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    [article] = read_articles([str(tmp_path / "page.html")])
    assert article.id == "page" and "Thousands of workers marched" in article.text
    assert "Home | World" not in article.text
    assert (article.title, article.source, article.published) == ("Workers march for wages", "Example Gazette", "2021-05-02")


def test_readers_html_without_text_is_an_error(tmp_path):
    (tmp_path / "empty.htm").write_text("<html><body></body></html>")
    with pytest.raises(InputError, match="no main text"):
        list(read_articles([str(tmp_path / "empty.htm")]))


def test_readers_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.jsonl").write_text(_lines({"id": "j1", "text": "j"}, {"id": "j2", "text": "k"}))
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    assert [a.id for a in read_articles([str(tmp_path)])] == ["a", "j1", "j2", "z"]


def test_readers_are_lazy(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(_lines({"id": "1", "text": "a"}, "{broken"))
    reader = read_articles([str(path)])
    assert next(reader).id == "1"  # the bad second line is not read yet


def test_readers_missing_path_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([str(tmp_path / "nope.jsonl")]))
