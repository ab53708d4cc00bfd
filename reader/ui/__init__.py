"""The Textual user interface: thin, over the core and the store.

``app.ReaderApp`` holds the documents and the notes store and shows the ``Workstation``
screen (``screens/``), whose every key comes from one table of commands
(``screens/commands.py``) and whose slow work (matching, adding a document, exporting) runs
in workers (``screens/jobs.py``). ``widgets/`` draws the panes, the detail panel, the matrix
and the status line; ``dialogs/`` are the modal screens; ``reader.tcss`` is the layout and
``keymap`` reads a user's key map.
"""
