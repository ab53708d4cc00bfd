"""Keys pressed before the panes are ready: kept, and run in order once they are."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar


class Readiness(Protocol):
    """A screen that says whether its panes are ready and keeps the actions that came early."""

    ready: bool
    early_actions: list[Callable[[], None]]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Whether an action applies now (Textual's hook)."""


Params = ParamSpec("Params")
Screen = TypeVar("Screen", bound=Readiness)


def when_ready(
    action: Callable[Concatenate[Screen, Params], None],
) -> Callable[Concatenate[Screen, Params], None]:
    """Run a key's action now if the panes are ready, else when they are, in key order.

    A key read while a large pair of documents is still being laid out must neither act on a
    cursor that is not on screen yet nor be lost: it waits for the panes.
    """

    name = action.__name__.removeprefix("action_")

    def run(screen: Screen, /, *args: Params.args, **kwargs: Params.kwargs) -> None:
        if screen.ready:
            action(screen, *args, **kwargs)
            return

        def later() -> None:
            # Asked again: whether it applies could not be known before the panes were ready.
            if screen.check_action(name, tuple(args)) is True:
                action(screen, *args, **kwargs)

        screen.early_actions.append(later)

    # Textual reads an action's signature to know how many key parameters to pass.
    functools.update_wrapper(run, action)
    return run


def become_ready(screen: Readiness) -> None:
    """Mark the panes ready and run, in order, the actions whose keys came before."""
    screen.ready = True
    while screen.early_actions:
        screen.early_actions.pop(0)()
