from pathlib import Path

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def test_api_docs_document_every_route(api_client):
    documented = API_DOC.read_text(encoding="utf-8")
    schema = api_client.get("/openapi.json").json()
    for path, operations in schema["paths"].items():
        for method in operations:
            assert f"`{method.upper()} {path}`" in documented, f"{method.upper()} {path} is not in docs/api.md"
    for operation in ("/api/events", "/api/stats"):
        for parameter in schema["paths"][operation]["get"]["parameters"]:
            assert f"`{parameter['name']}`" in documented, f"{operation} {parameter['name']} is not in docs/api.md"
