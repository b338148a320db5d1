def test_api_serve_is_a_command_with_db_host_port():
    from protestwatch.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db", "--host", "0.0.0.0", "--port", "9000"])
    assert (args.command, args.db, args.host, args.port) == ("serve", "x.db", "0.0.0.0", 9000)
    defaults = build_parser().parse_args(["serve"])
    assert (defaults.host, defaults.port) == ("127.0.0.1", 8000)
