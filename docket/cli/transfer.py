"""`docket import`, `docket export` and `docket backup`: dockets in and out of the database.

Each importer and exporter lives in `db/` and is imported only by the command that uses it,
so juriscraper (PACER pages) and icalendar (calendar files) load for those commands alone.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from docket.cli.arguments import Subparsers, add_court, add_json, command, group, input_file
from docket.cli.context import Context
from docket.cli.output import ProgressLine, print_report, progress_line, say, write_out
from docket.errors import InputError
from docket.inert import json_escaped


def cmd_import_pacer(args: argparse.Namespace, ctx: Context) -> int:
    from db.pacer import import_pacer

    path = input_file(args.file)
    court = args.court.strip().lower() if args.court is not None else None
    if court is not None and not re.fullmatch(r"[a-z][a-z0-9]{1,5}", court):
        raise InputError("--court", f"{args.court!r} is not a PACER court id", "--court nysd")
    print_report(import_pacer(ctx.store, path, court), args.json)
    return 0


def cmd_import_nef(args: argparse.Namespace, ctx: Context) -> int:
    from db.pacer import import_notices

    paths = [Path(text).expanduser() for text in args.files]
    print_report(import_notices(ctx.store, paths, progress_line("messages read")), args.json)
    return 0


def cmd_import_csv(args: argparse.Namespace, ctx: Context) -> int:
    from db.csv_io import import_filings_csv

    path = input_file(args.file)
    _case, case_id = ctx.case_id(args.case)
    progress = ProgressLine(f"importing {path.name}")
    try:
        report = import_filings_csv(ctx.store, path, case_id, progress)
    finally:
        progress.finish()
    print_report(report, args.json)
    return 0


def cmd_import_json(args: argparse.Namespace, ctx: Context) -> int:
    from db.export import import_json

    path = input_file(args.file)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError, too-long numbers
        raise InputError(
            "FILE", f"{path} is not a JSON export ({error})", "a file from docket export json"
        ) from None
    except RecursionError:
        raise InputError(
            "FILE", f"{path} is nested too deeply to be a docket export", "docket export json"
        ) from None
    if not isinstance(data, dict):
        raise InputError("FILE", f"{path} is not a docket JSON export", "docket export json")
    print_report(import_json(ctx.store, data), args.json)
    return 0


def _export_case_ids(args: argparse.Namespace, ctx: Context) -> list[int] | None:
    if not args.case:
        return None
    _case, case_id = ctx.case_id(args.case)
    return [case_id]


def cmd_export_json(args: argparse.Namespace, ctx: Context) -> int:
    from db.export import dumps, export_json

    document = dumps(export_json(ctx.store, _export_case_ids(args, ctx)))
    # Escaping keeps the same JSON value and makes the file safe to `cat` on a terminal.
    write_out(json_escaped(document) + "\n", args.out, "docket.json")
    return 0


def cmd_export_csv(args: argparse.Namespace, ctx: Context) -> int:
    import io

    from db.csv_io import export_filings_csv

    buffer = io.StringIO(newline="")
    export_filings_csv(ctx.store, buffer, _export_case_ids(args, ctx))
    write_out(buffer.getvalue(), args.out, "filings.csv")
    return 0


def cmd_export_ics(args: argparse.Namespace, ctx: Context) -> int:
    from db.ics import export_ics

    write_out(export_ics(ctx.store, _export_case_ids(args, ctx)), args.out, "docket.ics")
    return 0


def cmd_export_sheet(args: argparse.Namespace, ctx: Context) -> int:
    from db.sheet import render_docket_sheet

    _case, case_id = ctx.case_id(args.number)
    write_out(render_docket_sheet(ctx.store, case_id), args.out, "sheet.html")
    return 0


def cmd_backup(args: argparse.Namespace, ctx: Context) -> int:
    target = ctx.store.backup(Path(args.dest).expanduser())
    say(f"Backed up {ctx.store.where} to {target}")
    return 0


def _add_imports(sub: Subparsers) -> None:
    imports = group(
        sub, "import", "bring dockets in: PACER pages, ECF notice emails, CSV, JSON exports"
    )
    pacer = command(
        imports,
        "pacer",
        cmd_import_pacer,
        "import or refresh a saved PACER docket report",
        opens="create",
        numbered=False,
    )
    pacer.add_argument(
        "file", metavar="FILE.html", help="a PACER docket report saved from the browser as HTML"
    )
    pacer.add_argument(
        "--court",
        metavar="COURT_ID",
        help="the PACER court id, e.g. nysd, njd or ca9 (default: the court the page names in its "
        "CM/ECF links and header)",
    )
    add_json(pacer, "the import report")
    nef = command(
        imports,
        "nef",
        cmd_import_nef,
        "import ECF notice emails (Notices of Electronic Filing)",
        opens="create",
        numbered=False,
    )
    nef.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a notice saved from the mail client (.eml), an mbox file, or a maildir folder "
        "(or a folder of .eml files); several may be given",
    )
    add_json(nef, "the import report")
    csv_import = command(
        imports, "csv", cmd_import_csv, "import docket entries for one case", numbered=False
    )
    csv_import.add_argument(
        "file",
        metavar="FILE",
        help="a UTF-8 CSV file whose header row names date, type, title and any of "
        "description, filed_by, served_on, service, document_number, document_ref",
    )
    csv_import.add_argument(
        "--case", required=True, metavar="NUMBER", help="the case the entries belong to (required)"
    )
    add_court(csv_import)
    add_json(csv_import, "the import report")
    json_import = command(
        imports,
        "json",
        cmd_import_json,
        "import cases from docket export json",
        opens="create",
        numbered=False,
    )
    json_import.add_argument("file", metavar="FILE", help="a file written by docket export json")
    add_json(json_import, "the import report")


def _add_exports(sub: Subparsers) -> None:
    exports = group(sub, "export", "take dockets out: JSON, CSV, calendar, docket sheet")
    for name, handler, help_text in (
        ("json", cmd_export_json, "everything about the case(s), re-importable"),
        ("csv", cmd_export_csv, "docket entries as CSV"),
        ("ics", cmd_export_ics, "hearings and deadlines as an iCalendar file"),
    ):
        export = command(exports, name, handler, help_text, numbered=False)
        export.add_argument("--case", metavar="NUMBER", help="only this case (default: every case)")
        add_court(export)
        export.add_argument(
            "--out",
            metavar="FILE",
            help="write to this new file, readable by its owner only (default: stdout)",
        )
    sheet = command(exports, "sheet", cmd_export_sheet, "a printable HTML docket sheet")
    sheet.add_argument(
        "--out", required=True, metavar="FILE.html", help="the HTML file to write (required)"
    )


def register(sub: Subparsers) -> None:
    _add_imports(sub)
    _add_exports(sub)
    backup = command(sub, "backup", cmd_backup, "copy the database safely", numbered=False)
    backup.add_argument(
        "dest", metavar="DEST", help="a new file, or a folder to put a dated copy in"
    )
