"""The command line: read, call the library, write; errors become one line on stderr."""
from __future__ import annotations

import sys

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xuncha")
def main() -> None:
    """Turn inspection-rectification notices (巡察整改进展情况的通报) into structured data."""


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
def parse(file: str) -> None:
    """Parse one notice FILE (or - for stdin) and print it as JSON."""
    import orjson

    from .api import parse_bytes

    data = sys.stdin.buffer.read() if file == "-" else open(file, "rb").read()
    notice = parse_bytes(data, path=None if file == "-" else file)
    sys.stdout.buffer.write(orjson.dumps(notice.model_dump(mode="json"), option=orjson.OPT_INDENT_2) + b"\n")
