import threading

import pytest

from core.errors import ParamError, UsageError
from core.operations import Registry
from core.operations.command import Command


def test_first_lookups_from_many_threads_all_see_the_builtins() -> None:
    reg = Registry()
    barrier = threading.Barrier(8)
    found: list[bool] = []

    def look() -> None:
        barrier.wait()
        found.append("command" in reg)

    threads = [threading.Thread(target=look) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == [True] * 8


def test_unknown_operation_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match="unknown operation 'nope' \\(known: .*command"):
        Registry().get("nope")


def test_name_clash_is_refused() -> None:
    reg = Registry()

    class Other(Command):
        pass

    reg.register(Command)
    with pytest.raises(ValueError, match="already registered"):
        reg.register(Other)


@pytest.mark.parametrize(
    ("raw", "param"),
    [
        ({"cmd": "true", "grace": "soon"}, "grace"),
        ({"argv": '{"a": 1}'}, "argv"),
        ({"cmd": "true", "env": "[1]"}, "env"),
        ({"cmd": "true", "warning_pattern": "("}, "warning_pattern"),
        ({"cmd": "'unclosed"}, "cmd"),
    ],
)
def test_param_errors_name_the_field(raw: dict, param: str) -> None:
    with pytest.raises(ParamError) as exc:
        Command().validate(raw)
    assert exc.value.param == param
