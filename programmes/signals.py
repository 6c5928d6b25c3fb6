"""Signals other apps connect to, so the programme never has to import them.

`participant_erasing` is sent by `participant_erase` inside its transaction, before the
participant's own record is anonymised, with:

- `participant`: the Participant, still with their data;
- `account`: the user account linked to them, or None;
- `user`: who erases (None for the scheduled command).

A receiver erases what its app keeps about the participant and returns a list of labels of
the kinds of data it erased (shown in the erasure act; never personal data). An exception in
a receiver undoes the whole erasure.
"""

from django.dispatch import Signal

participant_erasing = Signal()
