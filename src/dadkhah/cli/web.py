"""CLI commands: ``serve`` (the web workbench) and ``users`` (who may log in, with which role)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import typer

from dadkhah.api import auth as auth_api
from dadkhah.api import web_search
from dadkhah.api.web_case import open_workbench_case
from dadkhah.cli.output import console, print_json
from dadkhah.errors import InputError, Problem

users_app = typer.Typer(
    name="users",
    help="Users of a case's web workbench. Example: dadkhah users add my-case sara --role reviewer",
    no_args_is_help=True,
)

CASE = typer.Argument(..., help="The case folder.", exists=False)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise InputError("no password given", [Problem("empty", field="password")])
    return password


@users_app.command("add")
def users_add(
    case: Path = CASE,
    name: str = typer.Argument(..., help="The user name to log in with."),
    role: str = typer.Option(..., "--role", help="admin, investigator, reviewer or viewer."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from the first line of standard input."
    ),
    json: bool = typer.Option(False, "--json", help="Print the new user as JSON."),
) -> None:
    """Add a user. Example: echo 'long secret pw' | dadkhah users add my-case sara --role viewer --password-stdin"""
    password = _read_password(password_stdin)
    with open_workbench_case(case) as c:
        user = auth_api.add_user(c, name, role=role, password=password, actor="cli")
    if json:
        print_json(user.to_dict())
    else:
        console.print(f"added user {user.username} ({user.role})")


@users_app.command("list")
def users_list(
    case: Path = CASE,
    json: bool = typer.Option(False, "--json", help="Print a JSON list."),
) -> None:
    """List the users. Example: dadkhah users list my-case --json"""
    with open_workbench_case(case) as c:
        users = auth_api.list_users(c)
    if json:
        print_json([u.to_dict() for u in users])
        return
    for u in users:
        state = "" if u.active else " (disabled)"
        console.print(f"{u.username}\t{u.role}{state}")


@users_app.command("disable")
def users_disable(
    case: Path = CASE, name: str = typer.Argument(..., help="The user name.")
) -> None:
    """Disable a user and end their sessions. Example: dadkhah users disable my-case sara"""
    with open_workbench_case(case) as c:
        auth_api.disable_user(c, name, actor="cli")
    console.print(f"disabled user {name}")


@users_app.command("set-role")
def users_set_role(
    case: Path = CASE,
    name: str = typer.Argument(..., help="The user name."),
    role: str = typer.Argument(..., help="admin, investigator, reviewer or viewer."),
) -> None:
    """Change a user's role. Example: dadkhah users set-role my-case sara investigator"""
    with open_workbench_case(case) as c:
        user = auth_api.set_role(c, name, role, actor="cli")
    console.print(f"{user.username} is now {user.role}")


@users_app.command("set-password")
def users_set_password(
    case: Path = CASE,
    name: str = typer.Argument(..., help="The user name."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read it from standard input."
    ),
) -> None:
    """Set a new password (ends the user's sessions). Example: dadkhah users set-password my-case sara"""
    password = _read_password(password_stdin)
    with open_workbench_case(case) as c:
        auth_api.set_password(c, name, password, actor="cli")
    console.print(f"password of {name} changed")


@users_app.command("totp")
def users_totp(case: Path = CASE, name: str = typer.Argument(..., help="The user name.")) -> None:
    """Turn on a TOTP second factor; prints the otpauth:// URI to load in an authenticator app.
    Example: dadkhah users totp my-case sara"""
    with open_workbench_case(case) as c:
        uri = auth_api.enable_totp(c, name, actor="cli")
    console.print(uri, soft_wrap=True)


def serve(
    case: Path = CASE,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    cookie_secure: str = typer.Option(
        "auto",
        "--cookie-secure",
        help="auto (Secure cookies over HTTPS), always (behind a TLS proxy), never (plain-HTTP localhost).",
    ),
    language: str = typer.Option("en", "--language", help="Language before login: en or fa."),
) -> None:
    """Serve the web workbench of a case. Example: dadkhah serve my-case --port 8000"""
    import uvicorn

    from dadkhah.web import WebSettings, create_app

    settings = WebSettings(
        case_path=case,
        cookie_secure=cookie_secure,  # type: ignore[arg-type]
        default_language=language,
    )
    app = create_app(settings)
    # Build the name-search index while the server starts, so the first search does not wait.
    threading.Thread(
        target=web_search.index_for, args=(app.state.case,), name="dadkhah-index", daemon=True
    ).start()
    console.print(f"Dadkhah workbench for {case} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        proxy_headers=True,
        forwarded_allow_ips="127.0.0.1",
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the application."""
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
