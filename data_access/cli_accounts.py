"""``python -m data_access user …``: accounts (add, list, passwd, disable/enable, unlock), and who the
command line acts as (``cli:<login>`` in the audit trail). Passwords are prompted for or read from
standard input, never taken as an argument."""

from __future__ import annotations

import getpass
import json
import sys


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi / password: ")
    if getpass.getpass("Ulangi / repeat: ") != first:
        raise SystemExit("passwords differ / kata sandi berbeda")
    return first


def _user(args, eng) -> int:
    from data_access import auth

    try:
        if args.user_command == "add":
            password = None if args.no_password else _read_password(args.password_stdin)
            made = auth.add_user(args.name, role=args.role, password=password, display_name=args.display_name,
                                 province_code=args.province, actor=_actor(), engine=eng)
            print(json.dumps({"added": made.username, "role": made.role, "province": made.province_code}))
        elif args.user_command == "unlock":
            from data_access import sign_in_limits

            kind, key = ("address", args.address) if args.address else ("account", args.name)
            if not key:
                print("unlock: give an account NAME or --address ADDRESS", file=sys.stderr)
                return 2
            lifted = sign_in_limits.lift(kind, key, actor=_actor(), engine=eng)
            shown = key.strip() if kind == "address" else key.strip().lower()
            print(json.dumps({"unlocked" if lifted else "not_locked": shown}))
        elif args.user_command == "list":
            print(auth.list_users(eng).to_string(index=False))
        elif args.user_command == "passwd":
            auth.set_password(args.name, _read_password(args.password_stdin), actor=_actor(), engine=eng)
            print(json.dumps({"password_set": args.name}))
        else:
            auth.set_active(args.name, args.user_command == "enable", actor=_actor(), engine=eng)
            print(json.dumps({args.user_command + "d": args.name}))
    except auth.AuthError as error:
        print(str(error), file=sys.stderr)
        return 2
    return 0
