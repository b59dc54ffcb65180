"""A fault-injecting TCP proxy for sync tests: sits between client and hub and, per connection,
resets mid-request or mid-response, drops responses after the hub committed, replays requests,
stalls, or passes bytes through untouched. Seeded, so a failing run can be repeated."""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

FAULTS = ("pass", "reset_request", "reset_response", "drop_response", "duplicate", "stall")


@dataclass
class Plan:
    fault: str
    after_bytes: int = 0      # how far into the request/response the fault strikes
    stall_seconds: float = 0.0


def _reset(sock: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), as a dropped mobile link looks to the peer. shutdown()
    first wakes a thread blocked in recv() on the same socket, so the close takes effect."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class FaultProxy:
    def __init__(self, upstream_port: int, *, fault_rate: float = 0.5, seed: int = 1,
                 faults: tuple[str, ...] = FAULTS[1:], stall_seconds: float = 3.0) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.rng = random.Random(seed)
        self.fault_rate, self.faults, self.stall_seconds = fault_rate, faults, stall_seconds
        self.enabled = True
        #: request lines seen (b"POST /v1/push"), and a one-shot rule: drop the answer to the
        #: next request that starts with this prefix
        self.requests: list[bytes] = []
        self.drop_answer_to: bytes | None = None
        self.counts: dict[str, int] = {f: 0 for f in FAULTS}
        self._lock = threading.Lock()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._stop = False
        self._open: set[socket.socket] = set()
        #: seconds to hold each response (a slow link), and a hook told of each request line
        self.delay = 0.0
        #: when True every connection is refused (reset at once): the hub looks down
        self.down = False
        self.on_request: Callable[[bytes], None] | None = None
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            self._server.close()
        with self._lock:
            open_now = list(self._open)
        for sock in open_now:
            _reset(sock)

    def _plan(self) -> Plan:
        with self._lock:
            if not self.enabled or self.rng.random() >= self.fault_rate:
                return Plan("pass")
            # a fresh plan for every request on a kept-alive connection: the fault strikes
            # somewhere in the request or its response
            return Plan(self.rng.choice(self.faults), self.rng.randrange(0, 1500),
                        self.stall_seconds)

    def _fired(self, fault: str) -> None:
        with self._lock:
            self.counts[fault] += 1

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client, self._plan()), daemon=True).start()

    def _serve(self, client: socket.socket, plan: Plan) -> None:
        if self.down:
            _reset(client)
            return
        try:
            up = socket.create_connection(self.upstream)
        except OSError:
            _reset(client)
            return
        with self._lock:
            self._open.update((client, up))
        done = threading.Event()
        current = bytearray()          # the request bytes since the last response began
        state: dict[str, int | bool] = {"up": 0, "down": 0, "answering": False}

        def pump_up() -> None:
            try:
                while not done.is_set():
                    data = client.recv(65536)
                    if not data:
                        break
                    if state["answering"]:          # a new request on this connection
                        current.clear()
                        state.update(answering=False, up=0, down=0)
                        new = self._plan()
                        plan.fault, plan.after_bytes = new.fault, new.after_bytes
                    if not current:
                        line = data.split(b" HTTP/", 1)[0]
                        with self._lock:
                            self.requests.append(line)
                            if self.drop_answer_to and line.startswith(self.drop_answer_to):
                                plan.fault, plan.after_bytes = "drop_response", 0
                                self.drop_answer_to = None
                        if self.on_request is not None:
                            self.on_request(line)
                    current.extend(data)
                    cut = plan.after_bytes - state["up"]
                    if plan.fault == "reset_request" and 0 <= cut < len(data):
                        up.sendall(data[:cut])
                        self._fired(plan.fault)
                        _reset(up)
                        _reset(client)
                        return
                    up.sendall(data)
                    state["up"] += len(data)
            except OSError:
                pass
            finally:
                done.set()

        def pump_down() -> None:
            try:
                while True:
                    data = up.recv(65536)
                    if not data:
                        break
                    state["answering"] = True
                    if self.delay:
                        time.sleep(self.delay)
                    due = state["down"] + len(data) > plan.after_bytes // 3
                    if due and plan.fault == "drop_response":
                        self._fired(plan.fault)
                        _reset(client)        # the hub answered (so it committed); nobody hears
                        return
                    if due and plan.fault == "stall":
                        self._fired(plan.fault)
                        plan.fault = "pass"
                        time.sleep(plan.stall_seconds)
                    if due and plan.fault == "duplicate" and current:
                        self._fired(plan.fault)
                        plan.fault = "pass"
                        self._replay(bytes(current))
                    if due and plan.fault == "reset_response":
                        cut = max(0, plan.after_bytes // 3 - state["down"])
                        client.sendall(data[:cut])
                        self._fired(plan.fault)
                        _reset(client)
                        return
                    client.sendall(data)
                    state["down"] += len(data)
            except OSError:
                pass
            finally:
                done.set()
                _reset(client)
                with contextlib.suppress(OSError):
                    up.close()

        threading.Thread(target=pump_up, daemon=True).start()
        pump_down()

    def _replay(self, request: bytes) -> None:
        """Send the same request bytes to the hub again on a new connection (answer ignored)."""
        def go() -> None:
            with contextlib.suppress(OSError), socket.create_connection(self.upstream) as s:
                s.settimeout(10)
                s.sendall(request)
                while s.recv(65536):
                    pass
        threading.Thread(target=go, daemon=True).start()
