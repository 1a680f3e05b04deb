"""Dialogs for the workflow actions: one per action family, built from the payload models."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.domain.vocabulary import Action
from app.services.queries import ComplaintDetail
from ui.context import UiContext
from ui.dialogs.actions.base import ActionDialog


def dialog_for(action: str, ctx: UiContext, detail: ComplaintDetail, parent: QWidget | None = None) -> ActionDialog:
    """The dialog that asks what ``action`` must record (``attach`` is done by picking files instead)."""
    from ui.dialogs.actions.accountability import AccountabilityDialog
    from ui.dialogs.actions.amend import AmendDialog
    from ui.dialogs.actions.assign import AssignDialog
    from ui.dialogs.actions.conclude import ConcludeDialog
    from ui.dialogs.actions.refuse import RefuseDialog
    from ui.dialogs.actions.reopen import ReopenDialog
    from ui.dialogs.actions.resolve import ResolveDialog

    kinds = {Action.CONCLUDE: ConcludeDialog, Action.ASSIGN: AssignDialog, Action.AMEND: AmendDialog,
             Action.RESOLVE: ResolveDialog, Action.REFUSE: RefuseDialog, Action.HOLD_ACCOUNTABLE: AccountabilityDialog,
             Action.REOPEN: ReopenDialog}
    return kinds.get(Action(action), ActionDialog)(ctx, detail, action, parent)
