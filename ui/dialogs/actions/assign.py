"""指派承办人: pick an active handler of the office."""

from __future__ import annotations

from app.domain.vocabulary import Role
from app.services.users import list_users
from ui.dialogs.actions.base import ActionDialog
from ui.dialogs.actions.specs import ActionField
from ui.forms.inputs import ChoiceInput, FieldInput


class AssignDialog(ActionDialog):
    def make_input(self, spec: ActionField) -> FieldInput:
        if spec.name != "assignee":
            return super().make_input(spec)
        handlers = [(u.id, f"{u.display_name}（{u.username}）") for u in list_users(self.ctx.profile)
                    if u.active and Role.HANDLER.value in u.roles]
        return ChoiceInput(handlers)
