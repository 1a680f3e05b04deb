"""重新办理: says before the leader confirms where the complaint goes back to and from when its clock runs.

The target is the domain's (``app.domain.facts.reopen_target``); the dialog only states it, so the
officer knows that a reopened finding goes back to the department with a new verification deadline,
as the feedback letters promise.
"""

from __future__ import annotations

from app.documents.model import format_chinese_date
from app.domain.facts import reopen_target
from app.domain.vocabulary import ReopenTarget, State, label
from ui.dialogs.actions.base import ActionDialog


class ReopenDialog(ActionDialog):
    def build(self) -> None:
        super().build()
        self.rows["reason"].set_hint(self.where_it_leads())

    def where_it_leads(self) -> str:
        complaint = self.detail.complaint
        target = reopen_target(complaint)
        if target == ReopenTarget.VERIFICATION:
            profile = self.ctx.profile
            due = profile.calendar.add_working_days(self.today, profile.rules.conclude_days)
            return (self.tr("It goes back to %1 for verification again, due %2 (%3 working days from today).")
                    .replace("%1", complaint.department or "")
                    .replace("%2", format_chinese_date(due))
                    .replace("%3", str(profile.rules.conclude_days)))
        if target == ReopenTarget.REGISTRATION:
            return self.tr("It goes back to registration and waits to be forwarded; the forwarding deadline "
                           "runs from today.")
        previous = complaint.state_before_close or State.REGISTERED
        return self.tr("It goes back to “%1”, where it stood before closing.").replace("%1", label(State(previous)))
