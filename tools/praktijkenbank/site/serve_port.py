"""``make serve`` checks its port first: in use, a Dutch message with a free one, never a traceback.

``python -m praktijkenbank.site.serve_port 8000`` exits 0 when 127.0.0.1:8000 is
free; otherwise it says so in Dutch, suggests ``make serve POORT=<free port>``
and exits 1 (the development server would stop with an ``OSError`` traceback).
"""

from __future__ import annotations

import socket
import sys

HOST = "127.0.0.1"


def is_free(port: int, host: str = HOST) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def next_free(port: int, host: str = HOST) -> int | None:
    return next((candidate for candidate in range(port + 1, min(port + 100, 65536)) if is_free(candidate, host)), None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    value = argv[0] if argv else "8000"
    if not value.isdigit() or not 0 < int(value) < 65536:
        print(f"make serve: '{value}' is geen poortnummer; kies een getal van 1024 tot 65535, bv. make serve POORT=8001.",
              file=sys.stderr)
        return 2
    port = int(value)
    if is_free(port):
        return 0
    other = next_free(port)
    suggestion = f" Kies een andere poort, bv. make serve POORT={other}" if other else " Kies een andere poort met make serve POORT=..."
    print(f"make serve: poort {port} is al in gebruik (draait make serve al in een ander venster?).{suggestion}; "
          f"de site staat dan op http://{HOST}:{other or '...'}/praktijkenbank/.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
