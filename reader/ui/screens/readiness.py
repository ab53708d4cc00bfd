"""Keys and pastes that come before the panes are ready: held, and handed back in order once
they are, so that each goes where it would have gone had it come later: a key after ``n`` into
the note editor, letters after ``/`` into the search box. (Run as actions when they came, "n"
opened the editor only when the panes were ready, and the note's letters had already run as
commands: "x" of "see fix" tagged the claim contested.) Actions that come another way (a click
on the footer) wait for the panes too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from textual import events
from textual.message_pump import MessagePump


class Readiness(Protocol):
    """A screen that says whether its panes are ready and keeps what came early."""

    ready: bool
    early_actions: list[Callable[[], None]]
    held: list[events.Key | events.Paste]

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


def hold(screen: Readiness, event: events.Key | events.Paste) -> None:
    """Keep a key or paste that came before the panes were ready."""
    if isinstance(event, events.Key):
        screen.held.append(events.Key(event.key, event.character))
    else:
        screen.held.append(events.Paste(event.text))


def become_ready(screen: Readiness, app: MessagePump) -> None:
    """Mark the panes ready, run the actions that came before, in order, and hand the keys and
    pastes that came before back to the app, in order, ahead of any that come later."""
    screen.ready = True
    while screen.early_actions:
        screen.early_actions.pop(0)()
    held, screen.held = screen.held, []
    for event in held:
        app.post_message(event)
