"""A TCP server that accepts connections and never says a word: a hung Redis or SMTP server."""

import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class SilentServer:
    port: int
    connections: list[socket.socket] = field(default_factory=list)


@contextmanager
def silent_server(*, hang_up_after: float = 30.0):
    """Listen on a free local port; after `hang_up_after` seconds close what it accepted.

    The hang-up bounds a test that would otherwise wait forever: a client without a timeout
    then fails on the time it took instead of hanging the test run.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.05)
    server = SilentServer(port=listener.getsockname()[1])
    stop = threading.Event()
    deadline = time.monotonic() + hang_up_after

    def accept():
        while not stop.is_set() and time.monotonic() < deadline:
            try:
                server.connections.append(listener.accept()[0])
            except TimeoutError:
                continue
        for connection in server.connections:
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stop.set()
        thread.join()
        listener.close()
